package org.leye.casework.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Free text that people type (a contact note, the evidence of a difficulty, a plan) sometimes
 * quotes an ID number. The text is kept, but the number in it is masked as everywhere else
 * ({@code 440703********1234}) before it is stored, so that no note shows a whole one: any run of
 * 15 to 18 digits (a first-generation 15-digit number, an 18-digit one, one that Excel cut short),
 * the last may be an X, in half- or full-width digits.
 */
public final class IdNumbersInText {

    private static final Pattern RUN = Pattern.compile("(?<![0-9０-９])[0-9０-９]{14,17}[0-9０-９XxＸｘ](?![0-9０-９XxＸｘ])");

    private IdNumbersInText() {
    }

    /** The text with every ID-number-like run masked; null stays null. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = RUN.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        do {
            String run = m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(
                    run.substring(0, 6) + "*".repeat(run.length() - 10) + run.substring(run.length() - 4)));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
