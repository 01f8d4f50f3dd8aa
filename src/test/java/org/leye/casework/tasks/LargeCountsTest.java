package org.leye.casework.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class LargeCountsTest {

    private Instant now = Instant.parse("2026-07-31T08:00:00Z");
    private final Clock clock = new Clock() {
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
    };
    private final LargeCounts counts = new LargeCounts(clock, 10_000, Duration.ofSeconds(10));

    @Test
    void aSmallTotalIsCountedOnEveryRequest() {
        AtomicInteger counted = new AtomicInteger();
        AtomicLong total = new AtomicLong(42);
        assertThat(counts.count("inbox", () -> { counted.incrementAndGet(); return total.get(); })).isEqualTo(42);
        total.set(41);
        assertThat(counts.count("inbox", () -> { counted.incrementAndGet(); return total.get(); })).isEqualTo(41);
        assertThat(counted).hasValue(2);
    }

    @Test
    void aLargeTotalIsKeptUntilItsTimeIsUpThenCountedAgain() {
        AtomicInteger counted = new AtomicInteger();
        AtomicLong total = new AtomicLong(60_737);
        assertThat(counts.count("inbox", () -> { counted.incrementAndGet(); return total.get(); })).isEqualTo(60_737);
        total.set(60_736);
        now = now.plusSeconds(9);
        assertThat(counts.count("inbox", () -> { counted.incrementAndGet(); return total.get(); })).isEqualTo(60_737);
        assertThat(counted).hasValue(1);

        now = now.plusSeconds(1);
        assertThat(counts.count("inbox", () -> { counted.incrementAndGet(); return total.get(); })).isEqualTo(60_736);
        assertThat(counted).hasValue(2);
    }

    @Test
    void eachQueryAndCallerHasItsOwnTotal() {
        assertThat(counts.count("candidate|440703", () -> 50_000)).isEqualTo(50_000);
        assertThat(counts.count("candidate|440781", () -> 20_000)).isEqualTo(20_000);
        assertThat(counts.count("candidate|440703", () -> 1)).isEqualTo(50_000);
    }

    @Test
    void aTotalThatFellUnderTheThresholdIsExactAgainOnceCounted() {
        assertThat(counts.count("inbox", () -> 10_000)).isEqualTo(10_000);
        now = now.plusSeconds(11);
        assertThat(counts.count("inbox", () -> 9_999)).isEqualTo(9_999);
        assertThat(counts.count("inbox", () -> 9_998)).isEqualTo(9_998);
    }
}
