package org.leye.casework.security;

import java.time.Instant;

/**
 * A user's account as {@code GET /api/users} and the users pages show it; never the password or its hash.
 *
 * @param district               the district code, or null
 * @param university             the university code, or null
 * @param passwordChangeRequired the user has not yet chosen their own password
 */
public record UserAccountView(String username, String displayName, Role role, String district, String university,
        String email, boolean enabled, boolean passwordChangeRequired, Instant createdAt) {
}
