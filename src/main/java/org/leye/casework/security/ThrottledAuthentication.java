package org.leye.casework.security;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.TransactionException;

/**
 * The password check of the login form and of HTTP Basic, held back by the {@link LoginThrottle}:
 * <ol>
 * <li>a name or address that is locked is refused before its password is checked (no BCrypt);</li>
 * <li>a wrong password is counted, and answered as a refusal rather than as wrong when it was counted
 * beyond the maximum (sent together with others before the lockout could be seen);</li>
 * <li>a right password is refused when the name or the address was locked while it was being checked,
 * and otherwise clears the name's failures.</li>
 * </ol>
 * A refusal is a {@link SignInsHeldBack}: 429 for HTTP Basic ({@link ProblemResponses}), the login
 * page with a message for the form ({@link SecurityConfig}). The client address is the request's
 * remote address, which both authentication filters put in the attempt's details.
 */
final class ThrottledAuthentication implements AuthenticationManager {

    private final AuthenticationManager passwords;
    private final LoginThrottle throttle;

    ThrottledAuthentication(AuthenticationManager passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        refuseIf(throttled(() -> throttle.refusal(username, address)));
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(attempt);
        } catch (BadCredentialsException wrong) {
            refuseIf(throttled(() -> throttle.failed(username, address)));
            throw wrong;
        }
        refuseIf(throttled(() -> throttle.succeeded(username, address)));
        return signedIn;
    }

    private static void refuseIf(Optional<Duration> refused) {
        if (refused.isPresent()) {
            throw new SignInsHeldBack(refused.get());
        }
    }

    /** The throttle's answer; a database failure is the sign-in's failure (503 when unreachable), not a 500. */
    private static Optional<Duration> throttled(Supplier<Optional<Duration>> answer) {
        try {
            return answer.get();
        } catch (DataAccessException | TransactionException e) {
            throw new InternalAuthenticationServiceException("The login throttle could not be read", e);
        }
    }
}
