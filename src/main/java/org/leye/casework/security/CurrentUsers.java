package org.leye.casework.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The caller of the current request, with the scope that every query is filtered by. */
@Component
public class CurrentUsers {

    private final AppUsers users;

    CurrentUsers(AppUsers users) {
        this.users = users;
    }

    /** An enabled user by name, with their role and scope (to name a helper, for instance). */
    @Transactional(readOnly = true)
    public java.util.Optional<CurrentUser> find(String username) {
        return users.findByUsername(username).filter(AppUser::isEnabled).map(AppUser::toCurrentUser);
    }

    /** The enabled users of a university who may be named as a student's helper (counselors and helpers). */
    @Transactional(readOnly = true)
    public java.util.List<CurrentUser> helpersOf(String universityCode) {
        return users.findByUniversityCodeAndRoleInAndEnabledTrueOrderByUsername(universityCode,
                java.util.List.of(Role.COUNSELOR, Role.HELPER)).stream().map(AppUser::toCurrentUser).toList();
    }

    /** The users who may be the named helper of a graduate in difficulty at the bureau: the district's caseworkers. */
    @Transactional(readOnly = true)
    public java.util.List<CurrentUser> bureauHelpersOf(String districtCode) {
        return users.findByDistrictCodeAndRoleInAndEnabledTrueOrderByUsername(districtCode,
                java.util.List.of(Role.CASEWORKER)).stream().map(AppUser::toCurrentUser).toList();
    }

    /**
     * The signed-in user.
     *
     * @throws AuthenticationCredentialsNotFoundException when nobody is signed in
     */
    @Transactional(readOnly = true)
    public CurrentUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            throw new AuthenticationCredentialsNotFoundException("not signed in");
        }
        if (authentication.getPrincipal() instanceof AppUserDetails details) {
            return details.currentUser();
        }
        // another kind of authentication (a test's mock user, for instance): look the name up
        return users.findByUsername(authentication.getName())
                .map(AppUser::toCurrentUser)
                .orElseThrow(() -> new UsernameNotFoundException("signed in as an unknown user"));
    }
}
