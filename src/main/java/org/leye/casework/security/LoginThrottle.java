package org.leye.casework.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing: after {@code leye.login.max-failures} wrong passwords for one user
 * name (default 5), or {@code leye.login.max-failures-per-address} from one client address (default
 * 20, an office behind one address has many users), within {@code leye.login.window} (15 minutes)
 * of the first of them, every sign-in of that name or from that address is refused, right or wrong,
 * for {@code leye.login.lockout} (15 minutes) after the failure that reached the maximum. A successful
 * sign-in clears its user name's failures (not its address's, or one valid account would unlock
 * guessing the others). Form login and HTTP Basic alike ({@link ThrottledAuthentication}).
 *
 * <p>The counts are in the database (table {@code login_throttle}, db/V23), shared by every node, and
 * each failure is counted by one atomic statement whose row decides the lockout: of any number of
 * wrong passwords sent at once, only the first {@code max} are answered as wrong; those counted
 * beyond the maximum are answered as refused, as is a right password that finds the name or address
 * locked once it has been checked. So a burst learns no more than {@code max} answers, however many
 * requests it sends before the lockout is visible.
 *
 * <p>The user name is normalised (Unicode NFKC, surrounding white space stripped, lower case), so
 * that {@code Li.Lei}, {@code li.lei } and full-width letters count as one name. The client address
 * is {@code request.getRemoteAddr()}, which is the proxy's address unless
 * {@code server.forward-headers-strategy} makes it the client's (application.yml); an IPv6 address
 * counts by its /64 network, which one client has to itself. Names and addresses are stored as
 * SHA-256 digests and never logged. Time comes from the application's clock.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%\\w+)?");

    /** A failure on a row whose window (or lockout) has ended: it is the first of a new window. */
    private static final String RESTART = "UPDATE login_throttle SET failures = 1, window_end = :firstEnd "
            + "WHERE throttle_key = :key AND window_end <= :now";
    /**
     * A failure within the window: counted, and the failure that reaches the maximum moves the end of
     * the window to the end of the lockout. {@code window_end} is assigned first: MySQL evaluates the
     * assignments from left to right with the values already assigned, H2 with the old ones; this way
     * both read the old {@code failures} everywhere.
     */
    private static final String COUNT = "UPDATE login_throttle "
            + "SET window_end = CASE WHEN failures + 1 = :max THEN :lockEnd ELSE window_end END, "
            + "failures = failures + 1 WHERE throttle_key = :key AND window_end > :now";
    private static final String FIRST = "INSERT INTO login_throttle (throttle_key, failures, window_end) "
            + "VALUES (:key, 1, :firstEnd)";
    private static final String READ = "SELECT failures, window_end FROM login_throttle WHERE throttle_key = :key";
    private static final String CURRENT = "SELECT throttle_key, failures, window_end FROM login_throttle "
            + "WHERE throttle_key IN (:keys) AND window_end > :now";

    /** A user name's or an address's row: its key, the failures that lock it, and what it is for the logs. */
    private record Key(String digest, int max, String kind) {
    }

    private record Count(int failures, long windowEnd) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Duration lockout;

    LoginThrottle(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
            @Value("${leye.login.max-failures:5}") int maxFailures,
            @Value("${leye.login.max-failures-per-address:20}") int maxFailuresPerAddress,
            @Value("${leye.login.window:PT15M}") Duration window, @Value("${leye.login.lockout:PT15M}") Duration lockout) {
        if (maxFailures < 1 || maxFailuresPerAddress < 1 || window.isNegative() || window.isZero()
                || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("leye.login.*: the maximums must be at least 1, window and lockout "
                    + "longer than zero");
        }
        this.jdbc = jdbc;
        // counted whatever becomes of a surrounding transaction, and committed before the answer is sent
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
        this.lockout = lockout;
    }

    /** How long a sign-in as this user from this address is still refused; empty when it may be tried. */
    Optional<Duration> refusal(String username, String address) {
        long now = clock.millis();
        List<Key> keys = keys(username, address);
        return lockedFor(keys, current(keys, now), now);
    }

    /**
     * Counts a wrong password (or an unknown user name) for the name and the address.
     *
     * @return how long sign-ins are refused, when this failure was counted beyond a maximum and must be
     *     answered as a refusal rather than as a wrong password; empty when it may be answered as wrong
     */
    Optional<Duration> failed(String username, String address) {
        long now = clock.millis();
        long refusedUntil = 0;
        for (Key key : keys(username, address)) {
            Count count = count(key, now);
            if (count.failures() == key.max()) {
                // neither the name nor the address is logged: a password is sometimes typed into the name
                // field; the key's first digits find the row in login_throttle
                log.warn("Sign-ins refused for {} after {} failures for one {} (login_throttle key {}...)", lockout,
                        key.max(), key.kind(), key.digest().substring(0, 12));
            } else if (count.failures() > key.max()) {
                refusedUntil = Math.max(refusedUntil, count.windowEnd());
            }
        }
        return refusedUntil > now ? Optional.of(Duration.ofMillis(refusedUntil - now)) : Optional.empty();
    }

    /**
     * A right password. Refused after all when the name or the address has been locked meanwhile (by
     * failures checked at the same time); otherwise the user name's failures are cleared.
     *
     * @return how long sign-ins are refused when this one must be refused; empty when it stands
     */
    Optional<Duration> succeeded(String username, String address) {
        long now = clock.millis();
        List<Key> keys = keys(username, address);
        Map<String, Count> counts = current(keys, now);
        Optional<Duration> locked = lockedFor(keys, counts, now);
        if (locked.isPresent()) {
            return locked;
        }
        if (username != null) {
            String user = userKey(username).digest();
            if (counts.containsKey(user)) {
                jdbc.update("DELETE FROM login_throttle WHERE throttle_key = :key", Map.of("key", user));
            }
        }
        return Optional.empty();
    }

    /** Forgets every failure and lockout (an administrator's or a test's reset). */
    void reset() {
        jdbc.update("DELETE FROM login_throttle", Map.of());
    }

    /** Deletes the rows whose window or lockout has ended: they count for nothing any more. */
    @Scheduled(fixedDelayString = "${leye.login.cleanup-interval:PT10M}",
            initialDelayString = "${leye.login.cleanup-interval:PT10M}")
    void forgetEnded() {
        jdbc.update("DELETE FROM login_throttle WHERE window_end <= :now", Map.of("now", clock.millis()));
    }

    /** Counts one failure on the key's row atomically; the row as this failure left it. */
    private Count count(Key key, long now) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("key", key.digest())
                .addValue("now", now).addValue("max", key.max())
                .addValue("firstEnd", now + (key.max() <= 1 ? lockout : window).toMillis())
                .addValue("lockEnd", now + lockout.toMillis());
        for (int attempt = 1; ; attempt++) {
            // the UPDATE holds the row until commit, so the row read back is the one it wrote
            Count counted = ownTransaction.execute(status -> {
                int updated = jdbc.update(RESTART, params);
                if (updated == 0) {
                    updated = jdbc.update(COUNT, params);
                }
                return updated == 0 ? null : jdbc.queryForObject(READ, params,
                        (rs, row) -> new Count(rs.getInt("failures"), rs.getLong("window_end")));
            });
            if (counted != null) {
                return counted;
            }
            try {
                // in a transaction of its own: a duplicate key leaves no lock behind to deadlock the UPDATE on
                ownTransaction.executeWithoutResult(status -> jdbc.update(FIRST, params));
                return new Count(1, (Long) params.getValue("firstEnd"));
            } catch (DuplicateKeyException concurrentFirstFailure) {
                if (attempt >= 3) {
                    throw concurrentFirstFailure;
                }
                // another request (or node) wrote the first failure meanwhile: count on its row
            }
        }
    }

    private Map<String, Count> current(List<Key> keys, long now) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, Count> counts = new HashMap<>();
        jdbc.query(CURRENT, new MapSqlParameterSource("keys", keys.stream().map(Key::digest).toList())
                .addValue("now", now), rs -> {
                    counts.put(rs.getString("throttle_key").strip(),
                            new Count(rs.getInt("failures"), rs.getLong("window_end")));
                });
        return counts;
    }

    private static Optional<Duration> lockedFor(List<Key> keys, Map<String, Count> counts, long now) {
        long until = 0;
        for (Key key : keys) {
            Count count = counts.get(key.digest());
            if (count != null && count.failures() >= key.max()) {
                until = Math.max(until, count.windowEnd());
            }
        }
        return until > now ? Optional.of(Duration.ofMillis(until - now)) : Optional.empty();
    }

    private List<Key> keys(String username, String address) {
        List<Key> keys = new ArrayList<>(2);
        if (username != null) {
            keys.add(userKey(username));
        }
        if (address != null && !address.isBlank()) {
            keys.add(new Key(sha256("address:" + network(address)), maxFailuresPerAddress, "client address"));
        }
        return keys;
    }

    private Key userKey(String username) {
        return new Key(sha256("user:" + normalisedUsername(username)), maxFailures, "user name");
    }

    /** The user name as the throttle counts it: NFKC, without surrounding white space, in lower case. */
    static String normalisedUsername(String username) {
        return Normalizer.normalize(username, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    /** The address as the throttle counts it: an IPv4 address as it is, an IPv6 address by its /64 network. */
    static String network(String address) {
        String literal = address.strip();
        if (!IPV6_LITERAL.matcher(literal).matches()) {
            return literal.toLowerCase(Locale.ROOT);
        }
        try {
            // in brackets, only an IPv6 literal is accepted: parsed, never looked up in the DNS
            InetAddress parsed = InetAddress.getByName("[" + literal + "]");
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                Arrays.fill(bytes, 8, 16, (byte) 0);
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException notAnAddress) {
            return literal.toLowerCase(Locale.ROOT);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
