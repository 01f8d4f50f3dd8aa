package org.leye.casework.shared;

import java.time.Duration;
import java.time.Period;

/** The ISO-8601 durations that the models' timers and due dates read from configuration (P5D, PT2H). */
public final class IsoDurations {

    private IsoDurations() {
    }

    /** The duration as given, or a refusal at start-up rather than at the first timer that reads it. */
    public static String checked(String iso) {
        try {
            if (iso.contains("T")) {
                Duration.parse(iso);
            } else {
                Period.parse(iso);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not an ISO-8601 duration: " + iso, e);
        }
        return iso;
    }
}
