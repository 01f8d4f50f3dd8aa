package org.leye.casework.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.leye.casework.shared.web.DatabaseFailures;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * The answers of the security filters as RFC 9457 problem details, like every other error of the
 * API: 401 when nobody (or a wrong password) is signed in, 403 when the signed-in user's role may not
 * do this or a browser sent the request from another site ({@link CrossSiteRequestFilter}), 429 when
 * sign-ins are held back ({@link LoginThrottle}).
 *
 * <p>A 401 carries the challenge {@value #CHALLENGE}, never {@code Basic}: a browser answers a Basic
 * challenge with its own password dialog and then keeps sending the credentials typed there with
 * every request to this server, a forged cross-site one included. API clients send their HTTP
 * Basic credentials with the request (preemptively, as curl {@code -u} does) and need no challenge;
 * people sign in with the login form.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "Leye Casework";

    /**
     * The {@code WWW-Authenticate} of a 401 (RFC 9110 requires one): a scheme of our own that no
     * browser knows, so none opens its Basic dialog.
     */
    static final String CHALLENGE = "Leye realm=\"" + REALM + "\"";

    private final ObjectMapper objectMapper;

    ProblemResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof InternalAuthenticationServiceException && DatabaseFailures.unreachable(e)) {
            // the users could not be read: the database is down, not the password wrong
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
                    "The service is unavailable for a moment; try again shortly.");
            return;
        }
        if (e instanceof SignInsHeldBack heldBack) {
            tooManySignIns(request, response, heldBack.retryAfter());
            return;
        }
        boolean triedToSignIn = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        write(request, response, HttpStatus.UNAUTHORIZED, triedToSignIn
                ? "The user name or password is not valid."
                : "Sign in: send HTTP Basic credentials with the request, or use the login form.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException && notSignedIn() && isApi(request)) {
            // a write to the API without credentials (no Basic header, no session): 401 as API.md
            // says, not the 403 of the missing CSRF token that is checked first
            commence(request, response, new InsufficientAuthenticationException("not signed in"));
            return;
        }
        write(request, response, HttpStatus.FORBIDDEN, "Your role does not allow this.");
    }

    private static boolean notSignedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated();
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/engine-rest/");
    }

    /** 403 for a state-changing request that a browser sent from another site ({@link CrossSiteRequestFilter}). */
    void crossSite(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "Requests from another site are refused.");
    }

    /** 403 for any call but choosing one's own password, until a user given a password has chosen their own. */
    void passwordChangeRequired(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "Choose your own password first: PUT "
                + PasswordChangeRequiredFilter.API_PASSWORD + " {currentPassword, newPassword}, or sign in with the "
                + "login form.", Map.of("passwordChangeRequired", true));
    }

    /** 429 when sign-ins are held back after repeated failures ({@link LoginThrottle}). */
    private void tooManySignIns(HttpServletRequest request, HttpServletResponse response, java.time.Duration retryAfter)
            throws IOException {
        long seconds = Math.max(1, retryAfter.toSeconds());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins: sign-ins are refused for "
                + Math.max(1, (seconds + 59) / 60) + " more minute(s).");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        write(request, response, status, detail, Map.of());
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
            Map<String, Object> members) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.putAll(members);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
