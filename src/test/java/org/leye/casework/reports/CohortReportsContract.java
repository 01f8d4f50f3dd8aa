package org.leye.casework.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.reports.ReportFixtures.ENPING;
import static org.leye.casework.reports.ReportFixtures.HESHAN;
import static org.leye.casework.support.Api.map;

import org.junit.jupiter.api.Test;
import org.leye.casework.shared.crypto.PersonalDataCipher;
import org.leye.casework.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The cohort placement rate of the placement report (issue 19) on fixtures worked out by hand,
 * each in a graduation year of its own; run on H2 and on MySQL.
 */
abstract class CohortReportsContract {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PersonalDataCipher cipher;

    Api city() {
        return Api.as(rest, "sup.city");
    }

    /**
     * <pre>
     * WYU totals 100 graduates, 80 placed at leaving
     * W1 WYU E registered 1 Mar; destination 11 (contract) 10 Jun
     * W2 WYU E registered 1 Mar; destination 80 (further study) 20 Jun
     * W3 WYU H registered 1 Mar; no destination
     * W4 WYU H registered 1 Mar; destination 11 on 15 Sep (phase 2, after 31 July)
     * J1 JMPT E (no totals) registered 1 Mar; destination 12 1 Jul
     * X1 another university (not in the list) H registered 1 Mar; no destination
     * </pre>
     */
    class CohortFixture {
        // its leavers are students of WYU and JMPT, whom the demo counselors' pages list
        final ReportFixtures f = new ReportFixtures(jdbc, cipher);
        long w1, w2, w3, w4, j1, x1;

        void phase1() {
            city().exchange(org.springframework.http.HttpMethod.PUT, "/api/cohorts/" + f.year + "/WYU",
                    map("graduates", 100, "placedAtLeaving", 80)).expect(200);
            w1 = leaver("五邑甲", ENPING, "WYU");
            f.entry(w1, "DESTINATION", f.at(6, 10), ENPING, "11");
            w2 = leaver("五邑乙", ENPING, "WYU");
            f.entry(w2, "DESTINATION", f.at(6, 20), ENPING, "80");
            w3 = leaver("五邑丙", HESHAN, "WYU");
            w4 = leaver("五邑丁", HESHAN, "WYU");
            j1 = leaver("职院甲", ENPING, "JMPT");
            f.entry(j1, "DESTINATION", f.at(7, 1), ENPING, "12");
            x1 = leaver("外校甲", HESHAN, null);
        }

        void phase2() {
            f.entry(w4, "DESTINATION", f.at(9, 15), HESHAN, "11");
            f.statusNow(w4, "PLACED");
        }

        private long leaver(String name, String district, String university) {
            long id = f.graduate(name, district, true, "IN_SERVICE", f.at(3, 1));
            f.universityNow(id, university);
            return id;
        }
    }

    JsonNode placement(ReportFixtures f, int month, int day) {
        return city().get("/api/reports/placement?graduationYear=" + f.year + "&asOf=" + f.date(month, day)).expect(200)
                .json();
    }

    static JsonNode university(JsonNode report, String code) {
        for (JsonNode u : report.path("universities")) {
            if (u.path("code").asText().equals(code)) {
                return u;
            }
        }
        throw new AssertionError("no university " + code + " in " + report);
    }

    static void assertShare(JsonNode share, long graduates, long placed, String rate) {
        assertThat(share.path("graduates").asLong()).as("graduates of %s", share).isEqualTo(graduates);
        assertThat(share.path("placed").asLong()).as("placed of %s", share).isEqualTo(placed);
        assertThat(share.path("rate").decimalValue()).as("rate of %s", share).isEqualByComparingTo(rate);
    }

    @Test
    void cohortRateIsPlacedAtLeavingPlusRegisteredLeaversPlacedSinceOverAllGraduates() {
        CohortFixture c = new CohortFixture();
        c.phase1();

        // as of 31 July: WYU 100 graduates, 80 placed at leaving + W1 (contract) + W2 (further study)
        // = 82, 0.82; its registered leavers 4, placed 2, 0.5. JMPT has no totals: not in the cohort;
        // the city's cohort is WYU's alone. Registered share of the city: W1, W2, J1 placed of 6 = 0.5
        JsonNode july = placement(c.f, 7, 31);
        assertJuly(july);

        c.phase2();
        // after W4 was placed on 15 September, 31 July still answers the same
        assertJuly(placement(c.f, 7, 31));

        // as of 30 September: 83 of 100; the line toward 0.90 stands at 0.70 + 0.20 × 61/153 = 0.7797
        JsonNode september = placement(c.f, 9, 30);
        assertShare(september.path("cohort"), 100, 83, "0.83");
        assertShare(university(september, "WYU").path("registered"), 4, 3, "0.75");
        assertThat(september.path("targetStatus").path("status").asText()).isEqualTo("ON_TRACK");
        assertThat(september.path("targetStatus").path("expected").decimalValue()).isEqualByComparingTo("0.7797");
        assertThat(september.path("targetStatus").path("by").asText()).isEqualTo(c.f.date(12, 31).toString());

        // as of 31 December: 0.83 against 0.90 at its deadline
        JsonNode december = placement(c.f, 12, 31);
        assertShare(december.path("cohort"), 100, 83, "0.83");
        assertThat(december.path("targetStatus").path("status").asText()).isEqualTo("MISSED");
        assertThat(december.path("targetStatus").path("rate").decimalValue()).isEqualByComparingTo("0.90");
    }

    private void assertJuly(JsonNode r) {
        assertShare(r.path("cohort"), 100, 82, "0.82");
        JsonNode wyu = university(r, "WYU");
        assertThat(wyu.path("name").asText()).isEqualTo("五邑大学");
        assertShare(wyu.path("cohort"), 100, 82, "0.82");
        assertShare(wyu.path("registered"), 4, 2, "0.5");
        JsonNode jmpt = university(r, "JMPT");
        assertThat(jmpt.has("cohort")).isFalse();
        assertShare(jmpt.path("registered"), 1, 1, "1");
        assertThat(r.path("universitiesWithoutTotals")).hasSize(1);
        assertThat(r.path("universitiesWithoutTotals").get(0).path("code").asText()).isEqualTo("JMPT");
        // J1 (JMPT, no totals) and X1 (a university not in the list)
        assertThat(r.path("registeredWithoutTotals").asLong()).isEqualTo(2);
        assertShare(r.path("registered"), 6, 3, "0.5");
        // the deprecated top-level figures are the registered share
        assertThat(r.path("graduates").asLong()).isEqualTo(6);
        assertThat(r.path("placed").asLong()).isEqualTo(3);
        assertThat(r.path("rate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(r.path("targetStatus").path("status").asText()).isEqualTo("MET");
        assertThat(r.path("targetStatus").path("rate").decimalValue()).isEqualByComparingTo("0.70");
        assertThat(r.path("targetStatus").path("by").asText()).endsWith("-07-31");
    }

    @Test
    void withoutTotalsTheReportHasNoCohortFigureAndIsNotJudged() {
        CohortFixture c = new CohortFixture();
        long w = c.leaver("无总数", ENPING, "WYU");
        c.f.entry(w, "DESTINATION", c.f.at(6, 10), ENPING, "11");

        JsonNode r = placement(c.f, 7, 31);
        assertThat(r.has("cohort")).isFalse();
        assertThat(r.path("targetStatus").path("status").asText()).isEqualTo("NOT_JUDGED");
        assertShare(r.path("registered"), 1, 1, "1");
        assertThat(r.path("universitiesWithoutTotals").get(0).path("code").asText()).isEqualTo("WYU");
        assertThat(r.path("registeredWithoutTotals").asLong()).isEqualTo(1);
    }

    /**
     * WYU's totals say 3 graduates, 2 placed at leaving; two of its registered leavers were placed since (W1
     * contract 10 Jun, W2 further study 20 Jun): 2 + 2 = 4 placed of 3 would be 133 %. The cohort's placed
     * is capped at its graduates, 3 of 3, 1.0, for the university and the city; the registered share
     * still says 2 of 2.
     */
    @Test
    void cohortPlacedIsCappedAtTheCohortsGraduates() {
        CohortFixture c = new CohortFixture();
        city().exchange(org.springframework.http.HttpMethod.PUT, "/api/cohorts/" + c.f.year + "/WYU",
                map("graduates", 3, "placedAtLeaving", 2)).expect(200);
        long w1 = c.leaver("五邑甲", ENPING, "WYU");
        c.f.entry(w1, "DESTINATION", c.f.at(6, 10), ENPING, "11");
        long w2 = c.leaver("五邑乙", ENPING, "WYU");
        c.f.entry(w2, "DESTINATION", c.f.at(6, 20), ENPING, "80");

        JsonNode r = placement(c.f, 7, 31);
        assertShare(r.path("cohort"), 3, 3, "1");
        assertShare(university(r, "WYU").path("cohort"), 3, 3, "1");
        assertShare(university(r, "WYU").path("registered"), 2, 2, "1");
        assertThat(r.path("targetStatus").path("status").asText()).isEqualTo("MET");
    }

    @Test
    void aDistrictsReportHasTheRegisteredShareOnly() {
        CohortFixture c = new CohortFixture();
        c.phase1();

        // 恩平市 asked by the city supervisor: W1, W2, J1 registered there, all placed
        JsonNode e = city().get("/api/reports/placement?graduationYear=" + c.f.year + "&asOf=" + c.f.date(7, 31)
                + "&district=" + ENPING).expect(200).json();
        assertThat(e.has("cohort")).isFalse();
        assertThat(e.path("universities")).isEmpty();
        assertShare(e.path("registered"), 3, 3, "1");
        assertThat(e.path("targetStatus").path("status").asText()).isEqualTo("NOT_JUDGED");

        // a district supervisor: their own district, no cohort figure either
        JsonNode own = Api.as(rest, "sup.pengjiang").get("/api/reports/placement?graduationYear=" + c.f.year)
                .expect(200).json();
        assertThat(own.has("cohort")).isFalse();
        assertThat(own.path("universities")).isEmpty();
    }
}
