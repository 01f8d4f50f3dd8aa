package org.leye.casework.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The report queries: aggregates computed by the database and grouped by district, never one
 * query per graduate, so that the city's figures over a million graduates come back in about a
 * second. Each names the index it relies on (db/V7__reports.sql).
 *
 * <p>"As of" a date, a graduate belongs to the district of their latest REGISTERED or
 * DISTRICT_CHANGED entry before the cut-off, and their destination is that of their latest
 * DESTINATION or REOPENED entry before it (a reopened case is back in service: not placed until a
 * new destination). Entries are appended with {@code at} = now, so the greatest id before the
 * cut-off is the latest entry.
 */
@Repository
class ReportQueries {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    ReportQueries(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** One cell of the as-of table: graduates of a district with a destination code (or none) and 131 met or not. */
    record AsOfCount(String district, String destinationCode, boolean met131, long count) {
    }

    /**
     * The cohort's graduates registered before {@code end}, by district, destination and 131 as of
     * {@code end}, read from the placement spans (db/V16, kept by ledger.PlacementPeriods): the one
     * span per graduate that holds at the cut-off, either still open or closed after it. Index:
     * ix_placement_period_as_of; the open spans are read in group order without a temporary table,
     * the closed ones by the range of their end (1,000,000 graduates on MariaDB with a 128 MB buffer
     * pool: see "Report tuning" in docs/benchmark.md).
     */
    List<AsOfCount> asOf(Instant end, int graduationYear) {
        LocalDateTime e = Period.sql(end);
        String sql = """
                SELECT x.district_code, x.destination_code, x.met131, SUM(x.n) FROM (
                  SELECT p.district_code, p.destination_code, p.met131, COUNT(*) AS n
                  FROM placement_period p
                  WHERE p.graduation_year = ? AND p.valid_to IS NULL AND p.valid_from < ?
                  GROUP BY p.district_code, p.destination_code, p.met131
                  UNION ALL
                  SELECT p.district_code, p.destination_code, p.met131, COUNT(*) AS n
                  FROM placement_period p
                  WHERE p.graduation_year = ? AND p.valid_to >= ? AND p.valid_from < ?
                  GROUP BY p.district_code, p.destination_code, p.met131
                ) x
                GROUP BY x.district_code, x.destination_code, x.met131
                """;
        return jdbc.query(sql, (rs, i) -> new AsOfCount(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                rs.getLong(4)), graduationYear, e, graduationYear, e, e);
    }

    /** Registered leavers of a cohort by their university (null: not a university of the city's list) and destination. */
    record UniversityCount(String university, String destinationCode, long count) {
    }

    /**
     * The cohort's registered leavers as of {@code end} by university and destination, from the
     * placement spans as {@link #asOf} reads them ({@link #asOfCells} folded by university).
     */
    List<UniversityCount> asOfByUniversity(Instant end, int graduationYear) {
        return byUniversity(asOfCells(end, graduationYear));
    }

    /** One cell of both as-of tables: {@link AsOfCount}'s, by university too. */
    record AsOfCell(String district, String destinationCode, boolean met131, String university, long count) {
    }

    /**
     * {@link #asOf} and {@link #asOfByUniversity} in one read, for the city's placement report, which
     * shows both: the spans that hold at the cut-off by district, destination, 131 and university, each
     * span carrying its graduate's university (db/V45: a copy written with the span, a graduate's
     * university never changing). Index: ix_placement_period_as_of alone; the open spans are grouped in
     * its order, without a temporary table. Joined to {@code graduate} for the university instead, the
     * spans of a million graduates took 4.3 s of the query's 4.8 s (issue 21); read twice, once per
     * table, the report scanned the cohort's spans twice (about 1 s each at a million).
     */
    List<AsOfCell> asOfCells(Instant end, int graduationYear) {
        LocalDateTime e = Period.sql(end);
        String sql = """
                SELECT x.district_code, x.destination_code, x.met131, x.university_code, SUM(x.n) FROM (
                  SELECT p.district_code, p.destination_code, p.met131, p.university_code, COUNT(*) AS n
                  FROM placement_period p
                  WHERE p.graduation_year = ? AND p.valid_to IS NULL AND p.valid_from < ?
                  GROUP BY p.district_code, p.destination_code, p.met131, p.university_code
                  UNION ALL
                  SELECT p.district_code, p.destination_code, p.met131, p.university_code, COUNT(*) AS n
                  FROM placement_period p
                  WHERE p.graduation_year = ? AND p.valid_to >= ? AND p.valid_from < ?
                  GROUP BY p.district_code, p.destination_code, p.met131, p.university_code
                ) x
                GROUP BY x.district_code, x.destination_code, x.met131, x.university_code
                """;
        return jdbc.query(sql, (rs, i) -> new AsOfCell(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                rs.getString(4), rs.getLong(5)), graduationYear, e, graduationYear, e, e);
    }

    /** The cells added up by district, destination and 131: {@link #asOf}'s answer. */
    static List<AsOfCount> byDistrict(List<AsOfCell> cells) {
        Map<AsOfCount, Long> sums = new LinkedHashMap<>();
        for (AsOfCell c : cells) {
            sums.merge(new AsOfCount(c.district(), c.destinationCode(), c.met131(), 0), c.count(), Long::sum);
        }
        return sums.entrySet().stream().map(k -> new AsOfCount(k.getKey().district(), k.getKey().destinationCode(),
                k.getKey().met131(), k.getValue())).toList();
    }

    /** The cells added up by university and destination: {@link #asOfByUniversity}'s answer. */
    static List<UniversityCount> byUniversity(List<AsOfCell> cells) {
        Map<UniversityCount, Long> sums = new LinkedHashMap<>();
        for (AsOfCell c : cells) {
            sums.merge(new UniversityCount(c.university(), c.destinationCode(), 0), c.count(), Long::sum);
        }
        return sums.entrySet().stream().map(k -> new UniversityCount(k.getKey().university(),
                k.getKey().destinationCode(), k.getValue())).toList();
    }

    /**
     * The same figures as {@link #asOf} read from the ledger itself, the definition that the
     * placement spans must agree with (a test and the benchmark compare them): one pass over each graduate's REGISTERED, DISTRICT_CHANGED, DESTINATION and
     * REOPENED entries, where MAX over "id padded + value" picks the value of the latest entry
     * without joining back (measured on MariaDB, 1,000,000 graduates: 40 s in a 128 MB buffer pool
     * against 70 s for latest-id subqueries joined back; see docs/benchmark.md). The 131 is the graduate's
     * met131_at (ledger.Service131Policy). Indexes: the primary key of graduate, ix_ledger_entry_graduate_at.
     */
    List<AsOfCount> asOfFromLedger(Instant end, int graduationYear) {
        LocalDateTime e = Period.sql(end);
        String sql = """
                SELECT x.district_code, x.destination_code, x.met131, COUNT(*) AS n FROM (
                  SELECT SUBSTRING(MAX(CASE WHEN l.type IN ('REGISTERED', 'DISTRICT_CHANGED')
                                            THEN CONCAT(LPAD(l.id, 19, '0'), l.district_code) END), 20)
                             AS district_code,
                         SUBSTRING(MAX(CASE WHEN l.type IN ('DESTINATION', 'REOPENED')
                                            THEN CONCAT(LPAD(l.id, 19, '0'),
                                                        COALESCE(l.destination_code, '-')) END), 20)
                             AS destination_code,
                         MAX(CASE WHEN g.met131_at IS NOT NULL AND g.met131_at < ? THEN 1 ELSE 0 END) AS met131,
                         MAX(CASE WHEN l.type = 'REGISTERED' THEN 1 ELSE 0 END) AS registered
                  FROM graduate g
                  JOIN ledger_entry l ON l.graduate_id = g.id
                  WHERE g.graduation_year = ?
                    AND l.type IN ('REGISTERED', 'DISTRICT_CHANGED', 'DESTINATION', 'REOPENED') AND l.at < ?
                  GROUP BY g.id
                ) x
                WHERE x.registered = 1
                GROUP BY x.district_code, x.destination_code, x.met131
                """;
        return jdbc.query(sql, (rs, i) -> new AsOfCount(rs.getString(1), rs.getString(2), rs.getInt(3) == 1,
                rs.getLong(4)), e, graduationYear, e);
    }

    /**
     * One cell of the progress report's table as of a cut-off: the cohort's registered leavers of a
     * district with a destination code (or none), their 131, whether they are in difficulty, and whether
     * before the cut-off a contact had reached them, a helper had been named for them and a
     * public-welfare post had been registered as their destination.
     */
    record ProgressCount(String district, String destinationCode, boolean met131, boolean inDifficulty,
            boolean contacted, boolean helper, boolean publicWelfare, long count) {
    }

    /**
     * The progress report's figures as of {@code end}: the spans that hold at the cut-off, read as
     * {@link #asOf} reads them (district, destination, 131), the 131 counted only of a graduate willing
     * as of the cut-off ({@link #willingAsOf}, as the compliance report counts the willing only), each
     * joined to its graduate for {@code in_difficulty} as of the cut-off (in difficulty since
     * registration, or found so before the cut-off: {@code in_difficulty_since}, db/V34_9) and probed in the ledger for an entry before the cut-off: a WILLINGNESS
     * entry of a contact (not the system's, which records a hand-over never reached as unconfirmed:
     * graduates.WillingnessUnconfirmedMigration), a HELPER_ASSIGNED entry and a DESTINATION entry
     * flagged as a public-welfare post (db/V34_5; a later destination does not undo it). Indexes: ix_placement_period_as_of for the spans, the primary key
     * of graduate, and ix_ledger_entry_type_graduate_at (type, graduate_id, at) for each probe.
     */
    List<ProgressCount> progress(Instant end, int graduationYear) {
        LocalDateTime e = Period.sql(end);
        String sql = """
                SELECT y.district_code, y.destination_code, y.met131, y.in_difficulty, y.contacted, y.helper,
                       y.welfare, COUNT(*)
                FROM (
                  SELECT x.district_code, x.destination_code,
                         CASE WHEN x.met131 = TRUE AND """ + willingAsOf("x.graduate_id") + """
                          THEN 1 ELSE 0 END AS met131,
                         CASE WHEN g.in_difficulty = TRUE AND (g.in_difficulty_since IS NULL OR g.in_difficulty_since < ?)
                          THEN TRUE ELSE FALSE END AS in_difficulty,
                         CASE WHEN EXISTS (SELECT 1 FROM ledger_entry w
                                            WHERE w.type = 'WILLINGNESS' AND w.graduate_id = x.graduate_id
                                              AND w.at < ? AND w.actor <> 'system') THEN 1 ELSE 0 END AS contacted,
                         CASE WHEN EXISTS (SELECT 1 FROM ledger_entry h
                                            WHERE h.type = 'HELPER_ASSIGNED' AND h.graduate_id = x.graduate_id
                                              AND h.at < ?) THEN 1 ELSE 0 END AS helper,
                         CASE WHEN EXISTS (SELECT 1 FROM ledger_entry q
                                            WHERE q.type = 'DESTINATION' AND q.graduate_id = x.graduate_id
                                              AND q.at < ? AND q.public_welfare = TRUE) THEN 1 ELSE 0 END AS welfare
                  FROM (""" + spansAsOf("") + """
                  ) x
                  JOIN graduate g ON g.id = x.graduate_id
                ) y
                GROUP BY y.district_code, y.destination_code, y.met131, y.in_difficulty, y.contacted, y.helper, y.welfare
                """;
        return jdbc.query(sql, (rs, i) -> new ProgressCount(rs.getString(1), rs.getString(2), rs.getInt(3) == 1,
                rs.getBoolean(4), rs.getInt(5) == 1, rs.getInt(6) == 1, rs.getInt(7) == 1, rs.getLong(8)),
                e, e, e, e, e, e, graduationYear, e, graduationYear, e, e);
    }

    /**
     * The cohort's willing leavers who had met the 131 as of {@code end}, by district as of then: the
     * 131 met of the compliance report (ledger.Service131Policy: only the willing count), read as of a
     * cut-off. The spans with the 131 met that hold at the cut-off ({@link #asOf}), each probed for the
     * graduate's willingness then ({@link #willingAsOf}). Indexes: ix_placement_period_as_of,
     * ix_ledger_entry_type_graduate_at.
     */
    Map<String, Long> willingMet131AsOf(Instant end, int graduationYear) {
        LocalDateTime e = Period.sql(end);
        String sql = "SELECT x.district_code, COUNT(*) FROM (" + spansAsOf(" AND p.met131 = TRUE")
                + ") x WHERE " + willingAsOf("x.graduate_id") + " GROUP BY x.district_code";
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(sql, (RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)), graduationYear, e,
                graduationYear, e, e, e, e);
        return counts;
    }

    /**
     * The placement spans of a cohort that hold at a cut-off, as {@link #asOf} reads them (graduate_id,
     * district_code, destination_code, met131), with {@code and} added to both halves. Parameters: the
     * cohort's year and the cut-off, then the cohort's year and the cut-off twice.
     */
    private static String spansAsOf(String and) {
        return """
                    SELECT p.graduate_id, p.district_code, p.destination_code, p.met131
                    FROM placement_period p
                    WHERE p.graduation_year = ? AND p.valid_to IS NULL AND p.valid_from < ?""" + and + """

                    UNION ALL
                    SELECT p.graduate_id, p.district_code, p.destination_code, p.met131
                    FROM placement_period p
                    WHERE p.graduation_year = ? AND p.valid_to >= ? AND p.valid_from < ?""" + and + "\n";
    }

    /**
     * Whether the graduate was willing to work as of a cut-off, as ledger.Service131Policy establishes it:
     * their latest WILLINGNESS entry before it (WANTS_JOB is willing; the system's UNCONFIRMED is not) or
     * GRADUATE_CORRECTED entry that changed it (its top-level {@code willingToWork}; a correction of other
     * fields has none and is passed over), else their registration's {@code willingToWork}; a condition,
     * with the cut-off as its two parameters. The details are JSON as the ledger writes them (ledger.Ledger,
     * Jackson without spaces; a quote inside a text is escaped, so no text matches a key). Index:
     * ix_ledger_entry_type_graduate_at, a descent per type and probe.
     */
    static String willingAsOf(String graduateId) {
        return " " + """
                COALESCE((SELECT CASE WHEN w.details LIKE '%"willingness":"WANTS_JOB"%'
                                        OR w.details LIKE '%"willingToWork":true%' THEN 1 ELSE 0 END
                            FROM ledger_entry w
                           WHERE w.type IN ('WILLINGNESS', 'GRADUATE_CORRECTED') AND w.graduate_id = {id} AND w.at < ?
                             AND (w.type = 'WILLINGNESS' OR w.details LIKE '%"willingToWork":%')
                           ORDER BY w.at DESC, w.id DESC LIMIT 1),
                         (SELECT CASE WHEN r.details LIKE '%"willingToWork":true%' THEN 1 ELSE 0 END
                            FROM ledger_entry r
                           WHERE r.type = 'REGISTERED' AND r.graduate_id = {id} AND r.at < ?
                           ORDER BY r.at DESC, r.id DESC LIMIT 1), 0) = 1""".replace("{id}", graduateId);
    }

    /** Ledger entries of the given types in [start, end), by the district they were written in. */
    record FlowCount(String district, String type, long count) {
    }

    /** Index: ix_ledger_entry_type_at_district (type and time range, covering but for the cohort's year). */
    List<FlowCount> flows(Instant start, Instant end, int graduationYear, List<String> types) {
        String sql = """
                SELECT e.district_code, e.type, COUNT(*) AS n
                FROM ledger_entry e JOIN graduate g ON g.id = e.graduate_id
                WHERE e.type IN (:types) AND e.at >= :start AND e.at < :end AND g.graduation_year = :year
                GROUP BY e.district_code, e.type
                """;
        return named.query(sql, Map.of("types", types, "start", Period.sql(start), "end", Period.sql(end),
                "year", graduationYear), (rs, i) -> new FlowCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }

    /** The type of the {@link FlowCount} of public-welfare posts ({@link #publicWelfarePosts}). */
    static final String PUBLIC_WELFARE_POSTS = "PUBLIC_WELFARE_POST";

    /**
     * Public-welfare posts registered in [start, end): DESTINATION entries flagged as one (db/V34_5), by
     * the district they were written in, as {@link FlowCount}s of type {@link #PUBLIC_WELFARE_POSTS}.
     * Index: ix_ledger_entry_type_at_district (type and time range), the flag read from the row.
     */
    List<FlowCount> publicWelfarePosts(Instant start, Instant end, int graduationYear) {
        String sql = """
                SELECT e.district_code, COUNT(*) AS n
                FROM ledger_entry e JOIN graduate g ON g.id = e.graduate_id
                WHERE e.type = 'DESTINATION' AND e.public_welfare = TRUE AND e.at >= ? AND e.at < ?
                  AND g.graduation_year = ?
                GROUP BY e.district_code
                """;
        return jdbc.query(sql, (rs, i) -> new FlowCount(rs.getString(1), PUBLIC_WELFARE_POSTS, rs.getLong(2)),
                Period.sql(start), Period.sql(end), graduationYear);
    }

    /** A filter on the registry: the district (null: all) and the cohort (null: all). */
    record Filter(String district, Integer graduationYear) {

        String where(String alias, List<Object> args) {
            StringBuilder sql = new StringBuilder();
            if (district != null) {
                sql.append(" AND ").append(alias).append(".district_code = ?");
                args.add(district);
            }
            if (graduationYear != null) {
                sql.append(" AND ").append(alias).append(".graduation_year = ?");
                args.add(graduationYear);
            }
            return sql.toString();
        }
    }

    /**
     * One cell of the registry: graduates of a district by willingness (null: unconfirmed), status, whether they are in
     * difficulty and whether a helper is assigned to them; of them, how many have their 131 met, and how many the time
     * of a destination (what the placement's durations count of the placed: Reports.Scans#agree compares them).
     */
    record RegistryCount(String district, Boolean willing, String status, boolean inDifficulty,
            boolean helperAssigned, long count, long met131, long withDestinationAt) {
    }

    /**
     * The registry's counts for the compliance report, every one from the graduate's row in one pass
     * (db/V19): ix_graduate_year_compliance for a cohort, ix_graduate_district_compliance otherwise,
     * index-only and grouped in the index's order, with no temporary table and no look-up per
     * graduate (on MariaDB at a million, grouping by the 131 as well took 1.8 s instead of 0.5–0.8 s,
     * and probing the ledger for the helper of 100,000 graduates in difficulty added 0.3–0.4 s).
     * {@code met131_at}, {@code helper_assigned} and {@code in_difficulty} are the copies kept by
     * ledger.PlacementPeriods and the Graduate entity.
     */
    List<RegistryCount> registry(Filter f) {
        List<Object> args = new ArrayList<>();
        String sql = """
                SELECT g.district_code, g.willing_to_work, g.status, g.in_difficulty, g.helper_assigned, COUNT(*),
                       SUM(CASE WHEN g.met131_at IS NOT NULL THEN 1 ELSE 0 END),
                       SUM(CASE WHEN g.destination_at IS NOT NULL THEN 1 ELSE 0 END)
                FROM graduate g
                WHERE 1 = 1
                """ + f.where("g", args) + """
                 GROUP BY g.district_code, g.willing_to_work, g.status, g.in_difficulty, g.helper_assigned
                """;
        return jdbc.query(sql, (rs, i) -> new RegistryCount(rs.getString(1), rs.getObject(2) == null ? null : rs.getBoolean(2), rs.getString(3),
                rs.getBoolean(4), rs.getBoolean(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)), args.toArray());
    }

    record TaskLoad(String district, String assignee, long openTasks, long overdueTasks, long cases) {
    }

    /**
     * Open and overdue tasks per district and assignee (null: the group's). Index:
     * ix_case_task_district_assignee_case (db/V19), or for a cohort ix_case_task_year_district_assignee
     * (db/V21: the task carries its graduate's graduation year); index-only scans either way.
     */
    List<TaskLoad> taskLoad(Filter f) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                SELECT t.district_code, t.assignee, COUNT(*),
                       SUM(CASE WHEN t.overdue = TRUE THEN 1 ELSE 0 END), COUNT(DISTINCT t.case_id)
                FROM case_task t
                """);
        sql.append(" WHERE t.district_code IS NOT NULL");
        if (f.graduationYear() != null) {
            sql.append(" AND t.graduation_year = ?");
            args.add(f.graduationYear());
        }
        if (f.district() != null) {
            sql.append(" AND t.district_code = ?");
            args.add(f.district());
        }
        sql.append(" GROUP BY t.district_code, t.assignee");
        return jdbc.query(sql.toString(), (rs, i) -> new TaskLoad(rs.getString(1), rs.getString(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5)), args.toArray());
    }

    /** How many graduates took how many whole days: a histogram per district, from which percentiles follow. */
    record DaysCount(String district, long days, long count) {
    }

    /**
     * Registration to 131 met, from the graduate's copy of the case's {@code met131_at} (db/V19).
     * Index: ix_graduate_year_compliance or ix_graduate_district_compliance (index-only).
     */
    List<DaysCount> daysTo131(Filter f) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT x.district_code, x.days, COUNT(*) FROM ("
                + " SELECT g.district_code, FLOOR(TIMESTAMPDIFF(SECOND, g.registered_at, g.met131_at) / 86400) AS days"
                + " FROM graduate g WHERE g.met131_at IS NOT NULL"
                + f.where("g", args) + ") x GROUP BY x.district_code, x.days";
        return jdbc.query(sql, (rs, i) -> new DaysCount(rs.getString(1), rs.getLong(2), rs.getLong(3)), args.toArray());
    }

    /**
     * Registration to placement: to the latest DESTINATION entry of a placed graduate, read from the
     * graduate's copy of its time, {@code destination_at} (db/V19). Index: ix_graduate_year_compliance or
     * ix_graduate_district_compliance (index-only).
     */
    List<DaysCount> daysToPlacement(Filter f) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT x.district_code, x.days, COUNT(*) FROM ("
                + " SELECT g.district_code, FLOOR(TIMESTAMPDIFF(SECOND, g.registered_at, g.destination_at) / 86400) AS days"
                + " FROM graduate g WHERE g.status = 'PLACED' AND g.destination_at IS NOT NULL"
                + f.where("g", args) + ") x GROUP BY x.district_code, x.days";
        return jdbc.query(sql, (rs, i) -> new DaysCount(rs.getString(1), rs.getLong(2), rs.getLong(3)), args.toArray());
    }

    /** Willing graduates in difficulty placed, of a district, by their destination code (null: none recorded). */
    record PlacedInDifficulty(String district, String destinationCode, long count) {
    }

    /**
     * Willing graduates in difficulty who are placed, by district and destination code, for the second
     * of "two 100%" (employed, further study apart; the codes are mapped in graduates.Destination).
     * Index: ix_graduate_placed_in_difficulty (db/V32), a range holding only these graduates, index-only.
     */
    List<PlacedInDifficulty> placedInDifficulty(Filter f) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT g.district_code, g.destination_code, COUNT(*) FROM graduate g"
                + " WHERE g.in_difficulty = TRUE AND g.willing_to_work = TRUE AND g.status = 'PLACED'"
                + f.where("g", args) + " GROUP BY g.district_code, g.destination_code";
        return jdbc.query(sql, (rs, i) -> new PlacedInDifficulty(rs.getString(1), rs.getString(2), rs.getLong(3)),
                args.toArray());
    }

    /**
     * When a willing graduate with an open case and the 131 not met is at risk, by how many of the 1 + 3 + 1
     * they have had ({@code done}, 0 to 5; 0 is always at risk, 5 never): for 1 to 4, {@code openedBefore[done]}
     * says at risk whatever the case's opening (null with {@code always[done]}), never ({@code always[done]}
     * false and null), or when the case was opened before that instant. Reports.pace computes it from the
     * early warning's pace rule, so that the database counts those at risk without reading them out.
     */
    record Pace(boolean[] always, Instant[] openedBefore) {

        /** 1 when the graduate {@code g} is at risk, else 0; the instants are added to {@code args}. */
        String atRisk(String g, List<Object> args) {
            // the simple CASE: the services counted once per row, not once per branch
            StringBuilder sql = new StringBuilder("CASE ").append(done(g)).append(" WHEN 0 THEN 1");
            for (int done = 1; done < always.length; done++) {
                sql.append(" WHEN ").append(done).append(" THEN ");
                if (always[done]) {
                    sql.append("1");
                } else if (openedBefore[done] == null) {
                    sql.append("0");
                } else {
                    sql.append("CASE WHEN ").append(g).append(".case_opened_at < ? THEN 1 ELSE 0 END");
                    args.add(LocalDateTime.ofInstant(openedBefore[done], ZoneOffset.UTC));
                }
            }
            return sql.append(" ELSE 0 END").toString();
        }

        /** The services counted (at most 1, 3 and 1) from the graduate's copies of the 131's counts (db/V44). */
        private static String done(String g) {
            return "(LEAST(" + g + ".guidance_131, 1) + LEAST(" + g + ".referrals_131, 3) + LEAST(" + g
                    + ".training_131, 1))";
        }
    }

    /** Of a district and cohort, the willing graduates with an open case and the 131 not met, and of them at risk. */
    record WarningCount(String district, int graduationYear, long open, long atRisk) {
    }

    /** The early warning's graduates: willing, with an open case, the 131 not met (the graduate's copies, db/V44). */
    private static final String WITHOUT_131 = " FROM graduate g WHERE g.case_open = TRUE AND g.willing_to_work = TRUE"
            + " AND g.met131_at IS NULL";

    /**
     * Willing graduates with an open case and the 131 not met, and of them those at risk by {@code pace},
     * by district and cohort, counted in the database from the graduate's copies of their case and of the
     * 131 rule's counts (db/V44: distinct positions for the referrals, merged duplicates' services
     * included, as ledger.Service131Policy counts them). Index: ix_graduate_early_warning, index-only.
     */
    List<WarningCount> earlyWarningCounts(Filter f, Pace pace) {
        List<Object> args = new ArrayList<>();
        String atRisk = pace.atRisk("g", args);
        String sql = "SELECT g.district_code, g.graduation_year, COUNT(*), SUM(" + atRisk + ")" + WITHOUT_131
                + f.where("g", args) + " GROUP BY g.district_code, g.graduation_year";
        return jdbc.query(sql, (rs, i) -> new WarningCount(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)),
                args.toArray());
    }

    /** The cohort of the filter, else these cohorts (so that the index's range stays one per cohort). */
    private static String cohorts(Filter f, Collection<Integer> years, List<Object> args) {
        if (f.graduationYear() != null || years.isEmpty()) {
            return "";
        }
        args.addAll(years);
        return " AND g.graduation_year IN (" + String.join(", ", java.util.Collections.nCopies(years.size(), "?")) + ")";
    }

    /**
     * The first {@code limit} ids, in id order, of the graduates of {@link #earlyWarningCounts} whose case is
     * (or is not) flagged in difficulty and who have had no service that the 131 counts: no pace, at risk
     * whatever the date. {@code years}: the cohorts to read when the filter has none. Index:
     * ix_graduate_early_warning, one range per cohort, index-only.
     */
    List<Long> earlyWarningWithoutServices(Filter f, Collection<Integer> years, boolean inDifficulty, int limit) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT g.id" + WITHOUT_131 + f.where("g", args) + cohorts(f, years, args)
                + " AND g.case_in_difficulty = ? AND g.guidance_131 = 0 AND g.referrals_131 = 0 AND g.training_131 = 0"
                + " ORDER BY g.id LIMIT ?";
        args.add(inDifficulty);
        args.add(limit);
        return jdbc.queryForList(sql, Long.class, args.toArray());
    }

    /** A graduate at risk who has had services: the 131 rule's counts and when their case was opened. */
    record Paced(long graduateId, int guidance, int referrals, int trainingOrInternship, Instant openedAt) {
    }

    /**
     * The graduates of {@link #earlyWarningCounts} whose case is (or is not) flagged in difficulty, who have
     * had a service that the 131 counts and are at risk by {@code pace}, handed to {@code each} as they are
     * read, in no particular order. Index: ix_graduate_early_warning, index-only.
     */
    void earlyWarningWithServices(Filter f, Collection<Integer> years, boolean inDifficulty, Pace pace,
            Consumer<Paced> each) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT g.id, g.guidance_131, g.referrals_131, g.training_131, g.case_opened_at" + WITHOUT_131
                + f.where("g", args) + cohorts(f, years, args) + " AND g.case_in_difficulty = ?"
                + " AND (g.guidance_131 > 0 OR g.referrals_131 > 0 OR g.training_131 > 0)";
        args.add(inDifficulty);
        sql += " AND " + pace.atRisk("g", args) + " = 1";
        jdbc.query(sql, (RowCallbackHandler) rs -> each.accept(new Paced(rs.getLong(1), rs.getInt(2), rs.getInt(3),
                rs.getInt(4), instant(rs.getObject(5, LocalDateTime.class)))), args.toArray());
    }

    /** A listed graduate's name and case number. */
    record Listed(String name, String caseNumber) {
    }

    /** The names and case numbers of the graduates listed. Indexes: primary key of graduate, ux_case_file_graduate. */
    Map<Long, Listed> listed(Collection<Long> graduateIds) {
        Map<Long, Listed> listed = new HashMap<>();
        if (!graduateIds.isEmpty()) {
            named.query("SELECT g.id, g.name, c.case_number FROM graduate g JOIN case_file c ON c.graduate_id = g.id"
                    + " WHERE g.id IN (:ids)", Map.of("ids", graduateIds),
                    (RowCallbackHandler) rs -> listed.put(rs.getLong(1), new Listed(rs.getString(2), rs.getString(3))));
        }
        return listed;
    }

    /**
     * Overdue tasks per district, counted in the database. Index: ix_case_task_district_overdue_due_year
     * (db/V46), a range of the overdue entries of each district, index-only, for a cohort too (the task
     * carries its graduate's graduation year, db/V21, so no join to the graduate; before V46 the year was
     * read from each overdue task's row: 3.9 s for 50,000 overdue tasks at a million).
     */
    Map<String, Long> overdueTaskCounts(List<String> districts, Integer graduationYear) {
        if (districts.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("districts", districts);
        String sql = """
                SELECT t.district_code, COUNT(*) FROM case_task t
                WHERE t.district_code IN (:districts) AND t.overdue = TRUE""";
        if (graduationYear != null) {
            sql += " AND t.graduation_year = :year";
            params.put("year", graduationYear);
        }
        Map<String, Long> counts = new HashMap<>();
        named.query(sql + " GROUP BY t.district_code", params,
                (RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    record OverdueTask(String id, long graduateId, String type, String name, Instant due, String assignee) {
    }

    /**
     * The overdue tasks of the given graduates in the given districts, by due date. Index:
     * ix_case_task_graduate_type (db/V41): the listed graduates' tasks (a few hundred at most), each
     * checked for its district and overdue, then sorted; 66 ms in ANALYZE for 700 graduates at a million
     * open tasks (2026-12-06).
     */
    List<OverdueTask> overdueTasks(List<String> districts, Collection<Long> graduateIds) {
        if (districts.isEmpty() || graduateIds.isEmpty()) {
            return List.of();
        }
        return named.query("""
                SELECT t.id, t.graduate_id, t.type, t.name, t.due_at, t.assignee
                FROM case_task t
                WHERE t.district_code IN (:districts) AND t.overdue = TRUE AND t.graduate_id IN (:ids)
                ORDER BY t.due_at, t.id
                """, Map.of("districts", districts, "ids", graduateIds),
                (rs, i) -> new OverdueTask(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        instant(rs.getObject(5, LocalDateTime.class)), rs.getString(6)));
    }

    /** One graduate's line of the real-name service ledger, before their services are added. */
    record LedgerRow(long id, String name, String idNumberMasked, String gender, String phoneMasked, String university,
            String major, String degree, int graduationYear, String district, boolean willing, String status,
            String caseNumber, Instant registeredAt, Instant met131At, String destinationCode,
            boolean destinationPublicWelfare, LocalDate destinationDate, String destinationEmployer) {
    }

    /**
     * What the ledger export covers: the district and cohort, and optionally only the graduates in
     * difficulty ({@code graduate.in_difficulty}) or of one university (its code).
     */
    record LedgerFilter(Filter scope, boolean inDifficulty, String universityCode) {

        String where(String alias, List<Object> args) {
            StringBuilder sql = new StringBuilder(scope.where(alias, args));
            if (inDifficulty) {
                sql.append(" AND ").append(alias).append(".in_difficulty = TRUE");
            }
            if (universityCode != null) {
                sql.append(" AND ").append(alias).append(".university_code = ?");
                args.add(universityCode);
            }
            return sql.toString();
        }
    }

    /**
     * A page of the ledger export in id order after {@code afterId} (keyset paging). Index: primary
     * key; of one university, ix_graduate_university_id (db/V39), whose order is the keyset's.
     */
    List<LedgerRow> ledgerRows(LedgerFilter f, long afterId, int limit) {
        List<Object> args = new ArrayList<>();
        args.add(afterId);
        String where = f.where("g", args);
        args.add(limit);
        String sql = """
                SELECT g.id, g.name, g.id_number_masked, g.gender, g.phone_masked, g.university_name, g.major,
                       g.degree, g.graduation_year, g.district_code, g.willing_to_work, g.status, g.case_number,
                       g.registered_at, g.met131_at, g.destination_code, g.destination_public_welfare,
                       g.destination_date, g.destination_employer
                FROM graduate g
                WHERE g.id > ?""" + where + " ORDER BY g.id LIMIT ?";
        return jdbc.query(sql, (rs, i) -> new LedgerRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9),
                rs.getString(10), rs.getBoolean(11), rs.getString(12), rs.getString(13),
                instant(rs.getObject(14, LocalDateTime.class)), instant(rs.getObject(15, LocalDateTime.class)),
                rs.getString(16), rs.getBoolean(17), rs.getObject(18, LocalDate.class), rs.getString(19)),
                args.toArray());
    }

    record Service(long graduateId, String type, Instant at) {
    }

    /**
     * The services of a page of graduates in time order, with the public-welfare posts registered as
     * their destination (DESTINATION entries flagged as one, as type {@link #PUBLIC_WELFARE_POSTS}).
     * Index: ix_ledger_entry_graduate_at.
     */
    List<Service> services(List<Long> graduateIds, List<String> types) {
        if (graduateIds.isEmpty()) {
            return List.of();
        }
        return named.query("""
                SELECT graduate_id, CASE WHEN type = 'DESTINATION' THEN 'PUBLIC_WELFARE_POST' ELSE type END, at
                FROM ledger_entry
                WHERE graduate_id IN (:ids) AND (type IN (:types) OR (type = 'DESTINATION' AND public_welfare = TRUE))
                ORDER BY graduate_id, at, id
                """, Map.of("ids", graduateIds, "types", types),
                (rs, i) -> new Service(rs.getLong(1), rs.getString(2), instant(rs.getObject(3, LocalDateTime.class))));
    }

    /** Difficulty categories of a page of graduates. Index: primary key of graduate_difficulty. */
    List<Map.Entry<Long, String>> difficulties(List<Long> graduateIds) {
        if (graduateIds.isEmpty()) {
            return List.of();
        }
        return named.query("SELECT graduate_id, difficulty FROM graduate_difficulty WHERE graduate_id IN (:ids)"
                + " ORDER BY graduate_id, difficulty", Map.of("ids", graduateIds),
                (rs, i) -> Map.entry(rs.getLong(1), rs.getString(2)));
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
