package org.leye.casework.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code leye.login.max-failures} wrong passwords for one user
 * name (default 5), or {@code leye.login.max-failures-per-address} from one client address (default
 * 20, an office behind one address has many users), within {@code leye.login.window} (15 minutes),
 * every sign-in of that name or from that address is refused, right or wrong, for
 * {@code leye.login.lockout} (15 minutes). A successful sign-in clears its user name's failures
 * (not its address's, or one valid account would unlock guessing the others). Form login and HTTP
 * Basic alike; the state is in memory, per node. Time comes from the application's clock.
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_KEYS = 10_000;

    private final Clock clock;
    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Duration lockout;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock, @Value("${leye.login.max-failures:5}") int maxFailures,
            @Value("${leye.login.max-failures-per-address:20}") int maxFailuresPerAddress,
            @Value("${leye.login.window:PT15M}") Duration window, @Value("${leye.login.lockout:PT15M}") Duration lockout) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
        this.lockout = lockout;
    }

    /** How long a sign-in as this user from this address is still refused; empty when it may be tried. */
    public Optional<Duration> refusal(String username, String address) {
        Instant now = clock.instant();
        Duration wait = max(remaining(userKey(username), now), remaining(addressKey(address), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** A wrong password (or an unknown user name). */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.values().removeIf(f -> f.idle(now, window));
        }
        if (username != null && record(userKey(username), now, maxFailures)) {
            // the user name is not logged: a mistyped password is sometimes typed into the name field
            log.warn("Sign-ins refused for {} after {} failures for one user name", lockout, maxFailures);
        }
        if (address != null && record(addressKey(address), now, maxFailuresPerAddress)) {
            log.warn("Sign-ins from one client address refused for {} after {} failures", lockout,
                    maxFailuresPerAddress);
        }
    }

    /** A successful sign-in clears the user name's failures. */
    public void succeeded(String username) {
        if (username != null) {
            failures.remove(userKey(username));
        }
    }

    /** Forgets every failure and lockout (an administrator's or a test's reset). */
    public void reset() {
        failures.clear();
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        failed(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()));
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        succeeded(event.getAuthentication().getName());
    }

    private boolean record(String key, Instant now, int max) {
        Failures f = failures.computeIfAbsent(key, k -> new Failures());
        synchronized (f) {
            return f.add(now, window, lockout, max);
        }
    }

    private Duration remaining(String key, Instant now) {
        Failures f = key == null ? null : failures.get(key);
        if (f == null) {
            return Duration.ZERO;
        }
        synchronized (f) {
            return f.lockedUntil == null || !now.isBefore(f.lockedUntil) ? Duration.ZERO
                    : Duration.between(now, f.lockedUntil);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String userKey(String username) {
        return username == null ? null : "user:" + username.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return address == null ? null : "address:" + address;
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    /** The recent failures of one key and, once too many, until when it is locked. */
    private static final class Failures {

        private final Deque<Instant> times = new ArrayDeque<>();
        private Instant lockedUntil;

        /** Records a failure; answers whether it locked the key. */
        boolean add(Instant now, Duration window, Duration lockout, int max) {
            if (lockedUntil != null && !now.isBefore(lockedUntil)) {
                lockedUntil = null;
                times.clear();
            }
            times.addLast(now);
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.removeFirst();
            }
            if (lockedUntil == null && times.size() >= max) {
                lockedUntil = now.plus(lockout);
                return true;
            }
            return false;
        }

        synchronized boolean idle(Instant now, Duration window) {
            boolean locked = lockedUntil != null && now.isBefore(lockedUntil);
            return !locked && (times.isEmpty() || !times.peekLast().isAfter(now.minus(window)));
        }
    }
}
