package org.leye.casework.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.leye.casework.shared.ProcessAdapter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Single sign-on for the Camunda webapps and the engine's REST API: the engine's user is whoever
 * Spring Security signed in, if an administrator. Camunda looks the groups up through the identity
 * provider ({@link AppIdentityProvider}), so {@code admin} is in {@code camunda-admin} there too.
 * <p>
 * Camunda instantiates this class by name (filter init parameter), hence public and no Spring
 * injection.
 */
@ProcessAdapter
public class SpringSecurityAuthenticationProvider implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return AuthenticationResult.unsuccessful();
        }
        // Spring Security lets only administrators through to /camunda/** and /engine-rest/**;
        // checked again so that a change of the URL rules cannot open the engine to others
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(a -> AppUserDetails.authority(Role.ADMIN).equals(a.getAuthority()));
        if (!admin) {
            return AuthenticationResult.unsuccessful(authentication.getName());
        }
        return AuthenticationResult.successful(authentication.getName());
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // the challenge (login page or WWW-Authenticate) is Spring Security's business
    }
}
