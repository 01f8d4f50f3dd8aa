package org.leye.casework.shared.jpa;

/**
 * LIKE patterns built from what a user typed: {@code %}, {@code _} and the escape character match
 * themselves, so a search for "50%" or "a_b" finds just that. Use with escape character {@code '\\'}.
 */
public final class LikePatterns {

    public static final char ESCAPE = '\\';

    private LikePatterns() {
    }

    /** {@code %text%} with the text's own wildcards escaped. */
    public static String containing(String text) {
        return "%" + escape(text) + "%";
    }

    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
