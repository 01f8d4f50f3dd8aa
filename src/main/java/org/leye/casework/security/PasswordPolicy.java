package org.leye.casework.security;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.leye.casework.shared.problem.InvalidFieldException;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters, at most {@value #MAX_BYTES} bytes
 * in UTF-8 (BCrypt reads no further), and not the user name (in any case).
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /**
     * @param field the field to name when refused ({@code password}, {@code newPassword})
     * @throws InvalidFieldException naming the field when the password does not hold
     */
    static void check(String field, String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new InvalidFieldException(field, "leye.validation.password.tooShort", MIN_LENGTH);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidFieldException(field, "leye.validation.password.tooLong", MAX_BYTES);
        }
        if (username != null && password.strip().toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidFieldException(field, "leye.validation.password.username");
        }
    }
}
