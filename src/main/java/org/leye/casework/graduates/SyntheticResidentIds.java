package org.leye.casework.graduates;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Realistic but fictitious resident ID numbers for tests and demo data: a given area code and
 * birth date, a random sequence number whose last digit matches the gender, and the correct
 * check character. Deterministic for a seeded {@link Random}. The methods are static; the public
 * constructor only lets callers that prefer an instance create one.
 */
public final class SyntheticResidentIds {

    /** County-level area codes of Jiangmen: 蓬江, 江海, 新会, 台山, 开平, 鹤山, 恩平. */
    public static final List<String> JIANGMEN_AREA_CODES =
            List.of("440703", "440704", "440705", "440781", "440783", "440784", "440785");

    public SyntheticResidentIds() {
    }

    /**
     * A valid number for the area, birth date and gender.
     *
     * @param areaCode 6 digits starting with a province code, such as {@code 440703}
     * @param birth between 1900-01-01 and today
     * @throws IllegalArgumentException for a malformed area code or a birth date out of range
     */
    public static String next(Random rnd, String areaCode, LocalDate birth, Gender g) {
        if (rnd == null || birth == null || g == null) {
            throw new IllegalArgumentException("random, birth date and gender are required");
        }
        if (areaCode == null || !areaCode.matches("\\d{6}")
                || !ResidentIds.isProvinceCode(Integer.parseInt(areaCode.substring(0, 2)))) {
            throw new IllegalArgumentException("area code must be 6 digits starting with a province code: " + areaCode);
        }
        if (birth.getYear() < 1900 || birth.getYear() > 9999) {
            throw new IllegalArgumentException("birth date out of range: " + birth);
        }
        // sequence 001-999 whose last digit is odd for men and even for women
        int first2 = rnd.nextInt(100);
        int last = 2 * rnd.nextInt(5) + (g == Gender.MALE ? 1 : 0);
        if (first2 == 0 && last == 0) {
            last = 2 + 2 * rnd.nextInt(4);
        }
        String first17 = areaCode
                + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + String.format("%02d%d", first2, last);
        return first17 + ResidentIds.checkDigit(first17);
    }

    /**
     * A number for a graduate of Jiangmen: a random Jiangmen area code, a birth date between
     * 1995-01-01 and 2004-12-31, a random gender.
     */
    public static String next(Random rnd) {
        String area = JIANGMEN_AREA_CODES.get(rnd.nextInt(JIANGMEN_AREA_CODES.size()));
        LocalDate birth = LocalDate.of(1995, 1, 1).plusDays(rnd.nextInt(3653));
        Gender g = rnd.nextBoolean() ? Gender.MALE : Gender.FEMALE;
        return next(rnd, area, birth, g);
    }
}
