package org.leye.casework.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in principal: Spring Security's view of an {@link AppUser}, carrying the caller's scope. */
final class AppUserDetails implements UserDetails, CredentialsContainer {

    /** Kept in the session, and sessions are kept in the database (Spring Session JDBC). */
    private static final long serialVersionUID = 1L;

    private final CurrentUser user;
    private final boolean enabled;
    /** Absent from sessions written before it existed: false, as it was for every user then. */
    private final boolean passwordChangeRequired;
    private String passwordHash;

    AppUserDetails(CurrentUser user, String passwordHash, boolean enabled, boolean passwordChangeRequired) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.passwordChangeRequired = passwordChangeRequired;
    }

    static AppUserDetails of(AppUser user) {
        return new AppUserDetails(user.toCurrentUser(), user.getPasswordHash(), user.isEnabled(),
                user.isPasswordChangeRequired());
    }

    /** The authority of a role, as {@code hasRole(...)} expects it. */
    static String authority(Role role) {
        return "ROLE_" + role.name();
    }

    CurrentUser currentUser() {
        return user;
    }

    /** The user signed in with a password someone else chose ({@link PasswordChangeRequiredFilter}). */
    boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(authority(user.role())));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "AppUserDetails[" + user + "]";
    }
}
