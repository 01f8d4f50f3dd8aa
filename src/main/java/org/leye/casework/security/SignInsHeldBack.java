package org.leye.casework.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused by the {@link LoginThrottle}, right password or wrong, for {@link #retryAfter()}. */
final class SignInsHeldBack extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    SignInsHeldBack(Duration retryAfter) {
        super("Too many failed sign-ins");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
