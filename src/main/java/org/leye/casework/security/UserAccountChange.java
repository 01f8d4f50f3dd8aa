package org.leye.casework.security;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PATCH /api/users/{username}} and the user form: a member left out (null) is left
 * as it is. {@code role}, {@code district} and {@code university} are the scope: with {@code role},
 * the district and university are as given (one left out is none); without it, a district or
 * university given replaces the current one and the role stays. A blank {@code email} removes it.
 */
public record UserAccountChange(Boolean enabled, Role role, @Size(max = 6) String district,
        @Size(max = 16) String university, @Size(max = 64) String displayName, @Email @Size(max = 128) String email) {
}
