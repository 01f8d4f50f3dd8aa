package org.leye.casework.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * The large totals' cache: small totals exact, large ones kept, then answered at once while a recount
 * runs behind the request. The recounts are queued here and run when the test says, in its thread.
 */
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
    private final Queue<Runnable> behind = new ArrayDeque<>();
    private boolean full;
    private final Executor recounts = task -> {
        if (full) {
            throw new RejectedExecutionException("full");
        }
        behind.add(task);
    };
    private final LargeCounts counts = new LargeCounts(clock, recounts, 10_000, Duration.ofSeconds(10));

    private final AtomicInteger counted = new AtomicInteger();
    private final AtomicLong total = new AtomicLong();

    private long inbox() {
        return counts.count("inbox", () -> {
            counted.incrementAndGet();
            return total.get();
        });
    }

    private void runRecounts() {
        while (!behind.isEmpty()) {
            behind.poll().run();
        }
    }

    @Test
    void aSmallTotalIsCountedOnEveryRequest() {
        total.set(42);
        assertThat(inbox()).isEqualTo(42);
        total.set(41);
        assertThat(inbox()).isEqualTo(41);
        assertThat(counted).hasValue(2);
        assertThat(behind).isEmpty();
    }

    @Test
    void aLargeTotalIsKeptUntilItsTimeIsUp() {
        total.set(60_737);
        assertThat(inbox()).isEqualTo(60_737);
        total.set(60_736);
        now = now.plusSeconds(9);
        assertThat(inbox()).isEqualTo(60_737);
        assertThat(counted).hasValue(1);
        assertThat(behind).isEmpty();
    }

    @Test
    void onceItsTimeIsUpTheKeptTotalAnswersWhileOneRecountRunsBehind() {
        total.set(60_737);
        inbox();
        total.set(60_736);
        now = now.plusSeconds(10);

        assertThat(inbox()).isEqualTo(60_737);
        assertThat(inbox()).isEqualTo(60_737);
        assertThat(counted).as("counted in the requests").hasValue(1);
        assertThat(behind).as("one recount for both requests").hasSize(1);

        runRecounts();
        assertThat(counted).hasValue(2);
        assertThat(inbox()).isEqualTo(60_736);
        assertThat(counted).hasValue(2);
    }

    @Test
    void aTotalOlderThanTwiceItsTimeIsCountedInTheRequest() {
        total.set(60_737);
        inbox();
        total.set(70_000);
        now = now.plusSeconds(20);
        assertThat(inbox()).isEqualTo(70_000);
        assertThat(counted).hasValue(2);
        assertThat(behind).isEmpty();
    }

    @Test
    void aRecountThatFailsLeavesTheNextRequestToCount() {
        total.set(60_737);
        inbox();
        now = now.plusSeconds(11);
        counts.count("inbox", () -> {
            throw new IllegalStateException("database gone");
        });
        runRecounts();
        total.set(60_000);
        assertThat(inbox()).isEqualTo(60_000);
        assertThat(counted).hasValue(2);
    }

    @Test
    void aRecountThatFindsTheQueueFullIsMadeInTheRequest() {
        total.set(60_737);
        inbox();
        now = now.plusSeconds(11);
        full = true;
        total.set(60_001);
        assertThat(inbox()).isEqualTo(60_001);
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
        total.set(10_000);
        inbox();
        now = now.plusSeconds(11);
        total.set(9_999);
        assertThat(inbox()).as("the kept total, while the recount runs").isEqualTo(10_000);
        runRecounts();
        assertThat(inbox()).isEqualTo(9_999);
        total.set(9_998);
        assertThat(inbox()).isEqualTo(9_998);
    }
}
