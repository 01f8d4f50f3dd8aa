package org.leye.casework.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The city's time zone. Instants are stored and compared in UTC, but a day ("today", "not in the
 * future", a date a form proposes) is the city's day: from 00:00 to 08:00 in Jiangmen it is still
 * yesterday in UTC, and a date that the page proposed as today was refused as a future one.
 */
public final class CityTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CityTime() {
    }

    /** Today in the city, by the application's clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
