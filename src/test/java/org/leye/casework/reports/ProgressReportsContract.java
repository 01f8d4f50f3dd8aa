package org.leye.casework.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.reports.ReportFixtures.ENPING;
import static org.leye.casework.reports.ReportFixtures.HESHAN;
import static org.leye.casework.support.Api.map;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.leye.casework.support.Api;
import org.leye.casework.support.AuditMark;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The progress report on the plan's dates (issue 19, item 2) on a fixture worked out by hand; run on
 * H2 and on MySQL. The cohort is a graduation year of its own (ReportFixtures); its events happen in
 * calendar year 2025, so that every checkpoint of 2025 has passed whenever the test runs, while the
 * checkpoints of the cohort's own far year are all still to come.
 */
abstract class ProgressReportsContract {

    static final int CAL = 2025;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    Api city() {
        return Api.as(rest, "sup.city");
    }

    /** 02:00 UTC (10:00 in Jiangmen) on that day of 2025. */
    static LocalDateTime at(int month, int day) {
        return LocalDateTime.of(CAL, month, day, 2, 0);
    }

    /**
     * Times 10:00 in Jiangmen unless said; every leaver is of 广东南方职业学院 (GDNF, a university without a
     * demo counselor, whose students' pages would otherwise list these rows without real identifiers), whose
     * cohort totals are 10 graduates of whom 4 were placed at leaving.
     * <pre>
     * P1 E registered 1 Mar; contacted 5 Mar; 131 met 20 May (guidance 1 Apr, referrals 10 Apr, 20 Apr,
     *      20 May, training 20 May); destination 11 (contract) 10 Jun           | phase 2: moved to H 5 Oct
     * P2 E registered 1 Mar; disabled; helper 2 Mar; contacted 3 Mar; public-welfare post 1 Aug
     *      (the offer's placement entry and destination 11 with the public-welfare flag)
     * P3 E registered 1 Apr by hand-over, the system's "unconfirmed" willingness the same day (no contact);
     *      contacted 15 Jul; destination 80 (further study) 1 Sep              | phase 2: reopened 1 Oct
     * P4 H registered 1 Mar; poverty-alleviated; destination 12 on 30 Jun 23:59 in Jiangmen; helper 1 Jul
     * P5 E registered 1 Jul 00:30 in Jiangmen (30 Jun 16:30 UTC); subsistence allowance
     *                             | phase 2: helper and contact 10 Oct, a public-welfare offer not taken 1 Nov
     *                             (an offer is no post: not counted), destination 80 (further study) 15 Dec
     * P6 E registered 1 Mar; contacted 2 Mar; moved to H 1 Aug               | phase 2: 131 met 1 Nov, destination 11 1 Dec
     * P7 (phase 2) H registered 3 Oct; disabled; public-welfare post 1 Dec, registered by hand as 51 (地方基层项目)
     *      with the flag, without an offer's entry
     *
     * Figures: registered, contacted, 131 met, placed (rate), in difficulty, of them with a helper, placed,
     * employed (not further study), public-welfare posts.
     * 30 Jun  E: P1 P2 P3 P6 -> registered 4, contacted 3 (P1 P2 P6), 131 1 (P1), placed 1 (P1) 0.25,
     *            in difficulty 1 (P2), helper 1, placed 0, employed 0, public welfare 0
     *         H: P4 -> 1, 0, 0, placed 1 (23:59) 1.0, in difficulty 1, helper 0, placed 1, employed 1 (12), 0
     *         city: 5, 3, 1, 2 (0.4), 2, 1 (0.5), 1 (0.5), 1, 0; cohort (4 + 2) / 10 = 0.6: NOT_YET_MET by 31 July
     * 30 Sep  E: P1 P2 P3 P5 -> 4, 3, 1, 3 (0.75), 2 (P2 P5), 1, 1 (P2), 1, 1 (P2)
     *         H: P4 P6 -> 2, 1 (P6), 0, 1 (0.5), 1, 1, 1, 1, 0
     *         city: 6, 4, 1, 4 (0.6667), 3, 2, 2, 2, 1; cohort (4 + 4) / 10 = 0.8: MET
     * 30 Dec  E: P2 P3 P5 -> 3, 3, 0, 2 (P2 P5, 0.6667), 2, 2, 2, 1 (P5 is in further study), 1
     *         H: P1 P4 P6 P7 -> 4, 2 (P1 P6), 2 (P1 P6), 4 (1.0), 2 (P4 P7), 1 (P4), 2, 2, 1 (P7)
     *         city: 7, 5, 2, 6 (0.8571), 4, 3 (0.75), 4 (1.0), 3, 2
     * </pre>
     * Phase 1 writes what happened by 30 September, phase 2 what happened after it.
     */
    class ProgressFixture {
        final ReportFixtures f = new ReportFixtures(jdbc);
        long p1, p2, p3, p4, p5, p6, p7;

        void phase1() {
            city().exchange(HttpMethod.PUT, "/api/cohorts/" + f.year + "/GDNF",
                    map("graduates", 10, "placedAtLeaving", 4)).expect(200);
            p1 = leaver("进展一", ENPING, at(3, 1));
            f.entry(p1, "WILLINGNESS", at(3, 5), ENPING, null);
            f.entry(p1, "GUIDANCE", at(4, 1), ENPING, null);
            f.entries(p1, "REFERRAL", ENPING, at(4, 10), at(4, 20), at(5, 20));
            f.entry(p1, "TRAINING", at(5, 20), ENPING, null);
            f.entry(p1, "DESTINATION", at(6, 10), ENPING, "11");
            p2 = leaver("进展二", ENPING, at(3, 1));
            f.difficulties(p2, "DISABILITY");
            f.entry(p2, "HELPER_ASSIGNED", at(3, 2), ENPING, null);
            f.entry(p2, "WILLINGNESS", at(3, 3), ENPING, null);
            f.entry(p2, "PUBLIC_WELFARE_PLACEMENT", at(8, 1), ENPING, null);
            f.publicWelfarePost(p2, at(8, 1), ENPING, "11");
            p3 = leaver("进展三", ENPING, at(4, 1));
            systemUnconfirmed(p3, at(4, 1));
            f.entry(p3, "WILLINGNESS", at(7, 15), ENPING, null);
            f.entry(p3, "DESTINATION", at(9, 1), ENPING, "80");
            p4 = leaver("进展四", HESHAN, at(3, 1));
            f.difficulties(p4, "POVERTY_ALLEVIATED");
            f.entry(p4, "DESTINATION", LocalDateTime.of(CAL, 6, 30, 15, 59), HESHAN, "12");
            f.entry(p4, "HELPER_ASSIGNED", at(7, 1), HESHAN, null);
            p5 = leaver("进展五", ENPING, LocalDateTime.of(CAL, 6, 30, 16, 30));
            f.difficulties(p5, "SUBSISTENCE_ALLOWANCE");
            p6 = leaver("进展六", ENPING, at(3, 1));
            f.entry(p6, "WILLINGNESS", at(3, 2), ENPING, null);
            f.entry(p6, "DISTRICT_CHANGED", at(8, 1), HESHAN, null);
            f.districtNow(p6, HESHAN);
        }

        void phase2() {
            f.entry(p3, "REOPENED", at(10, 1), ENPING, null);
            f.entry(p1, "DISTRICT_CHANGED", at(10, 5), HESHAN, null);
            f.districtNow(p1, HESHAN);
            f.entry(p5, "HELPER_ASSIGNED", at(10, 10), ENPING, null);
            f.entry(p5, "WILLINGNESS", at(10, 10), ENPING, null);
            f.publicWelfareOfferNotTaken(p5, at(11, 1), ENPING);
            f.entry(p5, "DESTINATION", at(12, 15), ENPING, "80");
            f.entry(p6, "GUIDANCE", at(11, 1), HESHAN, null);
            f.entries(p6, "REFERRAL", HESHAN, at(11, 1), at(11, 1), at(11, 1));
            f.entry(p6, "TRAINING", at(11, 1), HESHAN, null);
            f.entry(p6, "DESTINATION", at(12, 1), HESHAN, "11");
            p7 = leaver("进展七", HESHAN, at(10, 3));
            f.difficulties(p7, "DISABILITY");
            f.publicWelfarePost(p7, at(12, 1), HESHAN, "51");
        }

        long leaver(String name, String district, LocalDateTime registeredAt) {
            long id = f.graduate(name, district, true, "IN_SERVICE", registeredAt);
            f.universityNow(id, "GDNF");
            return id;
        }

        /** What graduates.WillingnessUnconfirmedMigration writes for a hand-over never reached: no contact. */
        void systemUnconfirmed(long graduateId, LocalDateTime at) {
            jdbc.update("""
                    INSERT INTO ledger_entry (graduate_id, type, at, actor, district_code, details)
                    VALUES (?, 'WILLINGNESS', ?, 'system', ?, '{"willingness":"UNCONFIRMED"}')""", graduateId, at,
                    ENPING);
        }

        String cohort() {
            return "&graduationYear=" + f.year;
        }
    }

    JsonNode progress(String query) {
        return city().get("/api/reports/progress?" + query).expect(200).json();
    }

    /**
     * registered, contacted, met131, placed, inDifficulty, inDifficultyWithHelper, inDifficultyPlaced,
     * inDifficultyEmployed, publicWelfare
     */
    static List<Long> figures(JsonNode row) {
        List<Long> n = new ArrayList<>();
        for (String field : List.of("registered", "contacted", "met131", "placed", "inDifficulty",
                "inDifficultyWithHelper", "inDifficultyPlaced", "inDifficultyEmployed", "publicWelfare")) {
            assertThat(row.has(field)).as(field + " in " + row).isTrue();
            n.add(row.path(field).asLong());
        }
        return n;
    }

    static JsonNode district(JsonNode checkpoint, String code) {
        for (JsonNode d : checkpoint.path("districts")) {
            if (d.path("district").asText().equals(code)) {
                return d;
            }
        }
        throw new AssertionError("no district " + code + " in " + checkpoint);
    }

    private static void assertSeptember(JsonNode c) {
        assertThat(c.path("date").asText()).isEqualTo("2025-09-30");
        assertThat(figures(district(c, ENPING))).containsExactly(4L, 3L, 1L, 3L, 2L, 1L, 1L, 1L, 1L);
        assertThat(district(c, ENPING).path("placedRate").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(figures(district(c, HESHAN))).containsExactly(2L, 1L, 0L, 1L, 1L, 1L, 1L, 1L, 0L);
        JsonNode t = c.path("total");
        assertThat(figures(t)).containsExactly(6L, 4L, 1L, 4L, 3L, 2L, 2L, 2L, 1L);
        assertThat(t.path("placedRate").decimalValue()).isEqualByComparingTo("0.6667");
        assertThat(t.path("helperRate").decimalValue()).isEqualByComparingTo("0.6667");
        assertThat(t.path("placedInDifficultyRate").decimalValue()).isEqualByComparingTo("0.6667");
        assertThat(c.path("cohort").path("graduates").asLong()).isEqualTo(10);
        assertThat(c.path("cohort").path("placed").asLong()).isEqualTo(8);
        assertThat(c.path("targetStatus").path("status").asText()).isEqualTo("MET");
    }

    /**
     * As of a past date the 131 met counts the leavers willing then, as the compliance report counts the
     * willing only, and the graduates in difficulty are those registered in difficulty by then. In 2025:
     * <pre>
     * E A willing, disabled, 131 met 20 May                         30 Jun: registered, 131, in difficulty
     * E B registered not willing, 131 met 20 May                    30 Jun: registered
     * E C willing, 131 met 20 May        | later: not seeking 1 Aug 30 Jun: registered, 131
     * E D                                | later: registered 1 Aug, disabled
     * E F willing, no 131                | later: found in difficulty (低保) 1 Oct
     * 30 Jun, E: registered 4, 131 met 2 (every leaver counted: 3), in difficulty 1, before and after
     * the later changes. 30 Sep: registered 5, 131 met 1 (A), in difficulty 2 (A, D; F not yet).
     * 30 Dec: in difficulty 3 (A, D, F).
     * </pre>
     */
    @Test
    void asOfAPastDateCountsThe131OfTheWillingThenAndTheDifficultyThen() {
        ReportFixtures f = new ReportFixtures(jdbc);
        long a = f.graduate("愿意甲", ENPING, true, "IN_SERVICE", at(3, 1));
        f.difficulties(a, "DISABILITY");
        f.caseFile(a, ENPING, "OPEN", true, at(3, 1), at(5, 20));
        long b = f.graduate("不愿乙", ENPING, false, "IN_SERVICE", at(3, 1));
        f.caseFile(b, ENPING, "OPEN", false, at(3, 1), at(5, 20));
        long c = f.graduate("后不愿丙", ENPING, true, "IN_SERVICE", at(3, 1));
        f.caseFile(c, ENPING, "OPEN", false, at(3, 1), at(5, 20));
        long later = f.graduate("后困难戊", ENPING, true, "IN_SERVICE", at(3, 1));
        String june = "asOf=2025-06-30&graduationYear=" + f.year + "&district=" + ENPING;
        JsonNode before = district(progress(june).path("checkpoints").get(0), ENPING);
        assertThat(List.of(before.path("registered").asLong(), before.path("met131").asLong(),
                before.path("inDifficulty").asLong())).containsExactly(4L, 2L, 1L);

        f.willingness(c, at(8, 1), ENPING, false);
        long d = f.graduate("后登记丁", ENPING, true, "IN_SERVICE", at(8, 1));
        f.difficulties(d, "DISABILITY");
        f.foundInDifficulty(later, at(10, 1), "SUBSISTENCE_ALLOWANCE");

        JsonNode after = district(progress(june).path("checkpoints").get(0), ENPING);
        assertThat(List.of(after.path("registered").asLong(), after.path("met131").asLong(),
                after.path("inDifficulty").asLong())).containsExactly(4L, 2L, 1L);
        JsonNode september = district(progress("asOf=2025-09-30&graduationYear=" + f.year + "&district=" + ENPING)
                .path("checkpoints").get(0), ENPING);
        assertThat(List.of(september.path("registered").asLong(), september.path("met131").asLong(),
                september.path("inDifficulty").asLong())).containsExactly(5L, 1L, 2L);
        JsonNode december = district(progress("asOf=2025-12-30&graduationYear=" + f.year + "&district=" + ENPING)
                .path("checkpoints").get(0), ENPING);
        assertThat(december.path("inDifficulty").asLong()).isEqualTo(3L);
    }

    /**
     * A correction of the willingness (GRADUATE_CORRECTED with {@code willingToWork}) counts from its day
     * as a contact's does, and a later correction of another field (its text even quoting the key) is
     * passed over. In 2025: W of 恩平 willing, 131 met 20 May, corrected to not willing 1 Aug; N of 鹤山
     * registered not willing, 131 met 20 May, corrected to willing 1 Aug, its address 1 Sep. 131 met on
     * 30 Jun: 恩平 1, 鹤山 0; on 30 Sep: 恩平 0, 鹤山 1.
     */
    @Test
    void aCorrectedWillingnessCountsFromItsDay() {
        ReportFixtures f = new ReportFixtures(jdbc);
        long w = f.graduate("更正愿意", ENPING, true, "CLOSED", at(3, 1));
        f.caseFile(w, ENPING, "CLOSED", false, at(3, 1), at(5, 20));
        long n = f.graduate("更正不愿", HESHAN, false, "CLOSED", at(3, 1));
        f.caseFile(n, HESHAN, "CLOSED", false, at(3, 1), at(5, 20));
        f.corrected(w, at(8, 1), ENPING, false);
        f.corrected(n, at(8, 1), HESHAN, true);
        f.corrected(n, at(9, 1), HESHAN, null);

        JsonNode june = progress("asOf=2025-06-30&graduationYear=" + f.year).path("checkpoints").get(0);
        JsonNode september = progress("asOf=2025-09-30&graduationYear=" + f.year).path("checkpoints").get(0);
        assertThat(List.of(district(june, ENPING).path("met131").asLong(), district(june, HESHAN).path("met131").asLong(),
                district(september, ENPING).path("met131").asLong(), district(september, HESHAN).path("met131").asLong()))
                .containsExactly(1L, 0L, 0L, 1L);
    }

    @Test
    void asOfAPastDateStaysTheSameAfterLaterChanges() {
        ProgressFixture p = new ProgressFixture();
        p.phase1();
        String september = "asOf=2025-09-30" + p.cohort();

        JsonNode before = progress(september);
        assertThat(before.path("asOf").asText()).isEqualTo("2025-09-30");
        assertThat(before.has("year")).isFalse();
        assertThat(before.path("graduationYear").asInt()).isEqualTo(p.f.year);
        assertThat(before.path("checkpoints")).hasSize(1);
        JsonNode c = before.path("checkpoints").get(0);
        assertThat(c.path("reached").asBoolean()).isTrue();
        assertSeptember(c);

        p.phase2();
        JsonNode after = progress(september);
        assertSeptember(after.path("checkpoints").get(0));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void theYearsThreeCheckpointsEachAsOfTheEndOfItsDay() {
        ProgressFixture p = new ProgressFixture();
        p.phase1();
        p.phase2();
        JsonNode r = progress("year=" + CAL + p.cohort());
        assertThat(r.path("year").asInt()).isEqualTo(CAL);
        assertThat(r.has("asOf")).isFalse();
        JsonNode cs = r.path("checkpoints");
        assertThat(cs).hasSize(3);
        cs.forEach(c -> assertThat(c.path("reached").asBoolean()).isTrue());

        JsonNode june = cs.get(0);
        assertThat(june.path("date").asText()).isEqualTo("2025-06-30");
        assertThat(figures(district(june, ENPING))).containsExactly(4L, 3L, 1L, 1L, 1L, 1L, 0L, 0L, 0L);
        assertThat(figures(district(june, HESHAN))).containsExactly(1L, 0L, 0L, 1L, 1L, 0L, 1L, 1L, 0L);
        assertThat(figures(june.path("total"))).containsExactly(5L, 3L, 1L, 2L, 2L, 1L, 1L, 1L, 0L);
        assertThat(june.path("total").path("placedRate").decimalValue()).isEqualByComparingTo("0.4");
        assertThat(june.path("cohort").path("placed").asLong()).isEqualTo(6);
        assertThat(june.path("targetStatus").path("status").asText()).isEqualTo("NOT_YET_MET");

        // 30 September as the asOf report gives it, though asked after phase 2
        assertSeptember(cs.get(1));

        JsonNode december = cs.get(2);
        assertThat(december.path("date").asText()).isEqualTo("2025-12-30");
        assertThat(figures(district(december, ENPING))).containsExactly(3L, 3L, 0L, 2L, 2L, 2L, 2L, 1L, 1L);
        assertThat(figures(district(december, HESHAN))).containsExactly(4L, 2L, 2L, 4L, 2L, 1L, 2L, 2L, 1L);
        assertThat(figures(december.path("total"))).containsExactly(7L, 5L, 2L, 6L, 4L, 3L, 4L, 3L, 2L);
        assertThat(december.path("total").path("placedRate").decimalValue()).isEqualByComparingTo("0.8571");
    }

    @Test
    void cohortRateAndTargetStatusAreThePlacementReports() {
        ProgressFixture p = new ProgressFixture();
        p.phase1();
        for (String day : List.of("2025-06-30", "2025-09-30")) {
            JsonNode c = progress("asOf=" + day + p.cohort()).path("checkpoints").get(0);
            JsonNode placement = city().get("/api/reports/placement?asOf=" + day + p.cohort()).expect(200).json();
            assertThat(c.path("cohort")).isEqualTo(placement.path("cohort"));
            assertThat(c.path("targetStatus")).isEqualTo(placement.path("targetStatus"));
            assertThat(c.path("total").path("registered").asLong()).isEqualTo(placement.path("registered").path("graduates").asLong());
            assertThat(c.path("total").path("placed").asLong()).isEqualTo(placement.path("registered").path("placed").asLong());
        }
    }

    @Test
    void checkpointsStillToComeAreListedWithoutFigures() {
        ProgressFixture p = new ProgressFixture();
        p.phase1();
        // the cohort's own year is far ahead: none of its checkpoints has come
        JsonNode r = progress("year=" + p.f.year);
        assertThat(r.path("graduationYear").asInt()).isEqualTo(p.f.year);
        assertThat(r.path("checkpoints")).hasSize(3);
        List<String> dates = new ArrayList<>();
        for (JsonNode c : r.path("checkpoints")) {
            dates.add(c.path("date").asText());
            assertThat(c.path("reached").asBoolean()).isFalse();
            assertThat(c.has("total")).isFalse();
            assertThat(c.path("districts")).isEmpty();
        }
        assertThat(dates).containsExactly(p.f.year + "-06-30", p.f.year + "-09-30", p.f.year + "-12-30");

        // as of today: the figures so far, the day not yet ended
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode now = progress("asOf=" + today + p.cohort()).path("checkpoints").get(0);
        assertThat(now.path("reached").asBoolean()).isFalse();
        assertThat(figures(now.path("total"))).containsExactly(6L, 4L, 1L, 4L, 3L, 2L, 2L, 2L, 1L);
    }

    @Test
    void aDistrictSupervisorSeesTheirDistrictAndAnotherIsNotFound() {
        ProgressFixture p = new ProgressFixture();
        p.phase1();
        JsonNode own = Api.as(rest, "sup.pengjiang").get("/api/reports/progress?asOf=2025-09-30" + p.cohort())
                .expect(200).json();
        assertThat(own.path("district").asText()).isEqualTo("440703");
        JsonNode c = own.path("checkpoints").get(0);
        assertThat(c.path("districts")).hasSize(1);
        assertThat(figures(c.path("total"))).containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(c.has("cohort")).isFalse();
        assertThat(c.path("targetStatus").path("status").asText()).isEqualTo("NOT_JUDGED");
        Api.as(rest, "sup.pengjiang").get("/api/reports/progress?asOf=2025-09-30&district=" + ENPING).expect(404);
        Api.as(rest, "cw.pengjiang").get("/api/reports/progress?asOf=2025-09-30").expect(403);

        JsonNode heshan = progress("asOf=2025-09-30&district=" + HESHAN + p.cohort());
        assertThat(heshan.path("district").asText()).isEqualTo(HESHAN);
        assertThat(figures(heshan.path("checkpoints").get(0).path("total")))
                .containsExactly(2L, 1L, 0L, 1L, 1L, 1L, 1L, 1L, 0L);
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        assertFields(city().get("/api/reports/progress").expect(400).json(), "year", "asOf");
        assertFields(city().get("/api/reports/progress?year=2025&asOf=2025-06-30").expect(400).json(), "year", "asOf");
        assertFields(city().get("/api/reports/progress?year=abc").expect(400).json(), "year");
        assertFields(city().get("/api/reports/progress?year=99999").expect(400).json(), "year");
        assertFields(city().get("/api/reports/progress?asOf=2025-13-01").expect(400).json(), "asOf");
        assertFields(city().get("/api/reports/progress?asOf=2999-01-01").expect(400).json(), "asOf");
        assertFields(city().get("/api/reports/progress?asOf=2025-06-30&graduationYear=x").expect(400).json(),
                "graduationYear");
        assertThat(download("/api/reports/progress?year=2025&asOf=2025-06-30", "sup.city", "text/csv")
                .getStatusCode().value()).isEqualTo(400);
    }

    private static void assertFields(JsonNode problem, String... fields) {
        List<String> named = new ArrayList<>();
        problem.path("errors").forEach(e -> named.add(e.path("field").asText()));
        assertThat(named).as(problem.toString()).containsExactlyInAnyOrder(fields);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
    }

    static final List<String> HEADER = List.of("截止日期", "是否已截止", "区县代码", "区县", "登记离校未就业毕业生人数", "已联系人数",
            "131服务达标人数", "已落实去向人数", "登记人员去向落实率", "困难毕业生人数", "已明确帮扶责任人的困难毕业生人数", "已落实去向的困难毕业生人数",
            "已就业的困难毕业生人数（不含升学）", "公益性岗位安置人数", "毕业去向落实率（全体毕业生）", "目标", "应达进度", "目标完成情况");

    static List<String> zero(String code, String name) {
        return List.of("2025-09-30", "是", code, name, "0", "0", "0", "0", "0.0000", "0", "0", "0", "0", "0", "", "", "", "");
    }

    @Test
    void asOfReportAsCsvAndXlsxCellByCellAndAudited() throws Exception {
        ProgressFixture p = new ProgressFixture();
        p.phase1();
        p.phase2();
        String path = "/api/reports/progress?asOf=2025-09-30" + p.cohort();
        List<List<String>> expected = List.of(HEADER,
                zero("440703", "蓬江区"), zero("440704", "江海区"), zero("440705", "新会区"), zero("440781", "台山市"),
                zero("440783", "开平市"),
                List.of("2025-09-30", "是", "440784", "鹤山市", "2", "1", "0", "1", "0.5000", "1", "1", "1", "1", "0", "", "",
                        "", ""),
                List.of("2025-09-30", "是", "440785", "恩平市", "4", "3", "1", "3", "0.7500", "2", "1", "1", "1", "1", "", "",
                        "", ""),
                List.of("2025-09-30", "是", "", "合计", "6", "4", "1", "4", "0.6667", "3", "2", "2", "2", "1", "0.8000",
                        "0.70", "0.70", "已达到"));
        AuditMark mark = AuditMark.now(rest, jdbc);

        ResponseEntity<byte[]> csv = download(path, "sup.city", "text/csv");
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(ReportsContract.readCsv(csv.getBody())).isEqualTo(expected);

        ResponseEntity<byte[]> xlsx = download(path, "sup.city", ReportsContract.XLSX);
        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        assertThat(xlsx.getHeaders().getContentType().toString()).isEqualTo(ReportsContract.XLSX);
        List<List<String>> cells = ReportsContract.readXlsx(xlsx.getBody(), "进展报告");
        assertThat(cells).hasSize(expected.size());
        for (int r = 0; r < expected.size(); r++) {
            for (int c = 0; c < expected.get(r).size(); c++) {
                String want = expected.get(r).get(c);
                String got = cells.get(r).get(c);
                if (r > 0 && c >= 4 && !want.isEmpty() && Character.isDigit(want.charAt(0))) {
                    assertThat(Double.parseDouble(got)).as("row %d column %d", r, c)
                            .isEqualTo(Double.parseDouble(want));
                } else {
                    assertThat(got).as("row %d column %d", r, c).isEqualTo(want);
                }
            }
        }

        List<JsonNode> audited = mark.entries("action=EXPORT&actor=sup.city").stream()
                .filter(e -> e.path("target").asText().equals("progress")).toList();
        assertThat(audited).hasSize(2);
        audited.forEach(e -> {
            assertThat(e.path("scope").asText()).isEqualTo("city asOf=2025-09-30 graduationYear=" + p.f.year);
            assertThat(e.path("rows").asInt()).isEqualTo(8);
        });
    }

    @Test
    void yearReportExportsAStillToComeCheckpointAsOneRowSayingSo() throws Exception {
        ProgressFixture p = new ProgressFixture();
        ResponseEntity<byte[]> csv = download("/api/reports/progress?year=" + p.f.year + "&district=" + HESHAN,
                "sup.city", "text/csv");
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        List<List<String>> rows = ReportsContract.readCsv(csv.getBody());
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).containsExactly(p.f.year + "-06-30", "否", "", "未到截止日期");
    }

    ResponseEntity<byte[]> download(String path, String user, String accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setAccept(List.of(MediaType.parseMediaType(accept)));
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }
}
