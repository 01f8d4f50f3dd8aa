package org.leye.casework.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in that {@link LoginThrottle} holds back before the password is checked: the
 * login form is sent back to the login page with a message ({@code /login?locked}), an HTTP Basic
 * call gets 429 with a problem detail and {@code Retry-After}. Runs in the security filter chain
 * before the form and Basic authentication filters (see {@link SecurityConfig}).
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final ProblemResponses problems;

    LoginThrottleFilter(LoginThrottle throttle, ProblemResponses problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
        String username = form ? request.getParameter("username") : basicUsername(request);
        if (username != null) {
            Optional<Duration> refused = throttle.refusal(username, request.getRemoteAddr());
            if (refused.isPresent()) {
                if (form) {
                    response.sendRedirect(request.getContextPath() + "/login?locked");
                } else {
                    problems.tooManySignIns(request, response, refused.get());
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The user name of an HTTP Basic header, or null when there is none or it cannot be read. */
    static String basicUsername(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
