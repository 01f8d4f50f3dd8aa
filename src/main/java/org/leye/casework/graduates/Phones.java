package org.leye.casework.graduates;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mainland China telephone numbers as entered for graduates: a mobile number (11 digits,
 * {@code 1[3-9]...}) or a landline with its area code ({@code 0750-3123456}, {@code 020-12345678};
 * the hyphen is optional).
 */
public final class Phones {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");
    private static final Pattern LANDLINE_PARENTHESES = Pattern.compile("\\((0\\d{2,3})\\)-?(\\d{7,8})");

    private Phones() {
    }

    /**
     * Trims and removes white space (also U+3000 and no-break spaces), turns full-width digits,
     * hyphens and parentheses into ASCII ones, and then:
     * <ul>
     *   <li>a mobile number loses its hyphens and a leading {@code +86} or {@code 0086}
     *       ({@code 138-0013-8000} → {@code 13800138000});</li>
     *   <li>a landline written {@code (0750)3123456} becomes {@code 0750-3123456};</li>
     *   <li>anything else is returned as cleaned, and {@link #isValid} will reject it.</li>
     * </ul>
     * Null stays null.
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (ResidentIds.isSpace(c)) {
                continue;
            }
            if (c >= '\uFF10' && c <= '\uFF19') {
                sb.append((char) ('0' + (c - '\uFF10')));
            } else if (c == '\uFF0D' || c == '\u2010' || c == '\u2011' || c == '\u2012'
                    || c == '\u2013' || c == '\u2014' || c == '\u2212') {
                sb.append('-');
            } else if (c == '\uFF08') {
                sb.append('(');
            } else if (c == '\uFF09') {
                sb.append(')');
            } else if (c == '\uFF0B') {
                sb.append('+');
            } else {
                sb.append(c);
            }
        }
        String cleaned = sb.toString();

        String digits = cleaned.replace("-", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        if (MOBILE.matcher(digits).matches()) {
            return digits;
        }
        Matcher m = LANDLINE_PARENTHESES.matcher(cleaned);
        if (m.matches()) {
            return m.group(1) + "-" + m.group(2);
        }
        return cleaned;
    }

    /** Whether a normalised value is a mainland mobile number or a landline with area code. */
    public static boolean isValid(String normalized) {
        return normalized != null
                && (MOBILE.matcher(normalized).matches() || LANDLINE.matcher(normalized).matches());
    }

    /** Whether a normalised value is a mainland mobile number. */
    public static boolean isMobile(String normalized) {
        return normalized != null && MOBILE.matcher(normalized).matches();
    }

    /**
     * The masked form shown in lists and records. Mobile: first 3 and last 4 digits,
     * {@code 138****5678}. Landline: the area code and the last 2 digits,
     * {@code 0750-*****56}. Anything else: all but the last 2 characters masked (all of a
     * value of 4 characters or fewer). Null stays null.
     */
    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        String n = normalize(phone);
        if (MOBILE.matcher(n).matches()) {
            return n.substring(0, 3) + "****" + n.substring(7);
        }
        if (LANDLINE.matcher(n).matches()) {
            String area;
            String rest;
            String separator;
            int hyphen = n.indexOf('-');
            if (hyphen >= 0) {
                area = n.substring(0, hyphen);
                rest = n.substring(hyphen + 1);
                separator = "-";
            } else {
                int areaLength = areaCodeLength(n);
                area = n.substring(0, areaLength);
                rest = n.substring(areaLength);
                separator = "";
            }
            return area + separator + "*".repeat(rest.length() - 2) + rest.substring(rest.length() - 2);
        }
        if (n.length() <= 4) {
            return "*".repeat(n.length());
        }
        return "*".repeat(n.length() - 2) + n.substring(n.length() - 2);
    }

    /**
     * Length of the area code at the start of a landline number written without a hyphen:
     * 3 for Beijing (010) and the 02x cities (Shanghai, Guangzhou, ...), 4 for all others
     * (Jiangmen 0750).
     */
    static int areaCodeLength(String landline) {
        return landline.startsWith("010") || landline.startsWith("02") ? 3 : 4;
    }
}
