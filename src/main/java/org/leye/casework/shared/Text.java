package org.leye.casework.shared;

/** Free text as the application keeps it: stripped, and nothing rather than blanks. */
public final class Text {

    private Text() {
    }

    /** The text stripped, or null when it is null or blank. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
