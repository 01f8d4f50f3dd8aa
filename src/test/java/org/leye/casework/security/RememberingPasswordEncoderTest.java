package org.leye.casework.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberingPasswordEncoderTest {

    /** BCrypt at its lowest strength, counting the checks it really makes. */
    static final class CountingBcrypt implements PasswordEncoder {
        final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-07-01T02:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    final CountingBcrypt bcrypt = new CountingBcrypt();
    final MovableClock clock = new MovableClock();
    final RememberingPasswordEncoder encoder = new RememberingPasswordEncoder(bcrypt, clock, Duration.ofMinutes(5), 2);

    @Test
    void rightPasswordAgainWithinTheTtlIsNotCheckedByBcryptAgain() {
        String hash = encoder.encode("secret-1");
        assertThat(encoder.matches("secret-1", hash)).isTrue();
        assertThat(encoder.matches("secret-1", hash)).isTrue();
        assertThat(encoder.matches("secret-1", hash)).isTrue();
        assertThat(bcrypt.checks).hasValue(1);
    }

    @Test
    void wrongPasswordIsAlwaysCheckedByBcryptAndRefused() {
        String hash = encoder.encode("secret-1");
        assertThat(encoder.matches("secret-1", hash)).isTrue();
        assertThat(encoder.matches("secret-2", hash)).isFalse();
        assertThat(encoder.matches("secret-2", hash)).isFalse();
        assertThat(encoder.matches("", hash)).isFalse();
        assertThat(bcrypt.checks).hasValue(4);
    }

    @Test
    void changedPasswordHasANewHashAndTheOldPasswordIsRefused() {
        String before = encoder.encode("old-password");
        assertThat(encoder.matches("old-password", before)).isTrue();
        String after = encoder.encode("new-password");
        assertThat(encoder.matches("old-password", after)).isFalse();
        assertThat(encoder.matches("new-password", after)).isTrue();
        assertThat(bcrypt.checks).hasValue(3);
    }

    @Test
    void rememberedCheckExpiresAfterTheTtl() {
        String hash = encoder.encode("secret-1");
        assertThat(encoder.matches("secret-1", hash)).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertThat(encoder.matches("secret-1", hash)).isTrue();
        assertThat(bcrypt.checks).hasValue(2);
    }

    @Test
    void leastRecentlyUsedIsForgottenBeyondTheMaximum() {
        String a = encoder.encode("a-password");
        String b = encoder.encode("b-password");
        String c = encoder.encode("c-password");
        encoder.matches("a-password", a);
        encoder.matches("b-password", b);
        encoder.matches("a-password", a); // a used last: b is the eldest
        encoder.matches("c-password", c);
        assertThat(bcrypt.checks).hasValue(3);
        encoder.matches("a-password", a);
        assertThat(bcrypt.checks).as("a still remembered").hasValue(3);
        encoder.matches("b-password", b);
        assertThat(bcrypt.checks).as("b forgotten").hasValue(4);
    }

    @Test
    void zeroTtlChecksEveryTime() {
        RememberingPasswordEncoder off = new RememberingPasswordEncoder(bcrypt, clock, Duration.ZERO, 10);
        String hash = off.encode("secret-1");
        assertThat(off.matches("secret-1", hash)).isTrue();
        assertThat(off.matches("secret-1", hash)).isTrue();
        assertThat(bcrypt.checks).hasValue(2);
    }
}
