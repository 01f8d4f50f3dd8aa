package org.leye.casework.handover;

import java.text.Normalizer;
import java.util.Locale;

import org.leye.casework.shared.SpreadsheetCells;

/**
 * Cleaning of hand-over cells: the {@code '} of a cell neutralised by our own export dropped,
 * full-width forms folded (NFKC), white space trimmed, traditional script simplified.
 */
final class Cells {

    // traditional characters that occur in the headers and coded values of a hand-over file
    private static final String TRADITIONAL = "證號碼別聯繫電話機學專業歷畢屬區縣難類願時間脫貧殘碩職員無會鶴開門東廣與醫實際"
            + "況說預計離認據";
    private static final String SIMPLIFIED = "证号码别联系电话机学专业历毕属区县难类愿时间脱贫残硕职员无会鹤开门东广与医实际"
            + "况说预计离认据";

    private Cells() {
    }

    /**
     * A cell as our export neutralised it ({@code '=…}, {@code '-}, {@code '+86…}) back to what it was
     * ({@link SpreadsheetCells#restore}), then NFKC (full-width digits, letters and spaces to ASCII),
     * then trimmed of all white space at both ends.
     */
    static String clean(String cell) {
        if (cell == null) {
            return "";
        }
        return trim(Normalizer.normalize(SpreadsheetCells.restore(cell), Normalizer.Form.NFKC));
    }

    /**
     * A free-text cell (the evidence of a difficulty) as typed: our export's prefix dropped and
     * trimmed, but its full-width punctuation kept, as the form keeps it.
     */
    static String text(String cell) {
        return cell == null ? "" : trim(SpreadsheetCells.restore(cell));
    }

    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** A cleaned cell in simplified script, lower case, without inner white space: for matching words. */
    static String key(String cell) {
        String c = clean(cell);
        StringBuilder out = new StringBuilder(c.length());
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (isSpace(ch)) {
                continue;
            }
            int t = TRADITIONAL.indexOf(ch);
            out.append(t >= 0 ? SIMPLIFIED.charAt(t) : ch);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }
}
