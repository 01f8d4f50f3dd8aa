package org.leye.casework.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The throttle's arithmetic on a clock that the test moves: window, cool-down, reset by a success. */
class LoginThrottleTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-26T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    final MovableClock clock = new MovableClock();
    final LoginThrottle throttle = new LoginThrottle(clock, 5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15));

    void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
            clock.advance(Duration.ofSeconds(10));
        }
    }

    @Test
    void fiveFailuresInFifteenMinutesLockTheUserNameUntilTheCoolDownEnds() {
        fail("li.lei", "10.0.0.1", 4);
        assertThat(throttle.refusal("li.lei", "10.0.0.2")).isEmpty();
        fail("li.lei", "10.0.0.1", 1);
        assertThat(throttle.refusal("li.lei", "10.0.0.2")).as("from any address").isPresent();
        assertThat(throttle.refusal("LI.LEI ", "10.0.0.2")).as("whatever the case").isPresent();
        assertThat(throttle.refusal("han.meimei", "10.0.0.2")).as("another user").isEmpty();

        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.refusal("li.lei", "10.0.0.2").orElseThrow()).isLessThan(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.refusal("li.lei", "10.0.0.2")).as("after the cool-down").isEmpty();
        fail("li.lei", "10.0.0.1", 1);
        assertThat(throttle.refusal("li.lei", "10.0.0.2")).as("the count starts again").isEmpty();
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        fail("li.lei", "10.0.0.1", 4);
        clock.advance(Duration.ofMinutes(16));
        fail("li.lei", "10.0.0.1", 4);
        assertThat(throttle.refusal("li.lei", "10.0.0.1")).isEmpty();
        fail("li.lei", "10.0.0.1", 1);
        assertThat(throttle.refusal("li.lei", "10.0.0.1")).isPresent();
    }

    @Test
    void aSuccessClearsTheUserNamesFailuresButNotTheAddresss() {
        fail("li.lei", "10.0.0.1", 4);
        throttle.succeeded("li.lei");
        fail("li.lei", "10.0.0.1", 4);
        assertThat(throttle.refusal("li.lei", "10.0.0.1")).isEmpty();

        for (int i = 0; i < 12; i++) {
            fail("guess" + i, "10.0.0.9", 1);
        }
        throttle.succeeded("guess0");
        assertThat(throttle.refusal("someone", "10.0.0.9")).as("12 + 8 = 20 from one address").isEmpty();
        fail("li.lei", "10.0.0.9", 0);
        for (int i = 0; i < 8; i++) {
            fail("other" + i, "10.0.0.9", 1);
        }
        assertThat(throttle.refusal("someone", "10.0.0.9")).as("every name from that address").isPresent();
        assertThat(throttle.refusal("someone", "10.0.0.10")).as("the name from elsewhere").isEmpty();
    }

    @Test
    void resetForgetsEverything() {
        fail("li.lei", "10.0.0.1", 5);
        throttle.reset();
        assertThat(throttle.refusal("li.lei", "10.0.0.1")).isEmpty();
    }
}
