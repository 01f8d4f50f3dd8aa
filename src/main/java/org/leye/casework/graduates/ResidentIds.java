package org.leye.casework.graduates;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.leye.casework.shared.CityTime;

/**
 * Mainland China resident identity numbers (居民身份证号码, GB 11643-1999): 6-digit area code,
 * 8-digit birth date, 3-digit sequence (the last one odd for men, even for women) and a
 * ISO 7064 MOD 11-2 check character (0-9 or X).
 *
 * <p>Call {@link #normalize} on user input (hand-over cells, form fields) before
 * {@link #isValid}; {@code isValid} itself accepts only the normalised form (upper-case X,
 * ASCII digits, no spaces). The old 15-digit form is not accepted.
 */
public final class ResidentIds {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private ResidentIds() {
    }

    /**
     * Trims (also ideographic U+3000 and no-break spaces), removes inner white space, turns
     * full-width digits into ASCII digits and x, ｘ, Ｘ into X. Null stays null. Nothing else is
     * changed, so a value that is not an ID number stays recognisably wrong.
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isSpace(c)) {
                continue;
            }
            if (c >= '\uFF10' && c <= '\uFF19') {
                out.append((char) ('0' + (c - '\uFF10')));
            } else if (c == 'x' || c == '\uFF58' || c == '\uFF38') {
                out.append('X');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** White space including the ideographic space, no-break spaces and zero-width characters. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u3000'
                || c == '\u200B' || c == '\uFEFF';
    }

    /**
     * {@link #isValid(String, LocalDate)} with today's date in the city: birth dates are judged "in the
     * future" against it.
     */
    public static boolean isValid(String normalized) {
        return isValid(normalized, LocalDate.now(CityTime.ZONE));
    }

    /**
     * Whether a normalised value is a valid 18-character resident ID number: format, province
     * code, a real birth date between 1900-01-01 and {@code today}, and the check character.
     */
    public static boolean isValid(String normalized, LocalDate today) {
        if (normalized == null || normalized.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(normalized.charAt(i))) {
                return false;
            }
        }
        char last = normalized.charAt(17);
        if (!isAsciiDigit(last) && last != 'X') {
            return false;
        }
        if (!isProvinceCode(Integer.parseInt(normalized.substring(0, 2)))) {
            return false;
        }
        LocalDate birth = parseBirthDate(normalized);
        if (birth == null || birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
            return false;
        }
        return computeCheckChar(normalized) == last;
    }

    /**
     * The check character (0-9 or X) for the first 17 digits of a number.
     *
     * @throws IllegalArgumentException unless {@code first17} is exactly 17 ASCII digits
     */
    public static String checkDigit(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("17 digits expected");
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(first17.charAt(i))) {
                throw new IllegalArgumentException("17 digits expected");
            }
        }
        return String.valueOf(computeCheckChar(first17));
    }

    /**
     * The birth date encoded in a number (characters 7-14).
     *
     * @throws IllegalArgumentException if the value (after {@link #normalize}) is not 18
     *     characters or its date part is not a real date
     */
    public static LocalDate birthDate(String idNumber) {
        String n = requireShape(idNumber);
        LocalDate birth = parseBirthDate(n);
        if (birth == null) {
            throw new IllegalArgumentException("not a resident ID number: invalid birth date");
        }
        return birth;
    }

    /**
     * The gender encoded in a number: the 17th character odd for men, even for women.
     *
     * @throws IllegalArgumentException if the value (after {@link #normalize}) is not 18
     *     characters with a digit at position 17
     */
    public static Gender gender(String idNumber) {
        String n = requireShape(idNumber);
        return (n.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /**
     * The masked form shown in lists and records: the first 6 and last 4 characters around 8
     * asterisks, {@code 440703********1234}. Null stays null; a value too short to mask that
     * way (under 11 characters) becomes all asterisks.
     */
    public static String mask(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        String n = normalize(idNumber);
        if (n.length() < 11) {
            return "*".repeat(n.length());
        }
        return n.substring(0, 6) + "********" + n.substring(n.length() - 4);
    }

    /** Whether the two leading digits are a province-level code (GB/T 2260). */
    public static boolean isProvinceCode(int code) {
        return (code >= 11 && code <= 15)
                || (code >= 21 && code <= 23)
                || (code >= 31 && code <= 37)
                || (code >= 41 && code <= 46)
                || (code >= 50 && code <= 54)
                || (code >= 61 && code <= 65)
                || code == 71 || code == 81 || code == 82 || code == 91;
    }

    private static String requireShape(String idNumber) {
        String n = normalize(idNumber);
        if (n == null || n.length() != 18) {
            throw new IllegalArgumentException("not an 18-character resident ID number");
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(n.charAt(i))) {
                throw new IllegalArgumentException("not a resident ID number: non-digit character");
            }
        }
        return n;
    }

    /** Null when characters 7-14 are not a real yyyyMMdd date; expects 17 leading digits. */
    private static LocalDate parseBirthDate(String n) {
        int year = Integer.parseInt(n.substring(6, 10));
        int month = Integer.parseInt(n.substring(10, 12));
        int day = Integer.parseInt(n.substring(12, 14));
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static char computeCheckChar(String digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS[sum % 11];
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
