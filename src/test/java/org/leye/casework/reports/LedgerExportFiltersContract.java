package org.leye.casework.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.reports.ReportFixtures.ENPING;
import static org.leye.casework.reports.ReportsContract.XLSX;
import static org.leye.casework.reports.ReportsContract.readCsv;
import static org.leye.casework.reports.ReportsContract.readXlsx;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.leye.casework.shared.crypto.PersonalDataCipher;
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

/**
 * The ledger export's filters (issue 20, item 7): only the graduates in difficulty, only one
 * university, both, within the caller's districts; run on H2 and on MySQL. The fixture is a cohort
 * of its own in 恩平市, registered in id order:
 * <pre>
 * A 五邑大学 WYU            in difficulty
 * B 五邑大学 WYU            not in difficulty
 * C 江门职业技术学院 JMPT    in difficulty
 * D 中山大学 (not in the city's list, no code)  in difficulty
 * E 五邑大学 WYU            in difficulty
 * </pre>
 */
abstract class LedgerExportFiltersContract {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportQueries queries;

    /** The fixtures' identifiers encrypted, as the students' list of a later test in the same context reads them. */
    @Autowired
    PersonalDataCipher cipher;

    private ReportFixtures f;
    private long a;
    private long e;

    private void fixture() {
        f = new ReportFixtures(jdbc, cipher);
        a = graduate("筛选甲", "WYU", "SUBSISTENCE_ALLOWANCE");
        graduate("筛选乙", "WYU");
        graduate("筛选丙", "JMPT", "DISABILITY");
        graduate("筛选丁", null, "ZERO_EMPLOYMENT");
        e = graduate("筛选戊", "WYU", "POVERTY_ALLEVIATED");
    }

    private long graduate(String name, String university, String... difficulties) {
        long id = f.graduate(name, ENPING, true, "IN_SERVICE", f.at(3, 1));
        f.universityNow(id, university);
        f.difficulties(id, difficulties);
        return id;
    }

    @Test
    void ledgerExportFiltersGraduatesInDifficultyAndByUniversity() throws Exception {
        fixture();
        String cohort = "/api/reports/ledger?district=" + ENPING + "&graduationYear=" + f.year;

        // 占位 is the row by which ReportFixtures holds the cohort: not in difficulty, of no university of the list
        assertThat(names(cohort)).containsExactly("占位", "筛选甲", "筛选乙", "筛选丙", "筛选丁", "筛选戊");
        assertThat(names(cohort + "&inDifficulty=true")).containsExactly("筛选甲", "筛选丙", "筛选丁", "筛选戊");
        assertThat(names(cohort + "&inDifficulty=false")).hasSize(6);
        assertThat(names(cohort + "&university=WYU")).containsExactly("筛选甲", "筛选乙", "筛选戊");
        assertThat(names(cohort + "&university=五邑大學")).containsExactly("筛选甲", "筛选乙", "筛选戊");
        assertThat(names(cohort + "&university=JMPT&inDifficulty=true")).containsExactly("筛选丙");

        List<List<String>> xlsx = readXlsx(download(cohort + "&inDifficulty=true&university=WYU", "sup.city", XLSX)
                .getBody(), "实名服务台账");
        assertThat(xlsx.stream().skip(1).map(r -> r.get(1)).toList()).containsExactly("筛选甲", "筛选戊");
        assertThat(xlsx.get(1).get(0)).as("numbered within the filter").isEqualTo("1");
    }

    @Test
    void theFiltersAreInTheExportsAuditEntry() {
        fixture();
        AuditMark mark = AuditMark.now(rest, jdbc);

        download("/api/reports/ledger?district=" + ENPING + "&graduationYear=" + f.year
                + "&inDifficulty=true&university=五邑大学", "sup.city", "text/csv");

        List<JsonNode> entries = mark.entries("action=EXPORT&actor=sup.city");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("scope").asText())
                .isEqualTo("district=" + ENPING + " graduationYear=" + f.year + " inDifficulty=true university=WYU");
        assertThat(entries.get(0).path("rows").asInt()).isEqualTo(2);
    }

    @Test
    void anUnknownUniversityIsRefusedNamingTheFieldBeforeAnythingIsWritten() {
        for (String accept : List.of("text/csv", XLSX)) {
            ResponseEntity<byte[]> answer = download("/api/reports/ledger?university=NOWHERE", "sup.city", accept);

            assertThat(answer.getStatusCode().value()).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(new String(answer.getBody(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"field\":\"university\"");
        }
    }

    @Test
    void aDistrictSupervisorsFilteredExportStaysInTheirDistrictAndCounselorsHaveNone() {
        fixture();
        String filtered = "/api/reports/ledger?graduationYear=" + f.year + "&university=WYU&inDifficulty=true";

        assertThat(readCsv(download(filtered, "sup.pengjiang", "text/csv").getBody())).hasSize(1); // the header only
        assertThat(download(filtered + "&district=" + ENPING, "sup.pengjiang", "text/csv").getStatusCode().value())
                .isEqualTo(404);
        assertThat(download(filtered, "counselor.wyu", "text/csv").getStatusCode().value()).isEqualTo(403);
    }

    /** The query itself, page by page after the last id (keyset), for one university in difficulty. */
    @Test
    void theFilteredQueryPagesInIdOrder() {
        fixture();
        var filter = new ReportQueries.LedgerFilter(new ReportQueries.Filter(ENPING, f.year), true, "WYU");

        List<ReportQueries.LedgerRow> first = queries.ledgerRows(filter, 0, 1);
        List<ReportQueries.LedgerRow> second = queries.ledgerRows(filter, first.get(0).id(), 1);
        List<ReportQueries.LedgerRow> third = queries.ledgerRows(filter, second.get(0).id(), 1);

        assertThat(first).extracting(ReportQueries.LedgerRow::id).containsExactly(a);
        assertThat(second).extracting(ReportQueries.LedgerRow::id).containsExactly(e);
        assertThat(third).isEmpty();
    }

    private List<String> names(String path) {
        return readCsv(download(path, "sup.city", "text/csv").getBody()).stream().skip(1).map(r -> r.get(1)).toList();
    }

    private ResponseEntity<byte[]> download(String path, String user, String accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setAccept(List.of(MediaType.parseMediaType(accept)));
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }
}
