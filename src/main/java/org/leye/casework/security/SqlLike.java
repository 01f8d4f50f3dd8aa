package org.leye.casework.security;

import java.util.regex.Pattern;

/** SQL LIKE patterns ({@code %}, {@code _}, backslash escape) evaluated in memory, for derived groups. */
final class SqlLike {

    private SqlLike() {
    }

    static boolean matches(String value, String likePattern) {
        return value != null && toRegex(likePattern).matcher(value).matches();
    }

    static Pattern toRegex(String likePattern) {
        StringBuilder regex = new StringBuilder();
        boolean escaped = false;
        for (char c : likePattern.toCharArray()) {
            if (escaped) {
                regex.append(Pattern.quote(String.valueOf(c)));
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
