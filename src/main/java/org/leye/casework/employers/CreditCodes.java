package org.leye.casework.employers;

import java.util.regex.Pattern;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from
 * {@value #CHARSET} (no I, O, S, V, Z), the registration authority and kind (2), the
 * administrative division (6 digits), the organisation code (9) and a check character computed
 * from the first 17 (weights 3^(i-1) mod 31, check = 31 - sum mod 31, 31 being 0).
 */
public final class CreditCodes {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final Pattern FORMAT = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");
    private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

    private CreditCodes() {
    }

    /** Whether the text has the code's format, whatever its check character. */
    public static boolean looksLikeOne(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    /** Whether the text is a code: its format and its check character. */
    public static boolean isValid(String text) {
        return looksLikeOne(text) && text.charAt(17) == checkCharacter(text);
    }

    /** The check character of a code's first 17 characters (which must be of the code's charset). */
    static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += CHARSET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARSET.charAt(check == 31 ? 0 : check);
    }
}
