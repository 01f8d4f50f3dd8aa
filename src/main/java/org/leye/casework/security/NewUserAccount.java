package org.leye.casework.security;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/users} and the new user form: a user name of lower-case letters,
 * digits, {@code .}, {@code _} and {@code -} (2 to 64, beginning with a letter or digit), the role and
 * the district or university it needs, and the first password, which the user changes at their first
 * sign-in ({@link PasswordPolicy}). Blank district, university and e-mail are none.
 */
public record NewUserAccount(
        @NotBlank @Pattern(regexp = USERNAME, message = "{leye.validation.username}") String username,
        @NotBlank @Size(max = 64) String displayName,
        @NotNull Role role,
        @Size(max = 6) String district,
        @Size(max = 16) String university,
        @Email @Size(max = 128) String email,
        @NotNull String password) {

    public static final String USERNAME = "[a-z0-9][a-z0-9._-]{1,63}";

    /** Never the password, in a log or an exception's message. */
    @Override
    public String toString() {
        return "NewUserAccount[" + username + ", " + role + ", " + district + ", " + university + "]";
    }
}
