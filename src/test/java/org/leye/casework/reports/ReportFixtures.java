package org.leye.casework.reports;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;

import org.leye.casework.graduates.SyntheticResidentIds;
import org.leye.casework.ledger.PlacementPeriods;
import org.leye.casework.ledger.Service131Policy;
import org.leye.casework.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Report fixtures written straight into the tables, with the timestamps that an "as of" test
 * needs (the application stamps entries with now). Each fixture set has its own graduation year
 * (3000 and later, never used by anyone else), so that it is alone in its cohort although tests
 * share the database. Times are UTC date-times, as the application stores instants; 02:00 UTC is
 * 10:00 in Jiangmen. As the application does on every ledger entry that changes a district or a
 * destination and on the 131 being met, each such write rebuilds the graduate's placement spans
 * ({@link PlacementPeriods}), which the placement report reads, and with them the graduate's copies
 * of the 131 and the latest destination, which the compliance report reads.
 */
final class ReportFixtures {

    static final String ENPING = "440785";
    static final String HESHAN = "440784";

    private final JdbcTemplate jdbc;
    private final PlacementPeriods periods;
    /** Null: the identifier columns hold a placeholder that no page can decrypt (see the constructor with one). */
    private final PersonalDataCipher cipher;
    final int year;
    private int serial;

    ReportFixtures(JdbcTemplate jdbc) {
        this(jdbc, null);
    }

    /**
     * Fixtures whose graduates carry a resident ID encrypted as the application does, for graduates that
     * a page lists (the students of a university with a demo counselor: the list shows each one's age,
     * read from the number), so that a later test in the same context can list them.
     */
    ReportFixtures(JdbcTemplate jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.periods = new PlacementPeriods(jdbc);
        synchronized (ReportFixtures.class) {
            Integer max = jdbc.queryForObject(
                    "SELECT COALESCE(MAX(graduation_year), 2999) FROM graduate WHERE graduation_year >= 3000",
                    Integer.class);
            this.year = max + 1;
            // reserve the year at once, so that the next fixture set takes the next one: a graduate
            // of E, not willing to work, without a ledger (so not in the figures read from the ledger)
            graduateRow("占位", ENPING, false, "REGISTERED", at(1, 1));
        }
    }

    /** 02:00 UTC (10:00 in Jiangmen) on that day of the fixture's year. */
    LocalDateTime at(int month, int day) {
        return LocalDateTime.of(year, month, day, 2, 0);
    }

    LocalDate date(int month, int day) {
        return LocalDate.of(year, month, day);
    }

    /** A graduate as they are now, with their REGISTERED entry; more entries say how they got there. */
    long graduate(String name, String district, Boolean willing, String status, LocalDateTime registeredAt) {
        long id = graduateRow(name, district, willing, status, registeredAt);
        // the registration's willingness, as CaseLifecycle writes it (none while unconfirmed)
        entry(id, "REGISTERED", registeredAt, district, null, willing == null ? null : "{\"willingToWork\":" + willing + "}");
        return id;
    }

    private long graduateRow(String name, String district, Boolean willing, String status, LocalDateTime registeredAt) {
        int n = ++serial;
        String hash = String.format("fx%06d%056d", year, n); // 64 characters, as a keyed hash
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO graduate (name, name_sort, id_number_hash, id_number_enc, id_number_masked,
                      gender, phone_masked, university_name, major, degree, graduation_year, district_code,
                      willing_to_work, status, registered_at, registered_by, version)
                    VALUES (?, ?, ?, ?, ?, 'FEMALE', '139****0000', '五邑大学', '会计学', 'BACHELOR', ?, ?, ?, ?, ?,
                      'fixture', 0)""", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, name);
            ps.setString(2, "00");
            ps.setString(3, hash);
            ps.setString(4, cipher == null ? "fixture"
                    : cipher.encrypt(SyntheticResidentIds.next(new Random(hash.hashCode())), "graduate.id_number"));
            ps.setString(5, district + "********" + String.format("%04d", n % 10000));
            ps.setInt(6, year);
            ps.setString(7, district);
            ps.setObject(8, willing);
            ps.setString(9, status);
            ps.setObject(10, registeredAt);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** Difficulty categories, and the graduate's in_difficulty as the Graduate entity writes it. */
    void difficulties(long graduateId, String... difficulties) {
        for (String d : difficulties) {
            jdbc.update("INSERT INTO graduate_difficulty (graduate_id, difficulty) VALUES (?, ?)", graduateId, d);
        }
        jdbc.update("UPDATE graduate SET in_difficulty = ? WHERE id = ?", difficulties.length > 0, graduateId);
    }

    /** Difficulty found after registration, as POST /api/graduates/{id}/difficulties writes it. */
    void foundInDifficulty(long graduateId, LocalDateTime at, String... difficulties) {
        difficulties(graduateId, difficulties);
        jdbc.update("UPDATE graduate SET in_difficulty_since = ? WHERE id = ?", at, graduateId);
    }

    void destinationNow(long graduateId, String code, LocalDate date, String employer) {
        jdbc.update("UPDATE graduate SET destination_code = ?, destination_date = ?, destination_employer = ? WHERE id = ?",
                code, date, employer, graduateId);
    }

    /** The graduate's destination now is a public-welfare post under that code (db/V34_5). */
    void publicWelfarePostNow(long graduateId, String code, LocalDate date, String employer) {
        destinationNow(graduateId, code, date, employer);
        jdbc.update("UPDATE graduate SET destination_public_welfare = TRUE WHERE id = ?", graduateId);
    }

    /**
     * A DESTINATION entry of a public-welfare post, as the application writes it: the job's code, the
     * {@code publicWelfare} detail and the flag that the reports read (db/V34_5).
     */
    void publicWelfarePost(long graduateId, LocalDateTime at, String district, String code) {
        jdbc.update("""
                INSERT INTO ledger_entry (graduate_id, type, at, actor, district_code, destination_code, public_welfare,
                                          details)
                VALUES (?, 'DESTINATION', ?, 'fixture', ?, ?, TRUE, ?)""", graduateId, at, district, code,
                "{\"code\":\"" + code + "\",\"group\":\"CONTRACT\",\"publicWelfare\":true}");
        periods.met131(graduateId);
        periods.rebuild(graduateId);
    }

    /** A public-welfare offer that the graduate did not take: a PUBLIC_WELFARE_PLACEMENT entry, no destination. */
    void publicWelfareOfferNotTaken(long graduateId, LocalDateTime at, String district) {
        jdbc.update("""
                INSERT INTO ledger_entry (graduate_id, type, at, actor, district_code, details)
                VALUES (?, 'PUBLIC_WELFARE_PLACEMENT', ?, 'fixture', ?, '{"outcome":"NOT_PLACED"}')""", graduateId, at,
                district);
    }

    /**
     * The graduate's university by its code (null: one not in the city's list), as registration resolves it. The
     * application writes it before the graduate's first span, which copies it (db/V45); here it comes after the
     * registration's span, so the spans are written again to carry it.
     */
    void universityNow(long graduateId, String universityCode) {
        jdbc.update("UPDATE graduate SET university_code = ? WHERE id = ?", universityCode, graduateId);
        periods.rebuild(graduateId);
    }

    void statusNow(long graduateId, String status) {
        jdbc.update("UPDATE graduate SET status = ? WHERE id = ?", status, graduateId);
    }

    void districtNow(long graduateId, String district) {
        jdbc.update("UPDATE graduate SET district_code = ? WHERE id = ?", district, graduateId);
    }

    /** One ledger entry; insert a graduate's entries in time order (the latest has the greatest id). */
    void entry(long graduateId, String type, LocalDateTime at, String district, String destinationCode) {
        // a referral to a position of its own, as three referrals that meet the 131 are (Service131Policy);
        // a contact that found the graduate wanting a job
        String details = switch (type) {
            case "REFERRAL" -> "{\"employer\":\"示例单位\",\"position\":\"岗位" + (++serial) + "\"}";
            case "WILLINGNESS" -> "{\"willingness\":\"WANTS_JOB\"}";
            default -> null;
        };
        entry(graduateId, type, at, district, destinationCode, details);
    }

    /** A referral to that employer's position, as the ledger records one (the same two again: the same position). */
    void referral(long graduateId, LocalDateTime at, String district, String employer, String position) {
        entry(graduateId, "REFERRAL", at, district, null,
                "{\"employer\":\"" + employer + "\",\"position\":\"" + position + "\"}");
    }

    /** A WILLINGNESS entry of a contact (WANTS_JOB or NOT_SEEKING), and the graduate's willing_to_work with it. */
    void willingness(long graduateId, LocalDateTime at, String district, boolean wantsJob) {
        entry(graduateId, "WILLINGNESS", at, district, null,
                "{\"willingness\":\"" + (wantsJob ? "WANTS_JOB" : "NOT_SEEKING") + "\"}");
        jdbc.update("UPDATE graduate SET willing_to_work = ? WHERE id = ?", wantsJob, graduateId);
    }

    /**
     * A correction of the record, as the ledger writes its GRADUATE_CORRECTED entry: of the willingness
     * (with the top-level {@code willingToWork}) or, with null, of the address only (no willingness).
     */
    void corrected(long graduateId, LocalDateTime at, String district, Boolean wantsJob) {
        String details = wantsJob == null
                ? "{\"changes\":[{\"field\":\"address\",\"to\":\"江门市\\\"willingToWork\\\":true\"}]}"
                : "{\"changes\":[{\"field\":\"willingToWork\",\"from\":" + !wantsJob + ",\"to\":" + wantsJob
                        + "}],\"willingToWork\":" + wantsJob + "}";
        entry(graduateId, "GRADUATE_CORRECTED", at, district, null, details);
        if (wantsJob != null) {
            jdbc.update("UPDATE graduate SET willing_to_work = ? WHERE id = ?", wantsJob, graduateId);
        }
    }

    private void entry(long graduateId, String type, LocalDateTime at, String district, String destinationCode,
            String details) {
        jdbc.update("""
                INSERT INTO ledger_entry (graduate_id, type, at, actor, district_code, destination_code, details)
                VALUES (?, ?, ?, 'fixture', ?, ?, ?)""", graduateId, type, at, district,
                destinationCode, details);
        periods.met131(graduateId);
        periods.rebuild(graduateId);
    }

    void entries(long graduateId, String type, String district, LocalDateTime... ats) {
        for (LocalDateTime at : ats) {
            entry(graduateId, type, at, district, null);
        }
    }

    /**
     * The graduate's case; with {@code met131At}, the services that the 131 still lacks are written at that
     * time (guidance, referrals to positions of their own, a training), so that the rule meets it then.
     */
    long caseFile(long graduateId, String district, String status, boolean inDifficulty, LocalDateTime openedAt,
            LocalDateTime met131At) {
        if (met131At != null) {
            var c = periods.compliance(graduateId);
            for (int i = c.guidance(); i < Service131Policy.GUIDANCE_REQUIRED; i++) {
                entry(graduateId, "GUIDANCE", met131At, district, null);
            }
            for (int i = c.referrals(); i < Service131Policy.REFERRALS_REQUIRED; i++) {
                entry(graduateId, "REFERRAL", met131At, district, null);
            }
            for (int i = c.trainingOrInternship(); i < Service131Policy.TRAINING_REQUIRED; i++) {
                entry(graduateId, "TRAINING", met131At, district, null);
            }
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        String number = "RPT-" + year + "-" + graduateId;
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO case_file (case_number, graduate_id, district_code, status, priority, in_difficulty,
                      failed_contact_attempts, opened_at, met131_at, version)
                    VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, 0)""", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, number);
            ps.setLong(2, graduateId);
            ps.setString(3, district);
            ps.setString(4, status);
            ps.setInt(5, inDifficulty ? 80 : 50);
            ps.setBoolean(6, inDifficulty);
            ps.setObject(7, openedAt);
            ps.setObject(8, met131At);
            return ps;
        }, key);
        jdbc.update("UPDATE graduate SET case_number = ? WHERE id = ?", number, graduateId);
        periods.rebuild(graduateId);
        return key.getKey().longValue();
    }

    /** A willing graduate in service with an open case, the 131 not met (in difficulty: disabled). */
    record OpenCase(long graduate, long caseFile) {
    }

    OpenCase openCase(String name, String district, boolean inDifficulty, LocalDateTime openedAt) {
        long id = graduate(name, district, true, "IN_SERVICE", openedAt);
        if (inDifficulty) {
            difficulties(id, "DISABILITY");
        }
        return new OpenCase(id, caseFile(id, district, "OPEN", inDifficulty, openedAt, null));
    }

    /** An overdue task of the case, assigned to a caseworker. */
    String overdueTask(OpenCase c, String district, String type, LocalDateTime due) {
        return task(c.graduate(), c.caseFile(), district, type, true, "cw.fixture", due);
    }

    String task(long graduateId, long caseId, String district, String type, boolean overdue, String assignee,
            LocalDateTime due) {
        String id = "rpt-" + year + "-" + (++serial);
        jdbc.update("""
                INSERT INTO case_task (id, process_instance_id, activity_id, type, name, case_id, case_number,
                  graduate_id, graduation_year, district_code, priority, due_at, overdue, assignee, candidate_group,
                  created_at)
                VALUES (?, 'fixture', 'fixture', ?, ?, ?, ?, ?, ?, ?, 50, ?, ?, ?, ?, ?)""", id, type, type, caseId,
                "RPT-" + year + "-" + graduateId, graduateId, year, district, due, overdue, assignee,
                "caseworkers-" + district, due.minusDays(15));
        return id;
    }

    static List<String> row(String... cells) {
        return List.of(cells);
    }
}
