package org.leye.casework.ledger;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code placement_period} (db/V16) in step with the ledger: the spans of time in which a
 * graduate's district, destination and 131 stood still, so that the placement "as of" a date is
 * one index scan instead of a walk over every graduate's entries.
 *
 * <p>The spans of a graduate are derived, never edited: {@link #rebuild} deletes them and writes
 * them again from the graduate's REGISTERED, DISTRICT_CHANGED, DESTINATION and REOPENED entries and
 * {@code graduate.met131_at}, whatever order those were written in. A span starts at each distinct
 * instant among them and holds the state after every entry at or before that instant, the latest
 * (greatest id) of each kind winning; it answers for the cut-offs D with valid_from &lt; D &lt;= valid_to,
 * which is exactly what "entries with at &lt; D" read from the ledger gives.
 *
 * <p>Each span also carries its graduate's {@code graduation_year} and {@code university_code} (db/V45), copied
 * from the graduate's row by every statement here that writes spans, so that the reports group the spans by
 * either without joining them to their graduates. Neither changes after registration, so no other writer is
 * needed: the university is resolved once, when the graduate is registered (by hand or from a hand-over row), and
 * nothing rewrites it afterwards; a correction ({@code CorrectGraduate}) changes the phone, the address, the
 * major, the degree, the difficulties and the willingness only; a merge of duplicates marks the merged graduate
 * and leaves both rows' university as it was; a hand-over row naming a registered graduate adds a source and
 * changes nothing else. A correction of the university, if one is ever added, must rewrite the graduate's spans
 * in its transaction ({@link #rebuild(long)} does).
 *
 * <p>The same rebuild carries onto the graduate's row what the compliance report counts (db/V19,
 * {@link #carry}): {@code graduate.met131_at}, when {@link Service131Policy} says the 131 was met
 * (written by {@link #met131}, from the graduate's services and their merged duplicates');
 * {@code graduate.destination_at}, the time of their latest DESTINATION entry; and
 * {@code graduate.helper_assigned}, whether they have a HELPER_ASSIGNED entry. The report then reads
 * one covering index instead of joining a million case files and probing the ledger per graduate.
 * The 131 changes where a service or a merge is recorded, the destination where the spans are rebuilt, the third
 * where {@code Ledger.record} writes a HELPER_ASSIGNED entry and calls {@link #carry}; always in the
 * same transaction.
 *
 * <p>For the early warning (db/V44) the row also carries the 131 rule's three counts ({@code guidance_131},
 * {@code referrals_131}: distinct positions, {@code training_131}), written with {@code met131_at} by
 * {@link #met131}, and the state of the graduate's case ({@code case_open}, {@code case_opened_at},
 * {@code case_in_difficulty}), written by {@link #carry} after the entries that follow a change of the case
 * ({@link #CARRIED}, REOPENED) and by {@code Ledger.caseChanged} where a case changes without one (opened,
 * flagged in difficulty). The range {@link #rebuild(long, long)} writes all of them.
 */
@Service
public class PlacementPeriods {

    /** The ledger entries that change what the placement report reads. */
    static final Set<LedgerEntryType> STATUS = Set.of(LedgerEntryType.REGISTERED, LedgerEntryType.DISTRICT_CHANGED,
            LedgerEntryType.DESTINATION, LedgerEntryType.REOPENED);

    /**
     * The spans of the graduates of an id range, as db/V16__placement_periods.sql's backfill wrote them, in
     * one pass over the range's status entries: they are grouped by instant (b), each instant carries the
     * greatest id of each kind at it, and a running maximum over the graduate's instants in time order (t)
     * gives, at each, the greatest id of each kind at or before it, whose district and destination are then
     * read by primary key. The backfill's correlated subqueries per span read each graduate's entries again
     * for each of their spans (sorted by id each time), and MariaDB could begin its plan with every graduate
     * of the table, not of the range: a slice of 50,000 of the benchmark's million in 1.7 s instead of 3.9 s
     * ({@code ANALYZE}, docs/benchmark.md). Parameters: the range three times.
     */
    private static final String REBUILD = """
            INSERT INTO placement_period (graduate_id, graduation_year, university_code, district_code, destination_code,
                                          met131, valid_from, valid_to)
            SELECT s.graduate_id, g.graduation_year, g.university_code, d.district_code,
                   CASE WHEN p.id IS NOT NULL THEN COALESCE(p.destination_code, '-') END,
                   CASE WHEN g.met131_at IS NOT NULL AND g.met131_at <= s.valid_from THEN TRUE ELSE FALSE END,
                   s.valid_from, s.valid_to
            FROM (SELECT t.graduate_id, t.at AS valid_from,
                         LEAD(t.at) OVER (PARTITION BY t.graduate_id ORDER BY t.at) AS valid_to,
                         MAX(t.district_entry) OVER (PARTITION BY t.graduate_id ORDER BY t.at) AS district_entry,
                         MAX(t.destination_entry) OVER (PARTITION BY t.graduate_id ORDER BY t.at) AS destination_entry,
                         MAX(t.registered) OVER (PARTITION BY t.graduate_id ORDER BY t.at) AS registered
                  FROM (SELECT b.graduate_id, b.at, MAX(b.district_entry) AS district_entry,
                               MAX(b.destination_entry) AS destination_entry, MAX(b.registered) AS registered
                        FROM (SELECT graduate_id, at,
                                     CASE WHEN type IN ('REGISTERED', 'DISTRICT_CHANGED') AND district_code IS NOT NULL
                                          THEN id END AS district_entry,
                                     CASE WHEN type IN ('DESTINATION', 'REOPENED') THEN id END AS destination_entry,
                                     CASE WHEN type = 'REGISTERED' THEN 1 END AS registered
                              FROM ledger_entry
                              WHERE type IN ('REGISTERED', 'DISTRICT_CHANGED', 'DESTINATION', 'REOPENED')
                                AND graduate_id BETWEEN ? AND ?
                              UNION ALL
                              SELECT id, met131_at, NULL, NULL, NULL FROM graduate
                               WHERE met131_at IS NOT NULL AND id BETWEEN ? AND ?) b
                        GROUP BY b.graduate_id, b.at) t) s
            JOIN graduate g ON g.id = s.graduate_id
            LEFT JOIN ledger_entry d ON d.id = s.district_entry
            LEFT JOIN ledger_entry p ON p.id = s.destination_entry
            WHERE s.registered IS NOT NULL AND g.id BETWEEN ? AND ?
            """;

    /** The first span of a graduate whose only status entry is this registration (see {@link #registered}). */
    private static final String FIRST_SPAN = """
            INSERT INTO placement_period (graduate_id, graduation_year, university_code, district_code, destination_code,
                                          met131, valid_from, valid_to)
            SELECT l.graduate_id, g.graduation_year, g.university_code, l.district_code, NULL, FALSE, l.at, NULL
            FROM ledger_entry l JOIN graduate g ON g.id = l.graduate_id
            WHERE l.id = ? AND l.type = 'REGISTERED'
              AND NOT EXISTS (SELECT 1 FROM ledger_entry o
                               WHERE o.type IN ('REGISTERED', 'DISTRICT_CHANGED', 'DESTINATION', 'REOPENED')
                                 AND o.graduate_id = ? AND o.id <> ?)
              AND NOT EXISTS (SELECT 1 FROM placement_period p WHERE p.graduate_id = ?)
              AND NOT EXISTS (SELECT 1 FROM graduate m WHERE m.id = ? AND m.met131_at IS NOT NULL)
            """;

    /**
     * The ledger entries after which the graduate's row is written again ({@link #carry}), besides the
     * status entries: a helper assigned, and a case closed or handed over (reopened or flagged), whose
     * state the early warning reads from the row. REOPENED is a status entry, which carries too.
     */
    static final Set<LedgerEntryType> CARRIED = Set.of(LedgerEntryType.HELPER_ASSIGNED, LedgerEntryType.CLOSED,
            LedgerEntryType.HANDED_OVER);

    /**
     * The graduate's copies of what the compliance report counts, and of their case for the early
     * warning (db/V44: whether it is open, when it was opened, whether it is flagged in difficulty), for
     * the graduates of an id range.
     */
    private static final String CARRY = """
            UPDATE graduate
               SET destination_at = (SELECT MAX(l.at) FROM ledger_entry l
                                      WHERE l.type = 'DESTINATION' AND l.graduate_id = graduate.id),
                   helper_assigned = CASE WHEN EXISTS (SELECT 1 FROM ledger_entry h
                                                       WHERE h.type = 'HELPER_ASSIGNED' AND h.graduate_id = graduate.id)
                                          THEN TRUE ELSE FALSE END,
                   case_open = CASE WHEN EXISTS (SELECT 1 FROM case_file c
                                                 WHERE c.graduate_id = graduate.id AND c.status <> 'CLOSED')
                                    THEN TRUE ELSE FALSE END,
                   case_opened_at = (SELECT c.opened_at FROM case_file c WHERE c.graduate_id = graduate.id),
                   case_in_difficulty = CASE WHEN EXISTS (SELECT 1 FROM case_file c
                                                          WHERE c.graduate_id = graduate.id AND c.in_difficulty = TRUE)
                                             THEN TRUE ELSE FALSE END
             WHERE id BETWEEN ? AND ?
            """;

    /**
     * The case columns of {@link #CARRY} for a graduate whose case was just opened (inserted and
     * flushed in this transaction): only the case's row is read, by its graduate; the ledger columns
     * do not change when a case opens.
     */
    private static final String CASE_OPENED = """
            UPDATE graduate
               SET case_open = TRUE,
                   case_opened_at = (SELECT c.opened_at FROM case_file c WHERE c.graduate_id = graduate.id),
                   case_in_difficulty = (SELECT c.in_difficulty FROM case_file c WHERE c.graduate_id = graduate.id)
             WHERE id = ?
            """;

    /** The ledger entries after which the graduate's 131 is evaluated again ({@link #met131}). */
    static final Set<LedgerEntryType> SERVICE_131 = Set.of(LedgerEntryType.GUIDANCE, LedgerEntryType.REFERRAL,
            LedgerEntryType.TRAINING, LedgerEntryType.INTERNSHIP, LedgerEntryType.MERGED, LedgerEntryType.MERGE_UNDONE,
            LedgerEntryType.EMPLOYER_BLACKLISTED);

    private final JdbcTemplate jdbc;
    private final Service131Entries service131;

    public PlacementPeriods(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.service131 = new Service131Entries(jdbc);
    }

    /** The graduate's 131 now by {@link Service131Policy}, from their ledger and their merged duplicates' services. */
    @Transactional(readOnly = true)
    public Compliance compliance(long graduateId) {
        return Service131Policy.evaluate(service131.of(graduateId), null);
    }

    /**
     * The 131 now by {@link Service131Policy} of every graduate with an id in [from, to] who has entries
     * that it reads, with their merged duplicates' services: the rule the graduate page and, through
     * {@code met131_at}, the compliance report use, for reports that need its counts a window of graduates
     * at a time (the early warning). Two range reads of the ledger.
     */
    @Transactional(readOnly = true)
    public Map<Long, Compliance> compliance(long from, long to) {
        Map<Long, Compliance> compliance = new java.util.HashMap<>();
        service131.of(from, to).forEach((id, entries) -> compliance.put(id, Service131Policy.evaluate(entries, null)));
        return compliance;
    }

    /**
     * Evaluates the graduate's 131 again ({@link Service131Policy}) and writes its counts on the graduate's
     * row ({@code guidance_131}, {@code referrals_131}, {@code training_131}: db/V44, which the early warning
     * reads instead of the ledger) and, when the time it was met changed, that time ({@code met131_at},
     * which every report counts), and then rebuilds their spans, which carry it. The row is locked first,
     * so that two services recorded at once for the same graduate are evaluated one after the other, the
     * second seeing the first. Answers when it was met.
     */
    @Transactional
    public java.util.Optional<Instant> met131(long graduateId) {
        return met131(graduateId, lockFor131(graduateId));
    }

    /**
     * Locks the graduate's row, reading what it carries of their 131 (empty: no such graduate), for
     * {@link #met131(long, java.util.Optional)} after an entry written under the lock (Ledger.record).
     */
    java.util.Optional<Carried131> lockFor131(long graduateId) {
        return jdbc.query(
                "SELECT met131_at, guidance_131, referrals_131, training_131 FROM graduate WHERE id = ? FOR UPDATE",
                (rs, i) -> new Carried131(instant(rs.getObject(1, LocalDateTime.class)), rs.getInt(2), rs.getInt(3),
                        rs.getInt(4)), graduateId).stream().findFirst();
    }

    /** Locks the graduate's row (Ledger.record, before an entry whose copies on the row are written after it). */
    void lock(long graduateId) {
        jdbc.queryForList("SELECT id FROM graduate WHERE id = ? FOR UPDATE", Long.class, graduateId);
    }

    /** {@link #met131(long)} with the row locked and read already. */
    java.util.Optional<Instant> met131(long graduateId, java.util.Optional<Carried131> current) {
        Compliance now = compliance(graduateId);
        Carried131 carried = Carried131.of(now);
        if (current.isPresent() && !current.get().equals(carried)) {
            jdbc.update(WRITE_131, carried.args(graduateId));
            if (!java.util.Objects.equals(current.get().met131At(), carried.met131At())) {
                rebuild(graduateId);
            }
        }
        return java.util.Optional.ofNullable(now.met131At());
    }

    /** What the graduate's row carries of their 131 (db/V19's met131_at, db/V44's counts). */
    record Carried131(Instant met131At, int guidance, int referrals, int trainingOrInternship) {

        static Carried131 of(Compliance c) {
            return new Carried131(c.met131At(), c.guidance(), c.referrals(), c.trainingOrInternship());
        }

        boolean any() {
            return met131At != null || guidance != 0 || referrals != 0 || trainingOrInternship != 0;
        }

        Object[] args(long graduateId) {
            return new Object[] { sql(met131At), guidance, referrals, trainingOrInternship, graduateId };
        }
    }

    private static final String WRITE_131 = "UPDATE graduate SET met131_at = ?, guidance_131 = ?, referrals_131 = ?,"
            + " training_131 = ? WHERE id = ?";

    /** Writes {@code met131_at} and the 131's counts of every graduate with an id in [from, to] again from the policy. */
    private void met131(long from, long to) {
        Map<Long, List<Service131Policy.Entry>> entries = service131.of(from, to);
        jdbc.update("UPDATE graduate SET met131_at = NULL, guidance_131 = 0, referrals_131 = 0, training_131 = 0"
                + " WHERE id BETWEEN ? AND ? AND (met131_at IS NOT NULL OR guidance_131 <> 0 OR referrals_131 <> 0"
                + " OR training_131 <> 0)", from, to);
        List<Object[]> rows = new ArrayList<>();
        entries.forEach((id, e) -> {
            Carried131 carried = Carried131.of(Service131Policy.evaluate(e, null));
            if (carried.any()) {
                rows.add(carried.args(id));
            }
        });
        jdbc.batchUpdate(WRITE_131, rows);
    }

    private static LocalDateTime sql(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    /**
     * Writes the graduate's spans again from what the database holds in this transaction (flush
     * pending entity changes first). The graduate's row is locked first, so that two transactions
     * recording for the same graduate rebuild one after the other, the second seeing the first's entries.
     */
    @Transactional
    public void rebuild(long graduateId) {
        jdbc.queryForList("SELECT id FROM graduate WHERE id = ? FOR UPDATE", Long.class, graduateId);
        jdbc.update("DELETE FROM placement_period WHERE graduate_id = ?", graduateId);
        jdbc.update(REBUILD, graduateId, graduateId, graduateId, graduateId, graduateId, graduateId);
        carry(graduateId);
    }

    /**
     * The spans after the graduate's first entry, their registration: one open span from its
     * instant, in the district it carries, with no destination and no 131 yet. That is what
     * {@link #rebuild(long)} would write, in one statement instead of three, when the entry is the
     * graduate's only status entry and they have no spans and no 131 met; otherwise (never on the
     * registration path, but a repair could) it rebuilds. The graduate's copies of db/V19 need no
     * writing then: a new row has no 131, no destination and no helper.
     */
    @Transactional
    public void registered(long graduateId, long entryId) {
        int written = jdbc.update(FIRST_SPAN, entryId, graduateId, entryId, graduateId, graduateId);
        if (written != 1) {
            rebuild(graduateId);
        }
    }

    /**
     * Writes the graduate's copies of their 131, latest destination and helper (db/V19) again from
     * what the database holds in this transaction; {@link #rebuild} does it too.
     */
    @Transactional
    public void carry(long graduateId) {
        jdbc.update(CARRY, graduateId, graduateId);
    }

    /**
     * Writes the graduate's case columns (open, opened at, in difficulty) for the case just opened for
     * them, whose row is in the database already: one statement that reads that row only, instead of
     * {@link #carry}'s five look-ups, and no flush of the transaction's other pending changes (the
     * case's number and process instance, written at commit), which these columns do not read.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void caseOpened(long graduateId) {
        jdbc.update(CASE_OPENED, graduateId);
    }

    /**
     * Writes the spans of every graduate with an id in [from, to] again, and their copies of the
     * 131 (evaluated again by {@link Service131Policy}) and the latest destination: the backfill in slices, for ledger rows written in bulk (the
     * benchmark) or a repair. Returns the number of spans written.
     */
    @Transactional
    public int rebuild(long from, long to) {
        met131(from, to);
        jdbc.update("DELETE FROM placement_period WHERE graduate_id BETWEEN ? AND ?", from, to);
        int spans = jdbc.update(REBUILD, from, to, from, to, from, to);
        jdbc.update(CARRY, from, to);
        return spans;
    }

    /** Whether an entry of this type may change the graduate's 131. */
    static boolean bearsOn131(LedgerEntryType type) {
        return SERVICE_131.contains(type);
    }

    static boolean changes(LedgerEntryType type) {
        return STATUS.contains(type);
    }

    /** Whether an entry of this type changes what the graduate's row carries, though not their spans. */
    static boolean carries(LedgerEntryType type) {
        return CARRIED.contains(type);
    }
}
