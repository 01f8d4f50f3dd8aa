package org.leye.casework.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;
import static org.leye.casework.support.TestGraduates.graduate;
import static org.leye.casework.support.TestGraduates.with;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.leye.casework.graduates.ResidentIds;
import org.leye.casework.support.Api;
import org.leye.casework.support.TestGraduates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the graduate's row carries for the early warning (db/V44) never drifts from the ledger and the
 * case: a fixed-seed run of mixed operations over the real HTTP API (services, referrals to the same and
 * to other positions, blacklisting an employer and lifting it, merges of duplicates and their undoing,
 * closing and reopening cases, placing), after each of which every graduate's {@code guidance_131},
 * {@code referrals_131}, {@code training_131} and {@code met131_at} equal the 131 rule read from the ledger
 * ({@link PlacementPeriods#compliance(long)}), and their {@code case_open}, {@code case_opened_at} and
 * {@code case_in_difficulty} their case's. On H2 and on MySQL.
 */
abstract class EarlyWarningCopiesContract {

    static final int STEPS = 100;
    static final List<String> POSITIONS = List.of("出纳", "会计助理", " 出纳 ");
    /** The tasks worked: a reopened case starts with a first contact again. */
    static final List<String> SERVICES = List.of("FIRST_CONTACT", "GUIDANCE", "REFERRAL", "TRAINING_OR_INTERNSHIP");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlacementPeriods periods;

    final Random random = new Random(TestGraduates.SEED);

    Api cw() {
        return Api.as(rest, "cw.pengjiang");
    }

    Api sup() {
        return Api.as(rest, "sup.pengjiang");
    }

    @Test
    void theCopiesOnTheGraduateFollowEveryChangeOfTheLedgerAndTheCase() {
        List<Long> employers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            employers.add(cw().post("/api/employers", map("name", "江门市预警单位" + i + TestGraduates.tag())).expect(201)
                    .json().path("id").asLong());
        }
        List<Long> graduates = new ArrayList<>();
        List<Long> pairs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // two graduates of one name and birth date: a probable duplicate pair
            String name = "预警" + TestGraduates.hanzi();
            LocalDate birth = LocalDate.of(1990 + random.nextInt(5), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String sequence = String.valueOf(10 + random.nextInt(89));
            long kept = register(name, birth, sequence + "2");
            long other = register(name, birth, sequence + "4");
            graduates.add(kept);
            graduates.add(other);
            pairs.add(sup().get("/api/duplicates?status=OPEN&graduate=" + kept).expect(200).json().path("content")
                    .get(0).path("id").asLong());
        }
        for (long g : graduates) {
            cw().post("/api/tasks/" + task(g, "FIRST_CONTACT").orElseThrow() + "/complete",
                    map("reached", true, "willingness", "WANTS_JOB")).expect(204);
        }
        assertCarried(graduates);

        List<Long> merges = new ArrayList<>();
        List<Long> blacklisted = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            int op = random.nextInt(20);
            long g = graduates.get(random.nextInt(graduates.size()));
            if (op < 12 || op > 16) {
                service(g, employers);
            } else if (op == 12) {
                long e = employers.get(random.nextInt(employers.size()));
                if (blacklisted.remove(e)) {
                    Api.as(rest, "sup.city").post("/api/employers/" + e + "/lift", map("reason", "核查不实")).expect(200);
                } else {
                    Api.as(rest, "sup.city").post("/api/employers/" + e + "/blacklist", map("reason", "虚假招聘"))
                            .expect(200);
                    blacklisted.add(e);
                }
            } else if (op == 13) {
                if (!merges.isEmpty() && random.nextBoolean()) {
                    Api.Response undone = sup().post("/api/merges/" + merges.remove(random.nextInt(merges.size()))
                            + "/undo", null);
                    assertThat(undone.status()).as(undone.body()).isIn(200, 409);
                } else {
                    long pair = pairs.get(random.nextInt(pairs.size()));
                    Api.Response merged = sup().post("/api/duplicates/" + pair + "/merge", null);
                    if (merged.status() == 200) {
                        merges.add(merged.json().path("id").asLong());
                    }
                }
            } else if (op == 14) {
                String status = caseStatus(g);
                if (isMerged(g)) {
                    continue; // a merged duplicate's case stays closed until the merge is undone
                } else if ("CLOSED".equals(status)) {
                    sup().post("/api/graduates/" + g + "/case/reopen", map("reason", "重新服务")).expect(200);
                } else {
                    sup().post("/api/graduates/" + g + "/case/close", map("reason", "OTHER", "note", "预警测试"))
                            .expect(200);
                }
            } else if (op == 15) {
                // not placed (70: keeps the case open) or placed (11: closes it)
                String code = random.nextInt(3) > 0 ? "70" : "11";
                Api.Response placed = cw().post("/api/graduates/" + g + "/destination",
                        "11".equals(code) ? map("code", code, "employer", "江门市某公司") : map("code", code));
                assertThat(placed.status()).isIn(200, 409, 422);
            } else if (op == 16) {
                // found in difficulty later: the case is flagged (a placed graduate is refused)
                Api.Response found = cw().post("/api/graduates/" + g + "/difficulties",
                        map("difficulties", List.of("SUBSISTENCE_ALLOWANCE"), "evidence", "低保证明"));
                assertThat(found.status()).isIn(200, 409);
            }
            assertCarried(graduates);
        }
        for (long e : employers) {
            if (!blacklisted.contains(e)) {
                Api.as(rest, "sup.city").post("/api/employers/" + e + "/blacklist", map("reason", "虚假招聘")).expect(200);
            }
        }
        assertCarried(graduates);
        List<String> types = new ArrayList<>();
        for (long g : graduates) {
            types.addAll(jdbc.queryForList("SELECT type FROM ledger_entry WHERE graduate_id = ?", String.class, g));
        }
        assertThat(types).as("the run went through every kind of change").contains("GUIDANCE", "REFERRAL",
                "INTERNSHIP", "EMPLOYER_BLACKLISTED", "MERGED", "MERGE_UNDONE", "CLOSED", "REOPENED", "DESTINATION",
                "DIFFICULTY_RECORDED");
    }

    /** A service task of the graduate completed, if they have one open: a guidance, a referral, a training. */
    private void service(long g, List<Long> employers) {
        List<JsonNode> open = new ArrayList<>();
        tasks(g).forEach(t -> {
            if (SERVICES.contains(t.path("type").asText())) {
                open.add(t);
            }
        });
        if (open.isEmpty()) {
            return;
        }
        JsonNode picked = open.get(random.nextInt(open.size()));
        String type = picked.path("type").asText();
        String task = picked.path("id").asText();
        Map<String, Object> body = switch (type) {
            case "FIRST_CONTACT" -> map("reached", true, "willingness", "WANTS_JOB");
            case "GUIDANCE" -> map("date", LocalDate.now().toString(), "topic", "求职规划");
            case "REFERRAL" -> map("employerId", employers.get(random.nextInt(employers.size())),
                    "position", POSITIONS.get(random.nextInt(POSITIONS.size())), "outcome", "INTERVIEW");
            default -> map("kind", "INTERNSHIP", "provider", "江门市就业见习基地", "program", "会计见习岗",
                    "startDate", LocalDate.now().toString());
        };
        Api.Response done = cw().post("/api/tasks/" + task + "/complete", body);
        if ("REFERRAL".equals(type)) {
            // a referral to a blacklisted employer is refused
            assertThat(done.status()).as("completing %s: %s", type, done.body()).isIn(204, 422);
        } else {
            assertThat(done.status()).as("completing %s: %s", type, done.body()).isEqualTo(204);
        }
    }

    private long register(String name, LocalDate birth, String sequence) {
        String first17 = "440703" + birth.toString().replace("-", "") + sequence;
        Map<String, Object> body = with(with(graduate(name, "440703"), "idNumber",
                first17 + ResidentIds.checkDigit(first17)), "gender", null);
        return cw().post("/api/graduates", body).expect(201).json().path("id").asLong();
    }

    private java.util.Optional<String> task(long graduateId, String type) {
        for (JsonNode t : tasks(graduateId)) {
            if (t.path("type").asText().equals(type)) {
                return java.util.Optional.of(t.path("id").asText());
            }
        }
        return java.util.Optional.empty();
    }

    private JsonNode tasks(long graduateId) {
        String caseNumber = jdbc.queryForObject("SELECT case_number FROM case_file WHERE graduate_id = ?", String.class,
                graduateId);
        return cw().get("/api/tasks?scope=all&size=200&q=" + caseNumber).expect(200).json().path("content");
    }

    private String caseStatus(long graduateId) {
        return jdbc.queryForObject("SELECT status FROM case_file WHERE graduate_id = ?", String.class, graduateId);
    }

    private boolean isMerged(long graduateId) {
        return jdbc.queryForObject("SELECT merged_into FROM graduate WHERE id = ?", Long.class, graduateId) != null;
    }

    /** Every graduate's copies equal the 131 rule read from the ledger and their case. */
    private void assertCarried(List<Long> graduates) {
        for (long g : graduates) {
            Compliance c = periods.compliance(g);
            Map<String, Object> row = jdbc.queryForMap("""
                    SELECT g.guidance_131, g.referrals_131, g.training_131, g.met131_at, g.case_open, g.case_opened_at,
                           g.case_in_difficulty, c.status, c.opened_at, c.in_difficulty
                    FROM graduate g JOIN case_file c ON c.graduate_id = g.id WHERE g.id = ?""", g);
            Map<String, Object> fromTheLedger = new java.util.LinkedHashMap<>();
            fromTheLedger.put("guidance", c.guidance());
            fromTheLedger.put("referrals", c.referrals());
            fromTheLedger.put("training", c.trainingOrInternship());
            fromTheLedger.put("met131", c.met131At() == null ? null
                    : java.time.LocalDateTime.ofInstant(c.met131At(), java.time.ZoneOffset.UTC));
            fromTheLedger.put("opened", utc(row.get("OPENED_AT")));
            fromTheLedger.put("open", !"CLOSED".equals(row.get("STATUS")));
            fromTheLedger.put("difficulty", truth(row.get("IN_DIFFICULTY")));
            Map<String, Object> carried = new java.util.LinkedHashMap<>();
            carried.put("guidance", ((Number) row.get("GUIDANCE_131")).intValue());
            carried.put("referrals", ((Number) row.get("REFERRALS_131")).intValue());
            carried.put("training", ((Number) row.get("TRAINING_131")).intValue());
            carried.put("met131", utc(row.get("MET131_AT")));
            carried.put("open", truth(row.get("CASE_OPEN")));
            carried.put("opened", utc(row.get("CASE_OPENED_AT")));
            carried.put("difficulty", truth(row.get("CASE_IN_DIFFICULTY")));
            assertThat(carried).as("graduate %d's copies", g).isEqualTo(fromTheLedger);
        }
    }

    /** A DATETIME as the driver gives it (H2 a Timestamp, MySQL a LocalDateTime). */
    private static java.time.LocalDateTime utc(Object value) {
        return value instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (java.time.LocalDateTime) value;
    }

    private static boolean truth(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }
}
