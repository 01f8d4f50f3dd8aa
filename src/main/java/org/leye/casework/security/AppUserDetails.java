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
    private String passwordHash;

    AppUserDetails(CurrentUser user, String passwordHash, boolean enabled) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    static AppUserDetails of(AppUser user) {
        return new AppUserDetails(user.toCurrentUser(), user.getPasswordHash(), user.isEnabled());
    }

    /** The authority of a role, as {@code hasRole(...)} expects it. */
    static String authority(Role role) {
        return "ROLE_" + role.name();
    }

    CurrentUser currentUser() {
        return user;
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
