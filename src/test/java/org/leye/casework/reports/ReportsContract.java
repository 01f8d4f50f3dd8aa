package org.leye.casework.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.reports.ReportFixtures.ENPING;
import static org.leye.casework.reports.ReportFixtures.HESHAN;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.leye.casework.cases.DistrictMoves;
import org.leye.casework.cases.MoveGraduate;
import org.leye.casework.ledger.PlacementPeriods;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;
import org.leye.casework.support.Api;
import org.leye.casework.support.TestGraduates;
import org.leye.casework.shared.crypto.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every figure of the reports on fixtures whose answers were worked out by hand (in the comments);
 * run on H2 and on MySQL. Fixtures are in 恩平市 (E, 440785) and 鹤山市 (H, 440784), each test in a
 * cohort (graduation year) of its own, so that they are alone in what they count.
 */
abstract class ReportsContract {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DistrictMoves moves;

    @Autowired
    ReportQueries queries;

    @Autowired
    PlacementPeriods periods;

    Api city() {
        return Api.as(rest, "sup.city");
    }

    /**
     * The placement fixture. Times are 10:00 in Jiangmen unless said otherwise.
     * <pre>
     * G1 E  registered 1 Mar; destination 11 (contract) 10 Jun
     * G2 E  registered 1 Mar; destination 75 (self-employment) 20 Jul; changed to 70 (seeking work) 15 Aug
     * G3 E  registered 1 Mar; destination 10 (contract) 1 Jun; case reopened 1 Sep
     * G4 E  registered 1 Mar; moved to H 1 Sep; destination 80 (further study) 1 Oct
     * G5 E  registered 1 Apr; no destination
     * G6 H  registered 1 Mar; destination 76 (freelance) 31 Jul 23:59 in Jiangmen (15:59 UTC)
     * G7 H  registered 10 Aug; destination 12 (other employment) 1 Sep
     * G8 E  registered 1 Aug 01:00 in Jiangmen (31 Jul 17:00 UTC): after 31 July in Jiangmen
     * </pre>
     * Phase 1 writes what happened by 31 July, phase 2 the rest.
     */
    class PlacementFixture {
        final ReportFixtures f = new ReportFixtures(jdbc, cipher);
        long g1, g2, g3, g4, g5, g6, g7, g8;

        void phase1() {
            g1 = f.graduate("落实甲", ENPING, true, "PLACED", f.at(3, 1));
            f.entry(g1, "DESTINATION", f.at(6, 10), ENPING, "11");
            g2 = f.graduate("改去向乙", ENPING, true, "PLACED", f.at(3, 1));
            f.entry(g2, "DESTINATION", f.at(7, 20), ENPING, "75");
            g3 = f.graduate("重开丙", ENPING, true, "PLACED", f.at(3, 1));
            f.entry(g3, "DESTINATION", f.at(6, 1), ENPING, "10");
            f.entry(g3, "CLOSED", f.at(6, 1), ENPING, null);
            g4 = f.graduate("迁出丁", ENPING, true, "IN_SERVICE", f.at(3, 1));
            g5 = f.graduate("未落实戊", ENPING, true, "IN_SERVICE", f.at(4, 1));
            g6 = f.graduate("鹤山己", HESHAN, true, "PLACED", f.at(3, 1));
            f.entry(g6, "DESTINATION", LocalDateTime.of(f.year, 7, 31, 15, 59), HESHAN, "76");
        }

        void phase2() {
            f.entry(g2, "DESTINATION", f.at(8, 15), ENPING, "70");
            f.statusNow(g2, "IN_SERVICE");
            f.entry(g3, "REOPENED", f.at(9, 1), ENPING, null);
            f.statusNow(g3, "IN_SERVICE");
            f.entry(g4, "DISTRICT_CHANGED", f.at(9, 1), HESHAN, null);
            f.districtNow(g4, HESHAN);
            f.entry(g4, "DESTINATION", f.at(10, 1), HESHAN, "80");
            f.statusNow(g4, "PLACED");
            g7 = f.graduate("鹤山庚", HESHAN, true, "PLACED", f.at(8, 10));
            f.entry(g7, "DESTINATION", f.at(9, 1), HESHAN, "12");
            g8 = f.graduate("八月辛", ENPING, true, "IN_SERVICE", LocalDateTime.of(f.year, 7, 31, 17, 0));
        }
    }

    JsonNode placement(String query) {
        return city().get("/api/reports/placement?" + query).expect(200).json();
    }

    static JsonNode district(JsonNode report, String code) {
        for (JsonNode d : report.path("byDistrict")) {
            if (d.path("district").asText().equals(code)) {
                return d;
            }
        }
        throw new AssertionError("no district " + code + " in " + report);
    }

    @Test
    void placementAsOf31JulyStaysTheSameAfterLaterChangesAndYearEndCountsThem() {
        PlacementFixture p = new PlacementFixture();
        p.phase1();
        String july = "asOf=" + p.f.date(7, 31) + "&graduationYear=" + p.f.year;

        // as of 31 July: E has G1 (11), G2 (75), G3 (10), G4, G5 -> 5 graduates, 3 placed, 0.6;
        // H has G6 (76 at 23:59 on 31 July) -> 1 of 1; the city 4 of 6 = 0.6667 against 0.70
        JsonNode before = placement(july);
        assertJuly(before);

        p.phase2();
        JsonNode after = placement(july);
        assertJuly(after);
        assertThat(after).isEqualTo(before);

        // as of 31 December: E has G1 (11), G2 (now 70), G3 (reopened), G5, G8 -> 5 graduates, 1 placed;
        // H has G4 (moved in, 80), G6 (76), G7 (12) -> 3 of 3; the city 4 of 8 = 0.5 against 0.90
        JsonNode dec = placement("asOf=" + p.f.date(12, 31) + "&graduationYear=" + p.f.year);
        assertThat(dec.path("graduates").asLong()).isEqualTo(8);
        assertThat(dec.path("placed").asLong()).isEqualTo(4);
        assertThat(dec.path("rate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(dec.path("target").decimalValue()).isEqualByComparingTo("0.90");
        assertThat(dec.path("byGroup").path("CONTRACT").asLong()).isEqualTo(1);
        assertThat(dec.path("byGroup").path("FLEXIBLE").asLong()).isEqualTo(2);
        assertThat(dec.path("byGroup").path("SELF_EMPLOYMENT").asLong()).isEqualTo(0);
        assertThat(dec.path("byGroup").path("FURTHER_STUDY").asLong()).isEqualTo(1);
        assertThat(dec.path("byGroup").path("NOT_PLACED").asLong()).isEqualTo(4);
        JsonNode e = district(dec, ENPING);
        assertThat(e.path("graduates").asLong()).isEqualTo(5);
        assertThat(e.path("placed").asLong()).isEqualTo(1);
        assertThat(e.path("rate").decimalValue()).isEqualByComparingTo("0.2");
        JsonNode h = district(dec, HESHAN);
        assertThat(h.path("graduates").asLong()).isEqualTo(3);
        assertThat(h.path("placed").asLong()).isEqualTo(3);
        assertThat(h.path("byGroup").path("FURTHER_STUDY").asLong()).isEqualTo(1);
        assertThat(h.path("byGroup").path("FLEXIBLE").asLong()).isEqualTo(2);

        // one district: the same figures as its row, the city's other districts left out
        JsonNode onlyE = placement("asOf=" + p.f.date(12, 31) + "&graduationYear=" + p.f.year + "&district=" + ENPING);
        assertThat(onlyE.path("district").asText()).isEqualTo(ENPING);
        assertThat(onlyE.path("graduates").asLong()).isEqualTo(5);
        assertThat(onlyE.path("placed").asLong()).isEqualTo(1);
        assertThat(onlyE.path("byDistrict")).hasSize(1);
    }

    /**
     * The placement spans that the report reads (ledger.PlacementPeriods) give, at every cut-off,
     * what the ledger itself gives ({@link ReportQueries#asOfFromLedger}): the placement fixture and
     * two more graduates, one whose entries were written out of time order (a later id with an
     * earlier time, two at the same instant) and one whose 131 was met before a reopening and a
     * move. Cut-offs: every day of the year, and each entry's instant, a microsecond before and after.
     * At each, the counts by university that the spans carry (db/V45) are those of the spans'
     * graduates ({@link #byUniversityThroughTheGraduate}): G1 and G9 of 五邑大学, G4 (who moves) and G10
     * of 江门职业技术学院, the others of no university of the city's list.
     */
    @Test
    void placementSpansAgreeWithTheLedgerAtEveryCutOff() {
        PlacementFixture p = new PlacementFixture();
        p.phase1();
        p.phase2();
        ReportFixtures f = p.f;
        f.universityNow(p.g1, "WYU");
        f.universityNow(p.g4, "JMPT");
        long g9 = f.graduate("乱序壬", ENPING, true, "PLACED", f.at(3, 1));
        f.universityNow(g9, "WYU");
        f.entry(g9, "DESTINATION", f.at(9, 1), ENPING, "11");
        f.entry(g9, "DESTINATION", f.at(6, 1), ENPING, "70");
        f.entry(g9, "REOPENED", f.at(6, 1), ENPING, null);
        f.entry(g9, "DISTRICT_CHANGED", f.at(5, 1), HESHAN, null);
        long g10 = f.graduate("达标癸", HESHAN, true, "PLACED", f.at(2, 1));
        f.universityNow(g10, "JMPT");
        f.caseFile(g10, HESHAN, "CLOSED", false, f.at(2, 1), f.at(4, 15));
        f.entry(g10, "DESTINATION", f.at(5, 1), HESHAN, "46");
        f.entry(g10, "REOPENED", f.at(6, 1), HESHAN, null);
        f.entry(g10, "DISTRICT_CHANGED", f.at(6, 20), ENPING, null);
        f.entry(g10, "DESTINATION", f.at(8, 1), ENPING, "85");
        f.caseFile(p.g1, ENPING, "CLOSED", false, f.at(3, 1), f.at(5, 20));

        List<Instant> cutOffs = new ArrayList<>();
        for (LocalDate d = f.date(1, 1); !d.isAfter(f.date(12, 31)); d = d.plusDays(1)) {
            cutOffs.add(Period.endOf(d, ZoneId.of("Asia/Shanghai")));
        }
        List<LocalDateTime> instants = jdbc.queryForList("""
                SELECT l.at FROM ledger_entry l JOIN graduate g ON g.id = l.graduate_id WHERE g.graduation_year = ?
                UNION SELECT c.met131_at FROM case_file c JOIN graduate g ON g.id = c.graduate_id
                 WHERE g.graduation_year = ? AND c.met131_at IS NOT NULL""", LocalDateTime.class, f.year, f.year);
        for (LocalDateTime at : instants) {
            Instant i = at.toInstant(ZoneOffset.UTC);
            cutOffs.addAll(List.of(i.minusNanos(1000), i, i.plusNanos(1000)));
        }
        assertThat(instants).hasSizeGreaterThan(15);
        for (Instant end : cutOffs) {
            List<ReportQueries.AsOfCount> fromLedger = queries.asOfFromLedger(end, f.year);
            assertThat(queries.asOf(end, f.year)).as("as of %s", end).containsExactlyInAnyOrderElementsOf(fromLedger);
            assertThat(ReportQueries.byDistrict(queries.asOfCells(end, f.year))).as("the city report's read as of %s", end)
                    .containsExactlyInAnyOrderElementsOf(fromLedger);
            assertThat(queries.asOfByUniversity(end, f.year)).as("by university as of %s", end)
                    .containsExactlyInAnyOrderElementsOf(byUniversityThroughTheGraduate(end, f.year));
        }
        // as of 31 December: G1 (11) and G9 (reopened) of WYU, G4 (80) and G10 (85) of JMPT
        assertThat(queries.asOfByUniversity(Period.endOf(f.date(12, 31), ZoneId.of("Asia/Shanghai")), f.year))
                .contains(new ReportQueries.UniversityCount("WYU", "11", 1), new ReportQueries.UniversityCount("WYU", "-", 1),
                        new ReportQueries.UniversityCount("JMPT", "80", 1), new ReportQueries.UniversityCount("JMPT", "85", 1));
        // g9 as of 31 December: its latest destination entry by id is the reopening, in H since 1 May
        assertThat(queries.asOf(Period.endOf(f.date(12, 31), ZoneId.of("Asia/Shanghai")), f.year))
                .contains(new ReportQueries.AsOfCount(HESHAN, "-", false, 1));
    }

    /**
     * The cohort's counts by university and destination as of a cut-off as the city report read them before
     * db/V45, the definition that the spans' copy of the university must agree with: the spans that hold at the
     * cut-off, each joined to its graduate for the university.
     */
    private List<ReportQueries.UniversityCount> byUniversityThroughTheGraduate(Instant end, int graduationYear) {
        LocalDateTime e = Period.sql(end);
        return jdbc.query("""
                SELECT g.university_code, p.destination_code, COUNT(*)
                FROM placement_period p JOIN graduate g ON g.id = p.graduate_id
                WHERE p.graduation_year = ? AND p.valid_from < ? AND (p.valid_to IS NULL OR p.valid_to >= ?)
                GROUP BY g.university_code, p.destination_code""",
                (rs, i) -> new ReportQueries.UniversityCount(rs.getString(1), rs.getString(2), rs.getLong(3)),
                graduationYear, e, e);
    }

    /**
     * Every writer of spans copies the graduate's university onto them (db/V45): the registration's one
     * statement, the rebuild after a destination and the rebuild of a range of graduates (a repair, the
     * benchmark's seeding), for a graduate of a university of the city's list and one of another. After each,
     * the cohort's counts by university read from the spans are those read through their graduates.
     */
    @Test
    void everyWriterOfSpansCopiesTheGraduatesUniversity() {
        Api caseworker = Api.as(rest, "cw.pengjiang");
        long listed = caseworker.post("/api/graduates", TestGraduates.graduate("院校甲", "440703")).expect(201).json()
                .path("id").asLong();
        long other = caseworker.post("/api/graduates",
                TestGraduates.with(TestGraduates.graduate("院校乙", "440703"), "university", "外省某大学")).expect(201)
                .json().path("id").asLong();
        int year = jdbc.queryForObject("SELECT graduation_year FROM graduate WHERE id = ?", Integer.class, listed);
        Instant later = Instant.now().plusSeconds(86_400);
        assertThat(spanUniversities(listed)).containsExactly("WYU");
        assertThat(spanUniversities(other)).containsExactly((String) null);
        assertThat(queries.asOfByUniversity(later, year))
                .containsExactlyInAnyOrderElementsOf(byUniversityThroughTheGraduate(later, year));

        city().post("/api/graduates/" + listed + "/destination", Api.map("code", "11", "employer", "某公司")).expect(200);
        city().post("/api/graduates/" + other + "/destination", Api.map("code", "80")).expect(200);
        // one span or two: on MySQL the registration and the destination may fall in the same second
        assertThat(spanUniversities(listed)).containsOnly("WYU");
        assertThat(spanUniversities(other)).containsOnly((String) null);
        assertThat(queries.asOfByUniversity(later, year))
                .containsExactlyInAnyOrderElementsOf(byUniversityThroughTheGraduate(later, year));

        transactions.executeWithoutResult(s -> periods.rebuild(Math.min(listed, other), Math.max(listed, other)));
        assertThat(spanUniversities(listed)).containsOnly("WYU");
        assertThat(spanUniversities(other)).containsOnly((String) null);
        assertThat(queries.asOfByUniversity(later, year))
                .containsExactlyInAnyOrderElementsOf(byUniversityThroughTheGraduate(later, year));
    }

    private List<String> spanUniversities(long graduateId) {
        return jdbc.queryForList("SELECT university_code FROM placement_period WHERE graduate_id = ? ORDER BY valid_from",
                String.class, graduateId);
    }

    private static void assertJuly(JsonNode r) {
        assertThat(r.path("graduates").asLong()).isEqualTo(6);
        assertThat(r.path("placed").asLong()).isEqualTo(4);
        assertThat(r.path("rate").decimalValue()).isEqualByComparingTo("0.6667");
        assertThat(r.path("target").decimalValue()).isEqualByComparingTo("0.70");
        assertThat(r.path("targetMet").asBoolean()).isFalse();
        assertThat(r.path("byGroup").path("CONTRACT").asLong()).isEqualTo(2);
        assertThat(r.path("byGroup").path("FLEXIBLE").asLong()).isEqualTo(1);
        assertThat(r.path("byGroup").path("SELF_EMPLOYMENT").asLong()).isEqualTo(1);
        assertThat(r.path("byGroup").path("FURTHER_STUDY").asLong()).isEqualTo(0);
        assertThat(r.path("byGroup").path("NOT_PLACED").asLong()).isEqualTo(2);
        JsonNode e = district(r, ENPING);
        assertThat(e.path("graduates").asLong()).isEqualTo(5);
        assertThat(e.path("placed").asLong()).isEqualTo(3);
        assertThat(e.path("rate").decimalValue()).isEqualByComparingTo("0.6");
        JsonNode h = district(r, HESHAN);
        assertThat(h.path("graduates").asLong()).isEqualTo(1);
        assertThat(h.path("placed").asLong()).isEqualTo(1);
        assertThat(h.path("targetMet").asBoolean()).isTrue();
        assertThat(r.path("byDistrict")).hasSize(7);
    }

    /**
     * Quarterly 2nd-half check on the placement fixture plus services, for Q3 (1 Jul to 30 Sep).
     * <pre>
     * services: G1 guidance 1 Jun, referrals 10 May, 20 May, 2 Jun, training 5 Jun (all Q2), 131 met 5 Jun
     *           G5 guidance 5 Jul, referrals 10 Jul, 20 Jul, 20 Aug, internship 29 Sep, 131 met 29 Sep
     *           G4 guidance 20 Jun in E (Q2); referral 10 Sep written in H (after the move)
     *           G7 training 15 Sep in H; 131 met 5 Oct (after the quarter)
     * stock as of 30 Sep: E = G1 (11), G2 (70), G3 (reopened), G5, G8 -> 5 graduates, 1 placed, 131 met G1 G5 = 2
     *                     H = G4 (moved 1 Sep, 80 only on 1 Oct), G6 (76), G7 (12) -> 3 graduates, 2 placed, 131 met 0
     * flows in Q3: registered E G8 (1 Aug in Jiangmen), H G7 -> 1 and 1
     *              E guidance 1, referrals 3, training/internship 1; H referrals 1, training/internship 1
     * total: 8 graduates, 2 registered, guidance 1, referrals 4, training 2, 131 met 2, placed 3, rate 0.375, target 0.90
     * </pre>
     */
    PlacementFixture quarterFixture() {
        PlacementFixture p = new PlacementFixture();
        p.phase1();
        ReportFixtures f = p.f;
        f.entry(p.g1, "REFERRAL", f.at(5, 10), ENPING, null);
        f.entry(p.g1, "REFERRAL", f.at(5, 20), ENPING, null);
        f.entry(p.g1, "GUIDANCE", f.at(6, 1), ENPING, null);
        f.entry(p.g1, "REFERRAL", f.at(6, 2), ENPING, null);
        f.entry(p.g1, "TRAINING", f.at(6, 5), ENPING, null);
        f.caseFile(p.g1, ENPING, "CLOSED", false, f.at(3, 1), f.at(6, 5));
        f.entry(p.g4, "GUIDANCE", f.at(6, 20), ENPING, null);
        f.entry(p.g5, "GUIDANCE", f.at(7, 5), ENPING, null);
        f.entry(p.g5, "REFERRAL", f.at(7, 10), ENPING, null);
        f.entry(p.g5, "REFERRAL", f.at(7, 20), ENPING, null);
        p.phase2();
        f.entry(p.g5, "REFERRAL", f.at(8, 20), ENPING, null);
        f.entry(p.g5, "INTERNSHIP", f.at(9, 29), ENPING, null);
        f.caseFile(p.g5, ENPING, "OPEN", false, f.at(4, 1), f.at(9, 29));
        f.entry(p.g4, "REFERRAL", f.at(9, 10), HESHAN, null);
        f.entry(p.g7, "TRAINING", f.at(9, 15), HESHAN, null);
        f.caseFile(p.g7, HESHAN, "CLOSED", false, f.at(8, 10), f.at(10, 5));
        return p;
    }

    @Test
    void quarterlyReportAsJson() {
        PlacementFixture p = quarterFixture();
        JsonNode q = city().get("/api/reports/quarterly?quarter=" + p.f.year + "Q3").expect(200).json();
        assertThat(q.path("from").asText()).isEqualTo(p.f.date(7, 1).toString());
        assertThat(q.path("to").asText()).isEqualTo(p.f.date(9, 30).toString());
        assertThat(q.path("graduationYear").asInt()).isEqualTo(p.f.year);
        assertThat(q.path("target").decimalValue()).isEqualByComparingTo("0.90");
        JsonNode e = row(q, ENPING);
        assertThat(List.of(e.path("graduates").asLong(), e.path("registered").asLong(), e.path("guidance").asLong(),
                e.path("referrals").asLong(), e.path("trainingOrInternship").asLong(), e.path("met131").asLong(),
                e.path("placed").asLong())).containsExactly(5L, 1L, 1L, 3L, 1L, 2L, 1L);
        JsonNode h = row(q, HESHAN);
        assertThat(List.of(h.path("graduates").asLong(), h.path("registered").asLong(), h.path("guidance").asLong(),
                h.path("referrals").asLong(), h.path("trainingOrInternship").asLong(), h.path("met131").asLong(),
                h.path("placed").asLong())).containsExactly(3L, 1L, 0L, 1L, 1L, 0L, 2L);
        JsonNode t = q.path("total");
        assertThat(List.of(t.path("graduates").asLong(), t.path("registered").asLong(), t.path("guidance").asLong(),
                t.path("referrals").asLong(), t.path("trainingOrInternship").asLong(), t.path("met131").asLong(),
                t.path("placed").asLong())).containsExactly(8L, 2L, 1L, 4L, 2L, 2L, 3L);
        assertThat(t.path("rate").decimalValue()).isEqualByComparingTo("0.375");
    }

    /**
     * Public-welfare posts: DESTINATION entries flagged as one, whatever the job's code; an offer not
     * taken is no post. Registered 1 Mar 10:00.
     * <pre>
     * W1 E willing, 低保: offer not taken 5 Jul; offer taken 5 Aug (placement entry, 11 with the flag)
     * W2 H willing, 残疾: 51 with the flag by hand 10 Sep, no offer's entry
     * W3 E willing: 11 without the flag 1 Aug
     * W4 E willing, 零就业: 11 with the flag 1 Oct (Q4)
     * Q3 public-welfare posts: E 1 (W1), H 1 (W2), city 2; Q4: E 1 (W4), H 0, city 1
     * later: W1 reopened 20 Oct and placed 25 Oct as 12 -> Q3 is still E 1, H 1, city 2
     * ledger export of E now: W1 public-welfare dates 5 Aug only, destination 11 签劳动合同形式就业（公益性岗位）
     * </pre>
     */
    @Test
    void publicWelfarePostsOfAQuarterAreTheFlaggedDestinationsNotTheOffers() throws Exception {
        ReportFixtures f = new ReportFixtures(jdbc);
        long w1 = f.graduate("公益甲", ENPING, true, "PLACED", f.at(3, 1));
        f.difficulties(w1, "SUBSISTENCE_ALLOWANCE");
        f.publicWelfareOfferNotTaken(w1, f.at(7, 5), ENPING);
        f.entry(w1, "PUBLIC_WELFARE_PLACEMENT", f.at(8, 5), ENPING, null);
        f.publicWelfarePost(w1, f.at(8, 5), ENPING, "11");
        f.publicWelfarePostNow(w1, "11", f.date(8, 5), "恩平市某社区");
        long w2 = f.graduate("公益乙", HESHAN, true, "PLACED", f.at(3, 1));
        f.difficulties(w2, "DISABILITY");
        f.publicWelfarePost(w2, f.at(9, 10), HESHAN, "51");
        long w3 = f.graduate("合同丙", ENPING, true, "PLACED", f.at(3, 1));
        f.entry(w3, "DESTINATION", f.at(8, 1), ENPING, "11");
        long w4 = f.graduate("公益丁", ENPING, true, "PLACED", f.at(3, 1));
        f.difficulties(w4, "ZERO_EMPLOYMENT");
        f.publicWelfarePost(w4, f.at(10, 1), ENPING, "11");
        String q3 = "/api/reports/quarterly?quarter=" + f.year + "Q3";
        String q4 = "/api/reports/quarterly?quarter=" + f.year + "Q4";

        assertThat(publicWelfare(city().get(q3).expect(200).json())).containsExactly(1L, 1L, 2L);
        assertThat(publicWelfare(city().get(q4).expect(200).json())).containsExactly(1L, 0L, 1L);

        List<List<String>> ledger = readCsv(download("/api/reports/ledger?district=" + ENPING + "&graduationYear="
                + f.year, "sup.city", "text/csv").getBody());
        List<String> first = ledger.stream().filter(r -> r.get(1).equals("公益甲")).findFirst().orElseThrow();
        int dates = LEDGER_HEADER.indexOf("公益性岗位安置日期");
        int destination = LEDGER_HEADER.indexOf("毕业去向");
        assertThat(first.get(dates)).isEqualTo(f.date(8, 5).toString());
        assertThat(first.get(destination - 1)).isEqualTo("11");
        assertThat(first.get(destination)).isEqualTo("签劳动合同形式就业（公益性岗位）");

        f.entry(w1, "REOPENED", f.at(10, 20), ENPING, null);
        f.entry(w1, "DESTINATION", f.at(10, 25), ENPING, "12");
        assertThat(publicWelfare(city().get(q3).expect(200).json())).containsExactly(1L, 1L, 2L);
    }

    /** Public-welfare posts of the quarter: E, H, the city. */
    private static List<Long> publicWelfare(JsonNode quarterly) {
        return List.of(row(quarterly, ENPING).path("publicWelfarePlacements").asLong(),
                row(quarterly, HESHAN).path("publicWelfarePlacements").asLong(),
                quarterly.path("total").path("publicWelfarePlacements").asLong());
    }

    /**
     * The quarterly report's 131 met counts the willing leavers only, as the compliance report, as of the
     * quarter's end. Each graduate registered 1 Mar and met the 131 on 1 Aug:
     * <pre>
     * E A willing                                          Q3 yes  Q4 yes
     * E B registered not willing                           Q3 no   Q4 no
     * E C willing; found not seeking work 1 Nov            Q3 yes  Q4 no
     * H D willingness unconfirmed                          Q3 no   Q4 no
     * Q3: E 2, H 0, total 2 (counting every leaver: 4). Q4: E 1, H 0, total 1.
     * </pre>
     */
    @Test
    void quarterlyMet131CountsTheWillingLeaversOnlyAsOfTheQuartersEnd() {
        ReportFixtures f = new ReportFixtures(jdbc);
        long a = f.graduate("愿意甲", ENPING, true, "IN_SERVICE", f.at(3, 1));
        f.caseFile(a, ENPING, "OPEN", false, f.at(3, 1), f.at(8, 1));
        long b = f.graduate("不愿乙", ENPING, false, "IN_SERVICE", f.at(3, 1));
        f.caseFile(b, ENPING, "OPEN", false, f.at(3, 1), f.at(8, 1));
        long c = f.graduate("后不愿丙", ENPING, true, "IN_SERVICE", f.at(3, 1));
        f.caseFile(c, ENPING, "OPEN", false, f.at(3, 1), f.at(8, 1));
        f.willingness(c, f.at(11, 1), ENPING, false);
        long d = f.graduate("未确认丁", HESHAN, null, "IN_SERVICE", f.at(3, 1));
        f.caseFile(d, HESHAN, "OPEN", false, f.at(3, 1), f.at(8, 1));

        JsonNode q3 = city().get("/api/reports/quarterly?quarter=" + f.year + "Q3").expect(200).json();
        assertThat(List.of(row(q3, ENPING).path("met131").asLong(), row(q3, HESHAN).path("met131").asLong(),
                q3.path("total").path("met131").asLong())).containsExactly(2L, 0L, 2L);
        JsonNode q4 = city().get("/api/reports/quarterly?quarter=" + f.year + "Q4").expect(200).json();
        assertThat(List.of(row(q4, ENPING).path("met131").asLong(), row(q4, HESHAN).path("met131").asLong(),
                q4.path("total").path("met131").asLong())).containsExactly(1L, 0L, 1L);
    }

    static JsonNode row(JsonNode quarterly, String code) {
        for (JsonNode r : quarterly.path("rows")) {
            if (r.path("district").asText().equals(code)) {
                return r;
            }
        }
        throw new AssertionError("no row " + code);
    }

    static final List<String> QUARTERLY_HEADER = List.of("区县代码", "区县", "毕业生人数", "本季度新登记人数", "本季度职业指导人次",
            "本季度岗位推荐人次", "本季度培训见习人次", "本季度公益性岗位安置人次", "131服务达标人数", "已落实去向人数", "毕业去向落实率", "目标");

    @Test
    void quarterlyReportAsCsvAndXlsxCellByCell() throws Exception {
        PlacementFixture p = quarterFixture();
        String path = "/api/reports/quarterly?quarter=" + p.f.year + "Q3";
        List<List<String>> expected = List.of(QUARTERLY_HEADER,
                List.of("440703", "蓬江区", "0", "0", "0", "0", "0", "0", "0", "0", "0.0000", "0.90"),
                List.of("440704", "江海区", "0", "0", "0", "0", "0", "0", "0", "0", "0.0000", "0.90"),
                List.of("440705", "新会区", "0", "0", "0", "0", "0", "0", "0", "0", "0.0000", "0.90"),
                List.of("440781", "台山市", "0", "0", "0", "0", "0", "0", "0", "0", "0.0000", "0.90"),
                List.of("440783", "开平市", "0", "0", "0", "0", "0", "0", "0", "0", "0.0000", "0.90"),
                List.of("440784", "鹤山市", "3", "1", "0", "1", "1", "0", "0", "2", "0.6667", "0.90"),
                List.of("440785", "恩平市", "5", "1", "1", "3", "1", "0", "2", "1", "0.2000", "0.90"),
                List.of("", "合计", "8", "2", "1", "4", "2", "0", "2", "3", "0.3750", "0.90"));

        ResponseEntity<byte[]> csv = download(path, "sup.city", "text/csv");
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(readCsv(csv.getBody())).isEqualTo(expected);

        ResponseEntity<byte[]> xlsx = download(path, "sup.city", XLSX);
        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        assertThat(xlsx.getHeaders().getContentType().toString()).isEqualTo(XLSX);
        List<List<String>> cells = readXlsx(xlsx.getBody(), "季度进展");
        // numbers are numeric cells in the workbook: compare them as numbers
        assertThat(cells).hasSize(expected.size());
        for (int r = 0; r < expected.size(); r++) {
            for (int c = 0; c < expected.get(r).size(); c++) {
                String want = expected.get(r).get(c);
                String got = cells.get(r).get(c);
                if (r > 0 && c >= 2) {
                    assertThat(Double.parseDouble(got)).as("row %d column %d", r, c)
                            .isEqualTo(Double.parseDouble(want));
                } else {
                    assertThat(got).as("row %d column %d", r, c).isEqualTo(want);
                }
            }
        }
    }

    /**
     * The compliance fixture (now, cohort of its own). Registered 1 Mar 10:00 unless said.
     * <pre>
     * E C1 willing, placed (destination entry 30 May = 90 days), 131 met 21 Mar (20 days)
     * E C2 willing, in service, difficulties 脱贫 + 残疾 (two categories, one graduate), helper, 131 met 11 Mar (10 days);
     *      tasks: one overdue and one not, both cw.enping
     * E C3 willing, lost contact, 低保, no helper, 131 not met; one overdue task for the group
     * E C4 not willing, registered, 零就业, helper, no case
     * E C5 willing, placed (destination 10 Apr = 40 days), 其他, helper, 131 met 10 Apr (40 days)
     * E C6 willing, in service, 131 met 31 Mar (30 days)
     * H C7 willing, placed (destination 6 Mar = 5 days); one overdue task, cw.heshan
     * E: graduates 6, willing 5, 131 met 4 (C1 C2 C5 C6), not yet 1, overdue tasks 2, lost contact 1, placed 2,
     *    in difficulty 4 (C2 C3 C4 C5), with helper 3, without 1, rate 0.75; willing in difficulty 3 (C2 C3 C5),
     *    placed 1 (C5), 0.3333; days to 131: 10 20 30 40 -> median (rank 2) 20, p90 (rank 4) 40;
     *    days to placement: 40 90 -> median (rank 1) 40, p90 (rank 2) 90
     * H: graduates 1, willing 1, met 0, not yet 0, placed before 131 1 (C7), overdue 1, placed 1, in difficulty 0;
     *    to placement 5 / 5
     * city: graduates 7, willing 6, met 4, not yet 1 (C3), placed before 131 1 (C7), overdue 3, lost 1, placed 3, difficulty 4, helper 3;
     *       to placement 5 40 90 -> median 40, p90 (rank 3) 90
     * caseload: E cw.enping 2 open 1 overdue 1 case; E group 1 1 1; H cw.heshan 1 1 1
     * </pre>
     */
    ReportFixtures complianceFixture() {
        ReportFixtures f = new ReportFixtures(jdbc, cipher);
        // the reservation row of ReportFixtures is a graduate of E too: not willing, no difficulty
        long c1 = f.graduate("达标一", ENPING, true, "PLACED", f.at(3, 1));
        f.caseFile(c1, ENPING, "CLOSED", false, f.at(3, 1), f.at(3, 21));
        f.entry(c1, "DESTINATION", f.at(5, 30), ENPING, "11");
        f.destinationNow(c1, "11", f.date(5, 30), "示例单位");
        long c2 = f.graduate("困难二", ENPING, true, "IN_SERVICE", f.at(3, 1));
        f.difficulties(c2, "POVERTY_ALLEVIATED", "DISABILITY");
        f.entry(c2, "HELPER_ASSIGNED", f.at(3, 2), ENPING, null);
        long case2 = f.caseFile(c2, ENPING, "OPEN", true, f.at(3, 1), f.at(3, 11));
        f.task(c2, case2, ENPING, "REFERRAL", true, "cw.enping", f.at(4, 1));
        f.task(c2, case2, ENPING, "GUIDANCE", false, "cw.enping", LocalDateTime.now().plusDays(30));
        long c3 = f.graduate("失联三", ENPING, true, "LOST_CONTACT", f.at(3, 1));
        f.difficulties(c3, "SUBSISTENCE_ALLOWANCE");
        long case3 = f.caseFile(c3, ENPING, "LOST_CONTACT", true, f.at(3, 1), null);
        f.task(c3, case3, ENPING, "FIRST_CONTACT", true, null, f.at(3, 6));
        long c4 = f.graduate("不愿四", ENPING, false, "REGISTERED", f.at(3, 1));
        f.difficulties(c4, "ZERO_EMPLOYMENT");
        f.entry(c4, "HELPER_ASSIGNED", f.at(3, 3), ENPING, null);
        long c5 = f.graduate("公益五", ENPING, true, "PLACED", f.at(3, 1));
        f.difficulties(c5, "OTHER");
        f.entry(c5, "HELPER_ASSIGNED", f.at(3, 2), ENPING, null);
        f.caseFile(c5, ENPING, "CLOSED", true, f.at(3, 1), f.at(4, 10));
        f.publicWelfarePost(c5, f.at(4, 10), ENPING, "11");
        f.publicWelfarePostNow(c5, "11", f.date(4, 10), "示例单位");
        long c6 = f.graduate("服务六", ENPING, true, "IN_SERVICE", f.at(3, 1));
        f.caseFile(c6, ENPING, "OPEN", false, f.at(3, 1), f.at(3, 31));
        long c7 = f.graduate("鹤山七", HESHAN, true, "PLACED", f.at(3, 1));
        long case7 = f.caseFile(c7, HESHAN, "CLOSED", false, f.at(3, 1), null);
        f.entry(c7, "DESTINATION", f.at(3, 6), HESHAN, "46");
        f.destinationNow(c7, "46", f.date(3, 6), "示例单位");
        f.task(c7, case7, HESHAN, "FOLLOW_UP", true, "cw.heshan", f.at(3, 20));
        return f;
    }

    @Test
    void complianceFiguresPerDistrictAndForTheCity() {
        ReportFixtures f = complianceFixture();
        JsonNode r = city().get("/api/reports/compliance?graduationYear=" + f.year).expect(200).json();
        assertThat(r.path("targets").path("helper").decimalValue()).isEqualByComparingTo("1");
        assertThat(r.path("targets").path("placedInDifficulty").decimalValue()).isEqualByComparingTo("1");

        JsonNode e = null;
        JsonNode h = null;
        for (JsonNode d : r.path("districts")) {
            if (d.path("district").asText().equals(ENPING)) {
                e = d;
            } else if (d.path("district").asText().equals(HESHAN)) {
                h = d;
            }
        }
        // E counts the fixture's reservation row too: one more graduate, not willing, nothing else
        assertThat(figures(e)).containsExactly(7L, 5L, 4L, 1L, 2L, 1L, 2L, 4L, 3L, 1L, 3L, 1L);
        assertThat(e.path("helperRate").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(e.path("placedInDifficultyRate").decimalValue()).isEqualByComparingTo("0.3333");
        // C5's public-welfare post is contract employment
        assertThat(e.path("willingInDifficultyEmployed").asLong()).isEqualTo(1L);
        assertThat(e.path("willingInDifficultyFurtherStudy").asLong()).isZero();
        assertThat(e.path("employedInDifficultyRate").decimalValue()).isEqualByComparingTo("0.3333");
        assertThat(durations(e.path("daysTo131"))).containsExactly(4L, 20L, 40L);
        assertThat(durations(e.path("daysToPlacement"))).containsExactly(2L, 40L, 90L);

        // C7 was placed before their 131: not "not yet met" (willing - met would say 1), placed before 131
        assertThat(figures(h)).containsExactly(1L, 1L, 0L, 0L, 1L, 0L, 1L, 0L, 0L, 0L, 0L, 0L);
        assertThat(h.path("placedBefore131").asLong()).isEqualTo(1L);
        assertThat(e.path("placedBefore131").asLong()).isZero();
        assertThat(h.path("daysTo131").path("count").asLong()).isZero();
        assertThat(h.path("daysTo131").has("median")).isFalse();
        assertThat(durations(h.path("daysToPlacement"))).containsExactly(1L, 5L, 5L);

        JsonNode t = r.path("total");
        assertThat(figures(t)).containsExactly(8L, 6L, 4L, 1L, 3L, 1L, 3L, 4L, 3L, 1L, 3L, 1L);
        assertThat(t.path("placedBefore131").asLong()).isEqualTo(1L);
        assertThat(durations(t.path("daysToPlacement"))).containsExactly(3L, 40L, 90L);

        List<String> caseload = new ArrayList<>();
        r.path("caseload").forEach(c -> caseload.add(c.path("district").asText() + " "
                + c.path("caseworker").asText("-") + " " + c.path("openTasks").asLong() + " "
                + c.path("overdueTasks").asLong() + " " + c.path("cases").asLong()));
        assertThat(caseload).containsExactly("440784 cw.heshan 1 1 1", "440785 - 1 1 1", "440785 cw.enping 2 1 1");
    }

    /**
     * "Two 100%", the second (issue 19, item 4): willing graduates in difficulty employed (contract,
     * flexible, self-employment), further study reported apart. Hand-computed, registered 1 Mar:
     * <pre>
     * E A willing, 低保, placed 11 (labour contract)          employed
     * E B willing, 脱贫, placed 76 (freelance: flexible)       employed
     * E C willing, 残疾, placed 75 (self-employment)           employed
     * E D willing, 低保, placed 80 (further study)             further study
     * E F willing, 零就业, in service, 70 (seeking work)        neither
     * E G not willing, 低保, placed 11                         not among the willing
     * E K willing, no difficulty, placed 11                   not in difficulty
     * H P willing, 残疾, placed 85 (study abroad)              further study
     * H Q willing, 低保, public-welfare post (contract)        employed
     * H R unconfirmed, 低保, placed 12                         not among the willing
     * E: willing in difficulty 5, placed 4, employed 3, further study 1; employed rate 0.6 (placed 0.8)
     * H: willing in difficulty 2, placed 2, employed 1, further study 1; employed rate 0.5 (placed 1)
     * city: 7, placed 6, employed 4, further study 2; employed rate 4/7 = 0.5714 (placed 0.8571)
     * </pre>
     */
    @Test
    void twoHundredPercentCountsTheEmployedAndReportsFurtherStudyApart() {
        ReportFixtures f = new ReportFixtures(jdbc);
        placedOrNot(f, "就业甲", ENPING, true, "SUBSISTENCE_ALLOWANCE", "PLACED", "11");
        placedOrNot(f, "灵活乙", ENPING, true, "POVERTY_ALLEVIATED", "PLACED", "76");
        placedOrNot(f, "创业丙", ENPING, true, "DISABILITY", "PLACED", "75");
        placedOrNot(f, "升学丁", ENPING, true, "SUBSISTENCE_ALLOWANCE", "PLACED", "80");
        placedOrNot(f, "待业戊", ENPING, true, "ZERO_EMPLOYMENT", "IN_SERVICE", "70");
        placedOrNot(f, "不愿己", ENPING, false, "SUBSISTENCE_ALLOWANCE", "PLACED", "11");
        placedOrNot(f, "普通庚", ENPING, true, null, "PLACED", "11");
        placedOrNot(f, "出国辛", HESHAN, true, "DISABILITY", "PLACED", "85");
        long welfare = f.graduate("公益壬", HESHAN, true, "PLACED", f.at(3, 1));
        f.difficulties(welfare, "SUBSISTENCE_ALLOWANCE");
        f.publicWelfarePost(welfare, f.at(4, 1), HESHAN, "11");
        f.publicWelfarePostNow(welfare, "11", f.date(4, 1), "示例单位");
        placedOrNot(f, "未确认癸", HESHAN, null, "SUBSISTENCE_ALLOWANCE", "PLACED", "12");

        JsonNode r = city().get("/api/reports/compliance?graduationYear=" + f.year).expect(200).json();
        assertThat(r.path("targets").path("employedInDifficulty").decimalValue()).isEqualByComparingTo("1");
        JsonNode e = null;
        JsonNode h = null;
        for (JsonNode d : r.path("districts")) {
            if (d.path("district").asText().equals(ENPING)) {
                e = d;
            } else if (d.path("district").asText().equals(HESHAN)) {
                h = d;
            }
        }
        assertThat(twoHundredPercent(e)).containsExactly(5L, 4L, 3L, 1L);
        assertThat(e.path("employedInDifficultyRate").decimalValue()).isEqualByComparingTo("0.6");
        assertThat(e.path("placedInDifficultyRate").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(twoHundredPercent(h)).containsExactly(2L, 2L, 1L, 1L);
        assertThat(h.path("employedInDifficultyRate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(h.path("placedInDifficultyRate").decimalValue()).isEqualByComparingTo("1");
        JsonNode t = r.path("total");
        assertThat(twoHundredPercent(t)).containsExactly(7L, 6L, 4L, 2L);
        assertThat(t.path("employedInDifficultyRate").decimalValue()).isEqualByComparingTo("0.5714");
        assertThat(t.path("placedInDifficultyRate").decimalValue()).isEqualByComparingTo("0.8571");

        // asked for one district, its total is that district's
        JsonNode one = city().get("/api/reports/compliance?district=" + ENPING + "&graduationYear=" + f.year)
                .expect(200).json().path("total");
        assertThat(twoHundredPercent(one)).containsExactly(5L, 4L, 3L, 1L);
        assertThat(one.path("employedInDifficultyRate").decimalValue()).isEqualByComparingTo("0.6");
    }

    /** A graduate (in difficulty unless null) with their destination, as registerDestination writes it. */
    private static void placedOrNot(ReportFixtures f, String name, String district, Boolean willing, String difficulty,
            String status, String code) {
        long id = f.graduate(name, district, willing, status, f.at(3, 1));
        if (difficulty != null) {
            f.difficulties(id, difficulty);
        }
        f.entry(id, "DESTINATION", f.at(4, 1), district, code);
        f.destinationNow(id, code, f.date(4, 1), "PLACED".equals(status) ? "示例单位" : null);
    }

    /** Willing in difficulty, of them placed, employed, in further study. */
    static List<Long> twoHundredPercent(JsonNode d) {
        return Arrays.stream(new String[] { "willingInDifficulty", "willingInDifficultyPlaced",
                "willingInDifficultyEmployed", "willingInDifficultyFurtherStudy" }).map(k -> d.path(k).asLong()).toList();
    }

    /**
     * 131 per graduate (ledger.Service131Policy), hand-computed. All in E, registered 1 Mar:
     * <pre>
     * W1 W2 willing, placed at once (destination 11 on 2 Mar), no service
     * W3 W4 willing, in service, no service
     * U5    unconfirmed (a hand-over row without willingness, not yet reached), in service
     * E: willing 4, met 0, not yet met 2 (W3 W4), placed before 131 2 (W1 W2), unconfirmed 1;
     *    graduates 6 with the reservation row (not willing); willing = met + not yet met + placed before 131
     * </pre>
     */
    @Test
    void notYetMetIsWillingNotPlacedAndWithout131AndPlacedBefore131IsItsOwnFigure() {
        ReportFixtures f = new ReportFixtures(jdbc, cipher);
        for (String name : List.of("即落实一", "即落实二")) {
            long w = f.graduate(name, ENPING, true, "PLACED", f.at(3, 1));
            f.entry(w, "DESTINATION", f.at(3, 2), ENPING, "11");
        }
        f.graduate("服务三", ENPING, true, "IN_SERVICE", f.at(3, 1));
        f.graduate("服务四", ENPING, true, "IN_SERVICE", f.at(3, 1));
        f.graduate("未确认五", ENPING, null, "IN_SERVICE", f.at(3, 1));
        JsonNode r = city().get("/api/reports/compliance?graduationYear=" + f.year).expect(200).json();
        JsonNode e = null;
        for (JsonNode d : r.path("districts")) {
            e = d.path("district").asText().equals(ENPING) ? d : e;
        }
        assertThat(List.of(e.path("graduates").asLong(), e.path("willing").asLong(), e.path("met131").asLong(),
                e.path("notYetMet").asLong(), e.path("placedBefore131").asLong(),
                e.path("unconfirmedWillingness").asLong(), e.path("placed").asLong()))
                .containsExactly(6L, 4L, 0L, 2L, 2L, 1L, 2L);
        JsonNode t = r.path("total");
        assertThat(t.path("willing").asLong()).isEqualTo(t.path("met131").asLong() + t.path("notYetMet").asLong()
                + t.path("placedBefore131").asLong());
    }

    /**
     * The benchmark and a repair write spans and the graduate's copies in slices: a slice rebuilt
     * gives back met131_at (the case's), destination_at (the latest DESTINATION entry's time, not
     * the greatest id's) and helper_assigned to every graduate in it, and leaves those outside it alone.
     */
    @Test
    void rebuildingASliceWritesTheGraduatesCopiesOfThe131TheLatestDestinationAndTheHelper() {
        ReportFixtures f = new ReportFixtures(jdbc, cipher);
        long a = f.graduate("切片甲", ENPING, true, "PLACED", f.at(3, 1));
        f.caseFile(a, ENPING, "CLOSED", false, f.at(3, 1), f.at(3, 21));
        f.entry(a, "DESTINATION", f.at(6, 1), ENPING, "11");
        f.entry(a, "DESTINATION", f.at(5, 1), ENPING, "12"); // written later, for an earlier time
        long b = f.graduate("切片乙", ENPING, true, "IN_SERVICE", f.at(3, 1));
        f.caseFile(b, ENPING, "OPEN", false, f.at(3, 1), null);
        f.entry(b, "HELPER_ASSIGNED", f.at(3, 2), ENPING, null);
        long c = f.graduate("切片丙", ENPING, true, "PLACED", f.at(3, 1));
        f.entry(c, "DESTINATION", f.at(7, 1), ENPING, "10");
        assertThat(copies(a)).containsExactly(f.at(3, 21), f.at(6, 1), false);
        assertThat(copies(b)).containsExactly(null, null, true);

        jdbc.update("UPDATE graduate SET met131_at = NULL, destination_at = NULL WHERE id IN (?, ?)", a, c);
        jdbc.update("UPDATE graduate SET met131_at = ?, helper_assigned = FALSE WHERE id = ?", f.at(1, 1), b);
        transactions.executeWithoutResult(s -> periods.rebuild(a, b));
        assertThat(copies(a)).containsExactly(f.at(3, 21), f.at(6, 1), false);
        assertThat(copies(b)).containsExactly(null, null, true);
        assertThat(copies(c)).containsExactly(null, null, false); // outside the slice
        transactions.executeWithoutResult(s -> periods.rebuild(c));
        assertThat(copies(c)).containsExactly(null, f.at(7, 1), false);
    }

    /** met131_at, destination_at, helper_assigned of the graduate's row. */
    private List<Object> copies(long graduateId) {
        return jdbc.queryForObject("SELECT met131_at, destination_at, helper_assigned FROM graduate WHERE id = ?",
                (rs, i) -> Arrays.asList(rs.getObject(1, LocalDateTime.class), rs.getObject(2, LocalDateTime.class),
                        rs.getBoolean(3)), graduateId);
    }

    /** graduates, willing, met131, notYetMet, overdueTasks, lostContact, placed, inDifficulty, with, without, willingInDifficulty, placed of them. */
    static List<Long> figures(JsonNode d) {
        return Arrays.stream(new String[] { "graduates", "willing", "met131", "notYetMet", "overdueTasks",
                "lostContact", "placed", "inDifficulty", "inDifficultyWithHelper", "inDifficultyWithoutHelper",
                "willingInDifficulty", "willingInDifficultyPlaced" }).map(k -> d.path(k).asLong()).toList();
    }

    static List<Long> durations(JsonNode d) {
        return List.of(d.path("count").asLong(), d.path("median").asLong(), d.path("p90").asLong());
    }

    static final List<String> LEDGER_HEADER = List.of("序号", "姓名", "身份证号", "性别", "联系电话", "毕业院校", "专业", "学历",
            "毕业年份", "所属区县", "困难类别", "就业意愿", "案件编号", "服务状态", "登记日期", "职业指导次数", "职业指导日期", "岗位推荐次数",
            "岗位推荐日期", "培训见习次数", "培训见习日期", "公益性岗位安置日期", "帮扶责任人落实日期", "131服务是否达标", "131达标日期",
            "毕业去向代码", "毕业去向", "去向落实日期", "就业单位");

    /**
     * The ledger export of 恩平市 for the quarter fixture's cohort: the reservation row, G1, G2, G3,
     * G5, G8 in id order (G4 has moved to 鹤山市). G1 and G5 are checked cell by cell.
     */
    @Test
    void ledgerExportAsCsvAndXlsxCellByCell() throws Exception {
        PlacementFixture p = quarterFixture();
        ReportFixtures f = p.f;
        f.destinationNow(p.g1, "11", f.date(6, 10), "江门新材料有限公司");
        f.difficulties(p.g5, "POVERTY_ALLEVIATED", "DISABILITY");
        String path = "/api/reports/ledger?district=" + ENPING + "&graduationYear=" + f.year;
        String y = String.valueOf(f.year);
        List<String> g1 = List.of("2", "落实甲", ENPING + "********0002", "女", "139****0000", "五邑大学", "会计学", "本科", y,
                "恩平市", "", "是", "RPT-" + y + "-" + p.g1, "已落实去向", f.date(3, 1).toString(), "1", f.date(6, 1).toString(),
                "3", f.date(5, 10) + "、" + f.date(5, 20) + "、" + f.date(6, 2), "1", f.date(6, 5).toString(), "", "", "是",
                f.date(6, 5).toString(), "11", "签劳动合同形式就业", f.date(6, 10).toString(), "江门新材料有限公司");
        List<String> g5 = List.of("5", "未落实戊", ENPING + "********0006", "女", "139****0000", "五邑大学", "会计学", "本科", y,
                "恩平市", "脱贫家庭、残疾", "是", "RPT-" + y + "-" + p.g5, "服务中", f.date(4, 1).toString(), "1",
                f.date(7, 5).toString(), "3", f.date(7, 10) + "、" + f.date(7, 20) + "、" + f.date(8, 20), "1",
                f.date(9, 29).toString(), "", "", "是", f.date(9, 29).toString(), "", "", "", "");

        List<List<String>> csv = readCsv(download(path, "sup.city", "text/csv").getBody());
        assertThat(csv).hasSize(7);
        assertThat(csv.get(0)).isEqualTo(LEDGER_HEADER);
        assertThat(csv.get(2)).isEqualTo(g1);
        assertThat(csv.get(5)).isEqualTo(g5);
        assertThat(csv.stream().skip(1).map(r -> r.get(1)).toList())
                .containsExactly("占位", "落实甲", "改去向乙", "重开丙", "未落实戊", "八月辛");

        List<List<String>> xlsx = readXlsx(download(path, "sup.city", XLSX).getBody(), "实名服务台账");
        assertThat(xlsx).hasSize(7);
        assertThat(xlsx.get(0)).isEqualTo(LEDGER_HEADER);
        assertThat(xlsx.get(2)).isEqualTo(g1);
        assertThat(xlsx.get(5)).isEqualTo(g5);
    }

    @Test
    void districtSupervisorExportsOnlyTheirDistrict() throws Exception {
        PlacementFixture p = quarterFixture();
        // sup.pengjiang sees 蓬江区 only: the fixture (恩平市, 鹤山市) is not in their export
        List<List<String>> csv = readCsv(download("/api/reports/ledger?graduationYear=" + p.f.year, "sup.pengjiang",
                "text/csv").getBody());
        assertThat(csv).hasSize(1);
        assertThat(csv.get(0)).isEqualTo(LEDGER_HEADER);
        assertThat(download("/api/reports/ledger?district=" + ENPING, "sup.pengjiang", "text/csv").getStatusCode()
                .value()).isEqualTo(404);
    }

    /**
     * Early warning, today T in Jiangmen; each case opened T-10 (elapsed 10 days).
     * <pre>
     * W1 in difficulty: guidance 1, referral 1 -> done 2, remaining 3 -> T + ceil(3 x 10 / 2) = T+15
     * W2 nothing yet, one overdue task -> no pace: at risk whatever the date
     * W3 guidance 1, referrals 3 -> done 4, remaining 1 -> T + ceil(10 / 4) = T+3
     * W4 case closed -> not counted; W5 131 met -> not counted
     * by T+10: W1 (difficulty first), W2 at risk; 3 open cases without the 131; 1 overdue task
     * by T+20: W2 only
     * </pre>
     */
    @Test
    void earlyWarningByPace() {
        ReportFixtures f = new ReportFixtures(jdbc, cipher);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDateTime opened = today.minusDays(10).atTime(2, 0);
        long w1 = f.graduate("预警一", ENPING, true, "IN_SERVICE", opened);
        f.difficulties(w1, "DISABILITY");
        f.caseFile(w1, ENPING, "OPEN", true, opened, null);
        f.entries(w1, "GUIDANCE", ENPING, opened.plusDays(1));
        f.entries(w1, "REFERRAL", ENPING, opened.plusDays(2));
        long w2 = f.graduate("预警二", ENPING, true, "IN_SERVICE", opened);
        long case2 = f.caseFile(w2, ENPING, "OPEN", false, opened, null);
        String overdue = f.task(w2, case2, ENPING, "GUIDANCE", true, "cw.enping", opened.plusDays(5));
        long w3 = f.graduate("预警三", ENPING, true, "IN_SERVICE", opened);
        f.caseFile(w3, ENPING, "OPEN", false, opened, null);
        f.entries(w3, "GUIDANCE", ENPING, opened.plusDays(1));
        f.entries(w3, "REFERRAL", ENPING, opened.plusDays(2), opened.plusDays(3), opened.plusDays(4));
        long w4 = f.graduate("结案四", ENPING, true, "CLOSED", opened);
        f.caseFile(w4, ENPING, "CLOSED", false, opened, null);
        long w5 = f.graduate("达标五", ENPING, true, "IN_SERVICE", opened);
        f.caseFile(w5, ENPING, "OPEN", false, opened, opened.plusDays(5));

        JsonNode r = city().get("/api/reports/early-warning?by=" + today.plusDays(10) + "&graduationYear=" + f.year
                + "&district=" + ENPING).expect(200).json();
        assertThat(r.path("districts")).hasSize(1);
        assertThat(r.path("limit").asInt()).isEqualTo(100);
        JsonNode e = r.path("districts").get(0);
        assertThat(e.path("openWithout131").asLong()).isEqualTo(3);
        assertThat(e.path("atRisk").asLong()).isEqualTo(2);
        assertThat(e.path("overdueTasks").asLong()).isEqualTo(1);
        JsonNode first = e.path("graduates").get(0);
        assertThat(first.path("graduateId").asLong()).isEqualTo(w1);
        assertThat(first.path("inDifficulty").asBoolean()).isTrue();
        assertThat(first.path("remaining").asInt()).isEqualTo(3);
        assertThat(first.path("projected").asText()).isEqualTo(today.plusDays(15).toString());
        JsonNode second = e.path("graduates").get(1);
        assertThat(second.path("graduateId").asLong()).isEqualTo(w2);
        assertThat(second.has("projected")).isFalse();
        assertThat(second.path("overdueTasks")).hasSize(1);
        assertThat(second.path("overdueTasks").get(0).path("id").asText()).isEqualTo(overdue);
        assertThat(second.path("overdueTasks").get(0).path("assignee").asText()).isEqualTo("cw.enping");

        JsonNode later = city().get("/api/reports/early-warning?by=" + today.plusDays(20) + "&graduationYear=" + f.year
                + "&district=" + ENPING).expect(200).json().path("districts").get(0);
        assertThat(later.path("atRisk").asLong()).isEqualTo(1);
        assertThat(later.path("graduates").get(0).path("graduateId").asLong()).isEqualTo(w2);
    }

    /**
     * The early warning counts referrals as the 131 does: distinct positions (employer and position).
     * Today T, the case opened T-10: guidance T-9; referrals to 甲公司's 文员 T-8 and again T-7, and to
     * 乙公司's 文员 T-6. Positions 2, so done 1 + 2 = 3 and remaining 2 (a referral, a training): at
     * 3 services in 10 days, 2 more take ceil(2 × 10 / 3) = 7 days, T+7, after T+5: at risk. Counting
     * every referral (3) would have said remaining 1, T+ceil(10 / 4) = T+3: on pace.
     */
    @Test
    void earlyWarningCountsReferralsToDistinctPositionsAsThe131Does() {
        ReportFixtures f = new ReportFixtures(jdbc, cipher);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDateTime opened = today.minusDays(10).atTime(2, 0);
        long g = f.graduate("同岗推荐", ENPING, true, "IN_SERVICE", opened);
        f.caseFile(g, ENPING, "OPEN", false, opened, null);
        f.entries(g, "GUIDANCE", ENPING, opened.plusDays(1));
        f.referral(g, opened.plusDays(2), ENPING, "甲公司", "文员");
        f.referral(g, opened.plusDays(3), ENPING, "甲公司", " 文员 ");
        f.referral(g, opened.plusDays(4), ENPING, "乙公司", "文员");
        assertThat(periods.compliance(g).referrals()).as("the 131 rule's positions").isEqualTo(2);

        JsonNode e = city().get("/api/reports/early-warning?by=" + today.plusDays(5) + "&graduationYear=" + f.year
                + "&district=" + ENPING).expect(200).json().path("districts").get(0);
        assertThat(e.path("openWithout131").asLong()).isEqualTo(1);
        assertThat(e.path("atRisk").asLong()).isEqualTo(1);
        JsonNode first = e.path("graduates").get(0);
        assertThat(first.path("graduateId").asLong()).isEqualTo(g);
        assertThat(first.path("referrals").asInt()).isEqualTo(2);
        assertThat(first.path("remaining").asInt()).isEqualTo(2);
        assertThat(first.path("projected").asText()).isEqualTo(today.plusDays(7).toString());
    }

    /**
     * The early warning lists the first {@code limit} graduates at risk of each district and counts
     * them all. Today T, each case opened T-10; by T+10.
     * <pre>
     * E  A1 nothing yet (no pace), one overdue task and one not overdue
     *    A2 in difficulty: guidance 1, referral 1 -> T+15; two overdue tasks, the later due written first
     *    A3 guidance 1, referral 1 -> T+15
     *    A4 nothing yet (no pace), two overdue tasks
     *    N5 guidance 1, referrals 3 -> T+3: on pace, not at risk; one overdue task
     * H  H1 nothing yet, one overdue task
     * limit=2, city-wide for the cohort: E lists A2 (in difficulty), then A1 (no pace, lower id than
     * A4) of 4 at risk and 5 open; E's overdue tasks 6, of which only A1's and A2's are listed.
     * H lists H1 of 1.
     * </pre>
     */
    @Test
    void earlyWarningListsTheFirstLimitOfEachDistrictAndCountsThemAll() {
        ReportFixtures f = new ReportFixtures(jdbc, cipher);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDateTime opened = today.minusDays(10).atTime(2, 0);
        ReportFixtures.OpenCase a1 = f.openCase("名单一", ENPING, false, opened);
        String a1Overdue = f.overdueTask(a1, ENPING, "GUIDANCE", opened.plusDays(5));
        f.task(a1.graduate(), a1.caseFile(), ENPING, "REFERRAL", false, "cw.enping", opened.plusDays(20));
        ReportFixtures.OpenCase a2 = f.openCase("名单二", ENPING, true, opened);
        f.entries(a2.graduate(), "GUIDANCE", ENPING, opened.plusDays(1));
        f.entries(a2.graduate(), "REFERRAL", ENPING, opened.plusDays(2));
        String a2Later = f.overdueTask(a2, ENPING, "REFERRAL", opened.plusDays(7));
        String a2Earlier = f.overdueTask(a2, ENPING, "TRAINING_OR_INTERNSHIP", opened.plusDays(6));
        ReportFixtures.OpenCase a3 = f.openCase("名单三", ENPING, false, opened);
        f.entries(a3.graduate(), "GUIDANCE", ENPING, opened.plusDays(1));
        f.entries(a3.graduate(), "REFERRAL", ENPING, opened.plusDays(2));
        ReportFixtures.OpenCase a4 = f.openCase("名单四", ENPING, false, opened);
        f.overdueTask(a4, ENPING, "GUIDANCE", opened.plusDays(5));
        f.overdueTask(a4, ENPING, "REFERRAL", opened.plusDays(6));
        ReportFixtures.OpenCase n5 = f.openCase("进度五", ENPING, false, opened);
        f.entries(n5.graduate(), "GUIDANCE", ENPING, opened.plusDays(1));
        f.entries(n5.graduate(), "REFERRAL", ENPING, opened.plusDays(2), opened.plusDays(3), opened.plusDays(4));
        f.overdueTask(n5, ENPING, "TRAINING_OR_INTERNSHIP", opened.plusDays(5));
        ReportFixtures.OpenCase h1 = f.openCase("鹤山名单", HESHAN, false, opened);
        f.overdueTask(h1, HESHAN, "GUIDANCE", opened.plusDays(5));

        String query = "/api/reports/early-warning?by=" + today.plusDays(10) + "&graduationYear=" + f.year;
        JsonNode r = city().get(query + "&limit=2").expect(200).json();
        assertThat(r.path("limit").asInt()).isEqualTo(2);
        JsonNode e = warning(r, ENPING);
        assertThat(e.path("openWithout131").asLong()).isEqualTo(5);
        assertThat(e.path("atRisk").asLong()).isEqualTo(4);
        assertThat(e.path("overdueTasks").asLong()).isEqualTo(6);
        assertThat(e.path("graduates")).hasSize(2);
        JsonNode first = e.path("graduates").get(0);
        assertThat(first.path("graduateId").asLong()).isEqualTo(a2.graduate());
        assertThat(first.path("projected").asText()).isEqualTo(today.plusDays(15).toString());
        assertThat(first.path("overdueTasks").findValuesAsText("id")).containsExactly(a2Earlier, a2Later);
        JsonNode second = e.path("graduates").get(1);
        assertThat(second.path("graduateId").asLong()).isEqualTo(a1.graduate());
        assertThat(second.path("overdueTasks").findValuesAsText("id")).containsExactly(a1Overdue);
        JsonNode h = warning(r, HESHAN);
        assertThat(h.path("atRisk").asLong()).isEqualTo(1);
        assertThat(h.path("overdueTasks").asLong()).isEqualTo(1);
        assertThat(h.path("graduates").findValuesAsText("graduateId")).containsExactly(ids(h1));

        // without a limit, 100: everyone at risk, in the same order
        JsonNode all = city().get(query + "&district=" + ENPING).expect(200).json();
        assertThat(all.path("limit").asInt()).isEqualTo(100);
        assertThat(warning(all, ENPING).path("graduates").findValuesAsText("graduateId"))
                .containsExactly(ids(a2, a1, a4, a3));
        assertThat(warning(all, ENPING).path("graduates").get(2).path("overdueTasks")).hasSize(2);

        for (String limit : List.of("0", "1001", "-1")) {
            JsonNode problem = city().get(query + "&limit=" + limit).expect(400).json();
            assertThat(problem.path("errors").get(0).path("field").asText()).as("limit=%s", limit).isEqualTo("limit");
        }
    }

    private static String[] ids(ReportFixtures.OpenCase... cases) {
        return Arrays.stream(cases).map(c -> String.valueOf(c.graduate())).toArray(String[]::new);
    }

    static JsonNode warning(JsonNode report, String code) {
        for (JsonNode d : report.path("districts")) {
            if (d.path("district").asText().equals(code)) {
                return d;
            }
        }
        throw new AssertionError("no district " + code + " in " + report);
    }

    /**
     * Through the application: entries carry the graduate's district when written and a
     * DESTINATION its code; a move is one DISTRICT_CHANGED entry in the new district, the earlier
     * entries keep the old one, and the graduate and the case follow.
     */
    @Test
    void aRegistrationWritesInOneStatementTheSpanThatARebuildWrites() {
        JsonNode created = Api.as(rest, "cw.pengjiang").post("/api/graduates",
                TestGraduates.graduate("首段测试", "440703")).expect(201).json();
        long id = created.path("id").asLong();
        List<String> registered = spans(id);
        assertThat(registered).hasSize(1);
        assertThat(registered.get(0)).startsWith("440703 null false ").endsWith(" null");
        assertThat(registered.get(0)).contains(jdbc.queryForObject(
                "SELECT at FROM ledger_entry WHERE graduate_id = ? AND type = 'REGISTERED'", LocalDateTime.class, id)
                .toString());

        transactions.executeWithoutResult(s -> periods.rebuild(id));
        assertThat(spans(id)).isEqualTo(registered);

        // asked again for a graduate who has spans, it rebuilds instead of adding a second one
        long entry = jdbc.queryForObject("SELECT id FROM ledger_entry WHERE graduate_id = ? AND type = 'REGISTERED'",
                Long.class, id);
        transactions.executeWithoutResult(s -> periods.registered(id, entry));
        assertThat(spans(id)).isEqualTo(registered);

        // with a later status entry (a destination) it rebuilds too: the same spans as a rebuild, the last one placed
        city().post("/api/graduates/" + id + "/destination", Api.map("code", "11", "employer", "某公司")).expect(200);
        transactions.executeWithoutResult(s -> periods.registered(id, entry));
        List<String> afterDestination = spans(id);
        assertThat(afterDestination).last().asString().startsWith("440703 11 false ").endsWith(" null");
        transactions.executeWithoutResult(s -> periods.rebuild(id));
        assertThat(spans(id)).isEqualTo(afterDestination);
    }

    @Test
    void aNewTaskCarriesItsGraduatesCohortAndTheCohortsCaseloadCountsIt() {
        long before = groupOpenTasks(city().get("/api/reports/compliance?graduationYear=2019").expect(200).json(),
                "440783");
        JsonNode created = Api.as(rest, "sup.city").post("/api/graduates",
                TestGraduates.with(TestGraduates.graduate("届别测试", "440783"), "graduationYear", 2019)).expect(201)
                .json();
        long id = created.path("id").asLong();
        assertThat(jdbc.queryForList("SELECT graduation_year FROM case_task WHERE graduate_id = ?", Integer.class, id))
                .containsExactly(2019);
        assertThat(groupOpenTasks(city().get("/api/reports/compliance?graduationYear=2019").expect(200).json(),
                "440783")).isEqualTo(before + 1);
        assertThat(groupOpenTasks(city().get("/api/reports/compliance?graduationYear=2018").expect(200).json(),
                "440783")).isEqualTo(groupOpenTasksOf(2018, "440783"));
    }

    /** The open tasks of a district's group (no caseworker yet) in a compliance report's caseload. */
    private static long groupOpenTasks(JsonNode compliance, String district) {
        long n = 0;
        for (JsonNode c : compliance.path("caseload")) {
            if (district.equals(c.path("district").asText()) && c.path("caseworker").asText("-").equals("-")) {
                n += c.path("openTasks").asLong();
            }
        }
        return n;
    }

    private long groupOpenTasksOf(int year, String district) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM case_task t JOIN graduate g ON g.id = t.graduate_id"
                + " WHERE g.graduation_year = ? AND t.district_code = ? AND t.assignee IS NULL", Long.class, year,
                district);
    }

    private List<String> spans(long graduateId) {
        return jdbc.query("SELECT district_code, destination_code, met131, valid_from, valid_to FROM placement_period"
                + " WHERE graduate_id = ? ORDER BY valid_from", (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " "
                        + rs.getBoolean(3) + " " + rs.getObject(4, LocalDateTime.class) + " "
                        + rs.getObject(5, LocalDateTime.class), graduateId);
    }

    @Test
    void entriesCarryTheDistrictOfTheirTimeAndAMoveIsRecorded() {
        JsonNode created = Api.as(rest, "cw.pengjiang").post("/api/graduates",
                TestGraduates.graduate("迁居测试", "440703")).expect(201).json();
        long id = created.path("id").asLong();
        CurrentUser supervisor = new CurrentUser("sup.city", "市督导", Role.SUPERVISOR, null, null);
        assertThat(moves.move(id, new MoveGraduate("恩平市", "户籍迁移"), supervisor).district()).isEqualTo(ENPING);
        // already there: nothing changes, no second DISTRICT_CHANGED below
        assertThat(moves.move(id, new MoveGraduate(ENPING, "again"), supervisor).district()).isEqualTo(ENPING);
        Api.as(rest, "cw.pengjiang").get("/api/graduates/" + id).expect(404);
        city().post("/api/graduates/" + id + "/destination", Api.map("code", "11", "employer", "恩平某公司"))
                .expect(200);

        List<String> entries = jdbc.query("SELECT type, district_code, destination_code FROM ledger_entry"
                + " WHERE graduate_id = ? ORDER BY id", (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " "
                        + rs.getString(3), id);
        assertThat(entries).containsExactly("REGISTERED 440703 null", "DISTRICT_CHANGED 440785 null",
                "DESTINATION 440785 11", "CLOSED 440785 null");
        assertThat(jdbc.queryForObject("SELECT details FROM ledger_entry WHERE graduate_id = ? AND type = 'DISTRICT_CHANGED'",
                String.class, id)).contains("\"from\":\"440703\"").contains("\"to\":\"440785\"");
        assertThat(jdbc.queryForObject("SELECT district_code FROM case_file WHERE graduate_id = ?", String.class, id))
                .isEqualTo(ENPING);
        assertThat(jdbc.queryForObject("SELECT district_code FROM graduate WHERE id = ?", String.class, id))
                .isEqualTo(ENPING);
    }

    @Test
    void onlySupervisorsAndAdministratorsAndEachInTheirScope() {
        for (String path : List.of("/api/reports/placement", "/api/reports/compliance",
                "/api/reports/quarterly?quarter=2023Q2", "/api/reports/early-warning?by=2023-12-31")) {
            Api.as(rest, "cw.pengjiang").get(path).expect(403);
            Api.as(rest, "counselor.wyu").get(path).expect(403);
            Api.anonymous(rest).get(path).expect(401);
            Api.as(rest, "admin").get(path).expect(200);
            city().get(path).expect(200);
        }
        JsonNode own = Api.as(rest, "sup.pengjiang").get("/api/reports/placement").expect(200).json();
        assertThat(own.path("district").asText()).isEqualTo("440703");
        assertThat(own.path("byDistrict")).hasSize(1);
        assertThat(own.path("byDistrict").get(0).path("district").asText()).isEqualTo("440703");
        JsonNode compliance = Api.as(rest, "sup.pengjiang").get("/api/reports/compliance").expect(200).json();
        assertThat(compliance.path("districts")).hasSize(1);
        compliance.path("caseload").forEach(c -> assertThat(c.path("district").asText()).isEqualTo("440703"));
        Api.as(rest, "sup.pengjiang").get("/api/reports/placement?district=" + ENPING).expect(404);
        Api.as(rest, "sup.pengjiang").get("/api/reports/compliance?district=440781").expect(404);
        city().get("/api/reports/placement?district=999999").expect(404);
        city().get("/api/reports/quarterly?quarter=2023Q5").expect(400);
        city().get("/api/reports/early-warning").expect(400);
    }

    ResponseEntity<byte[]> download(String path, String user, String accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setAccept(List.of(MediaType.parseMediaType(accept)));
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    /** Reads CSV as written (UTF-8 with BOM, CRLF); the fixtures hold no quotes or commas. */
    static List<List<String>> readCsv(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.substring(1).split("\r\n")) {
            assertThat(line).doesNotContain("\"");
            rows.add(List.of(line.split(",", -1)));
        }
        return rows;
    }

    static List<List<String>> readXlsx(byte[] body, String sheetName) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getSheet(sheetName);
            assertThat(sheet).as("sheet " + sheetName).isNotNull();
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            int width = sheet.getRow(0).getLastCellNum();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    Cell cell = row.getCell(c);
                    if (cell == null) {
                        cells.add("");
                    } else if (cell.getCellType() == CellType.NUMERIC) {
                        double v = cell.getNumericCellValue();
                        cells.add(v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v));
                    } else {
                        cells.add(format.formatCellValue(cell));
                    }
                }
                rows.add(cells);
            }
            return rows;
        }
    }
}
