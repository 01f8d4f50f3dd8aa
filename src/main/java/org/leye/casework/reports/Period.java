package org.leye.casework.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.leye.casework.shared.problem.InvalidFieldException;

/**
 * A span of calendar days in the bureau's zone, as the half-open interval of instants
 * [{@code from} 00:00, day after {@code to} 00:00) that queries compare {@code ledger_entry.at} with.
 * The database holds instants as UTC date-times (hibernate.jdbc.time_zone=UTC): {@link #sql} converts.
 */
record Period(LocalDate from, LocalDate to, Instant start, Instant end) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})[Qq]([1-4])");

    /** Everything up to the end of {@code asOf}. */
    static Period asOf(LocalDate asOf, ZoneId zone) {
        return new Period(null, asOf, Instant.EPOCH, endOf(asOf, zone));
    }

    /** A quarter such as {@code 2023Q2}: 1 April to 30 June. */
    static Period quarter(String quarter, ZoneId zone) {
        Matcher m = quarter == null ? null : QUARTER.matcher(quarter.strip());
        if (m == null || !m.matches()) {
            throw new InvalidFieldException("quarter", "validation.quarter");
        }
        int year = Integer.parseInt(m.group(1));
        int q = Integer.parseInt(m.group(2));
        LocalDate from = LocalDate.of(year, 3 * q - 2, 1);
        LocalDate to = from.plusMonths(3).minusDays(1);
        return new Period(from, to, from.atStartOfDay(zone).toInstant(), endOf(to, zone));
    }

    static Instant endOf(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    static LocalDateTime sql(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
