package org.leye.casework.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The totals of large task lists, kept a few seconds. Counting the 60,000 tasks of a district's
 * group at a province's scale takes longer than reading the page itself (about 50 ms on MariaDB
 * against a few; 6,000 tasks still about 5 ms, so the threshold is 1,000), and a total of that size
 * shown a few seconds old misleads nobody. Totals under
 * the threshold are counted on every request, exactly; a total at or above it is at most
 * {@code leye.tasks.large-count-ttl} old. Per node, in memory.
 */
@Component
class LargeCounts {

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Entry> counts = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long threshold;
    private final Duration ttl;

    LargeCounts(Clock clock, @Value("${leye.tasks.large-count:1000}") long threshold,
            @Value("${leye.tasks.large-count-ttl:PT10S}") Duration ttl) {
        this.clock = clock;
        this.threshold = threshold;
        this.ttl = ttl;
    }

    private record Entry(long count, Instant until) {
    }

    /** The total for this key: a large one kept a while, a small one counted each time. */
    long count(String key, LongSupplier counter) {
        Instant now = clock.instant();
        Entry kept = counts.get(key);
        if (kept != null && now.isBefore(kept.until())) {
            return kept.count();
        }
        long count = counter.getAsLong();
        if (count >= threshold) {
            if (counts.size() >= MAX_ENTRIES) {
                counts.clear();
            }
            counts.put(key, new Entry(count, now.plus(ttl)));
        } else if (kept != null) {
            counts.remove(key);
        }
        return count;
    }
}
