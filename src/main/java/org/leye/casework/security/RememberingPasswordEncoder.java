package org.leye.casework.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt that remembers, for a few minutes, the passwords it has just verified. BCrypt is slow on
 * purpose (tens of milliseconds of CPU per check), and an API client sends its HTTP Basic
 * credentials with every request: without this, every API call would pay that cost, and a few
 * clients could keep a node's cores busy checking the same password.
 *
 * <p>Only successful checks are remembered, so a wrong password always pays the full BCrypt cost
 * (guessing gets no faster; the login throttle still counts it). An entry is keyed by the stored
 * hash, so a changed password (a new hash, with a new salt) is checked by BCrypt again, and holds
 * an HMAC of the password under a key made at random when the node starts, never the password.
 * Entries expire after {@code ttl}; at most {@code maxEntries} are kept (least recently used go
 * first). Whether the account is enabled is checked on every request by Spring Security, apart
 * from this.
 */
final class RememberingPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Clock clock;
    private final Duration ttl;
    private final SecretKeySpec key;
    private final Map<String, Verified> verified;

    private record Verified(byte[] mac, Instant until) {
    }

    RememberingPasswordEncoder(PasswordEncoder delegate, Clock clock, Duration ttl, int maxEntries) {
        this.delegate = delegate;
        this.clock = clock;
        this.ttl = ttl;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.verified = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || ttl.isZero()) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        byte[] mac = mac(rawPassword);
        Instant now = clock.instant();
        Verified known;
        synchronized (verified) {
            known = verified.get(encodedPassword);
        }
        if (known != null && now.isBefore(known.until()) && MessageDigest.isEqual(known.mac(), mac)) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            synchronized (verified) {
                verified.put(encodedPassword, new Verified(mac, now.plus(ttl)));
            }
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private byte[] mac(CharSequence rawPassword) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            return hmac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
