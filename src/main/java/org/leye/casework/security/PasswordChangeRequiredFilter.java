package org.leye.casework.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user who signed in with a password someone else chose (a new account, the first administrator)
 * does nothing else until they have chosen their own: the API answers 403 with
 * {@code passwordChangeRequired: true} (but {@code GET /api/me} and {@code PUT /api/me/password}),
 * and every page sends them to {@value #PAGE}. After the authorization filter: whoever may not call
 * a path at all is refused as before.
 */
final class PasswordChangeRequiredFilter extends OncePerRequestFilter {

    static final String PAGE = "/account/password";
    static final String API_PASSWORD = "/api/me/password";

    /** What such a user may still do: see who they are, choose a password, sign out, load the styles. */
    private static final List<String> OPEN = List.of(PAGE, API_PASSWORD, "/api/me", "/logout", "/login", "/error",
            "/favicon.ico");
    private static final List<String> OPEN_PREFIXES = List.of("/css/", "/webjars/");

    private final ProblemResponses problems;

    PasswordChangeRequiredFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!mustChangePassword() || OPEN.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith)) {
            chain.doFilter(request, response);
        } else if (path.startsWith("/api/") || path.startsWith("/engine-rest/")) {
            problems.passwordChangeRequired(request, response);
        } else {
            response.sendRedirect(request.getContextPath() + PAGE);
        }
    }

    private static boolean mustChangePassword() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AppUserDetails user
                && user.passwordChangeRequired();
    }
}
