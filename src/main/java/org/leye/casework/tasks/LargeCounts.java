package org.leye.casework.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The totals of large task lists, kept a few seconds. Counting the 60,000 tasks of a district's
 * group at a province's scale takes longer than reading the page itself (about 50 ms on MariaDB
 * against a few; 6,000 tasks still about 5 ms, so the threshold is 1,000; a million, half a second),
 * and a total of that size shown a few seconds old misleads nobody. Totals under the threshold are
 * counted on every request, exactly. A total at or above it is kept {@code leye.tasks.large-count-ttl};
 * asked for in the next such period, the kept total answers at once while one background thread
 * ({@link TaskCountExecutors}) counts it again, so that no request waits for a large count but the first
 * (under load, the inbox's and the dashboard's totals counted in the request took their p99 from
 * milliseconds to seconds at a million open tasks, docs/benchmark.md). Asked for later than that, it
 * is counted in the request again. A total is therefore at most twice the period old. Per node, in
 * memory.
 */
@Component
class LargeCounts {

    private static final Logger log = LoggerFactory.getLogger(LargeCounts.class);
    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Entry> counts = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Executor recounts;
    private final long threshold;
    private final Duration ttl;

    LargeCounts(Clock clock, @Qualifier(TaskCountExecutors.NAME) Executor recounts,
            @Value("${leye.tasks.large-count:1000}") long threshold,
            @Value("${leye.tasks.large-count-ttl:PT10S}") Duration ttl) {
        this.clock = clock;
        this.recounts = recounts;
        this.threshold = threshold;
        this.ttl = ttl;
    }

    /** A kept total, until when it answers as it is, and whether it is being counted again. */
    private record Entry(long count, Instant until, AtomicBoolean recounting) {
    }

    /**
     * The total for this key: a large one kept a while (and counted again behind the request once its
     * time is up), a small one counted each time. The counter must not depend on the request's thread
     * (its transaction, its security context): it may run on another.
     */
    long count(String key, LongSupplier counter) {
        Instant now = clock.instant();
        Entry kept = counts.get(key);
        if (kept != null && now.isBefore(kept.until())) {
            return kept.count();
        }
        if (kept != null && now.isBefore(kept.until().plus(ttl))) {
            if (!kept.recounting().compareAndSet(false, true)) {
                return kept.count(); // another request's recount is on its way
            }
            try {
                recounts.execute(() -> recount(key, counter, kept));
                return kept.count();
            } catch (RejectedExecutionException busy) {
                kept.recounting().set(false); // counted here instead
            }
        }
        return store(key, counter.getAsLong(), kept);
    }

    private void recount(String key, LongSupplier counter, Entry kept) {
        try {
            store(key, counter.getAsLong(), kept);
        } catch (RuntimeException failed) {
            // the next request counts it itself; the key names a caller, so it is not logged
            counts.remove(key, kept);
            log.warn("A task total could not be counted again behind the request: {}", failed.getClass().getSimpleName());
        }
    }

    private long store(String key, long count, Entry kept) {
        if (count >= threshold) {
            if (counts.size() >= MAX_ENTRIES) {
                counts.clear();
            }
            counts.put(key, new Entry(count, clock.instant().plus(ttl), new AtomicBoolean()));
        } else if (kept != null) {
            counts.remove(key);
        }
        return count;
    }
}
