package org.leye.casework.cohorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/** The cohorts' totals over HTTP: who may set them, what is refused, the upload's all-or-nothing. Each test its own year. */
@IntegrationTest
class CohortsApiTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    Api.Response put(String user, int year, String university, Object body) {
        return Api.as(rest, user).exchange(HttpMethod.PUT, "/api/cohorts/" + year + "/" + university, body);
    }

    Api.Response upload(String user, int year, String name, byte[] file) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        var r = rest.exchange("/api/cohorts/upload?graduationYear=" + year, HttpMethod.POST,
                new HttpEntity<>(parts, headers), String.class);
        return new Api.Response(r.getStatusCode().value(), r.getHeaders(), r.getBody());
    }

    long audited(int year) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'COHORT_CHANGED' AND scope LIKE ?",
                Long.class, "graduationYear=" + year + " %");
    }

    @Test
    void aCitySupervisorSetsAndCorrectsAUniversitysTotalsAndEachChangeIsAudited() {
        JsonNode set = put("sup.city", 2091, "WYU", map("graduates", 100, "placedAtLeaving", 80)).expect(200).json();
        assertThat(set.path("universityName").asText()).isEqualTo("五邑大学");
        assertThat(set.path("graduates").asInt()).isEqualTo(100);
        assertThat(set.path("placedAtLeaving").asInt()).isEqualTo(80);
        assertThat(set.path("updatedBy").asText()).isEqualTo("sup.city");
        put("admin", 2091, "wyu", map("graduates", 101, "placedAtLeaving", 80)).expect(200);
        put("admin", 2091, "WYU", map("graduates", 101, "placedAtLeaving", 80)).expect(200); // the same: no change

        JsonNode list = Api.as(rest, "sup.city").get("/api/cohorts?graduationYear=2091").expect(200).json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("graduates").asInt()).isEqualTo(101);
        assertThat(list.get(0).path("updatedBy").asText()).isEqualTo("admin");
        assertThat(audited(2091)).isEqualTo(2);
    }

    @Test
    void onlyTheCitysSupervisorsAndAdministratorsMaySeeOrSetTotals() {
        for (String user : List.of("sup.pengjiang", "cw.pengjiang", "counselor.wyu")) {
            put(user, 2092, "WYU", map("graduates", 10, "placedAtLeaving", 5)).expect(403);
            Api.as(rest, user).get("/api/cohorts?graduationYear=2092").expect(403);
        }
        assertThat(audited(2092)).isZero();
    }

    @Test
    void badTotalsAreRefusedNamingTheField() {
        JsonNode above = put("sup.city", 2093, "WYU", map("graduates", 10, "placedAtLeaving", 11)).expect(400).json();
        assertThat(above.path("errors").get(0).path("field").asText()).isEqualTo("placedAtLeaving");
        JsonNode negative = put("sup.city", 2093, "WYU", map("graduates", -1, "placedAtLeaving", 0)).expect(400).json();
        assertThat(negative.path("errors").get(0).path("field").asText()).isEqualTo("graduates");
        put("sup.city", 2093, "WYU", map("graduates", 10)).expect(400);
        JsonNode unknown = put("sup.city", 2093, "NOPE", map("graduates", 10, "placedAtLeaving", 1)).expect(404).json();
        assertThat(unknown.path("detail").asText()).contains("NOPE");
        assertThat(audited(2093)).isZero();
    }

    @Test
    void anUploadWithABadRowChangesNothingAndNamesEveryBadRow() {
        put("sup.city", 2094, "WYU", map("graduates", 50, "placedAtLeaving", 40)).expect(200);
        String csv = "2094届毕业生去向落实情况\n学校,毕业生总数,离校时已落实\n五邑大学,100,80\n江门职业技术学院,20,30\n某某学院,5,1\n";
        JsonNode refused = upload("sup.city", 2094, "totals.csv", csv.getBytes(StandardCharsets.UTF_8)).expect(400)
                .json();
        List<String> fields = refused.path("errors").findValuesAsText("field");
        assertThat(fields).containsExactly("rows[4].placedAtLeaving", "rows[5].university");
        JsonNode list = Api.as(rest, "sup.city").get("/api/cohorts?graduationYear=2094").expect(200).json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("graduates").asInt()).isEqualTo(50);
    }

    @Test
    void anUploadLoadsEveryRowAndLoadingItAgainChangesNothing() throws Exception {
        String csv = "学校代码,毕业生总数,离校时已落实\nWYU,100,80\n江門職業技術學院,20,15\n";
        JsonNode first = upload("sup.city", 2095, "totals.csv", csv.getBytes(StandardCharsets.UTF_8)).expect(200).json();
        assertThat(first.path("created").asInt()).isEqualTo(2);
        JsonNode again = upload("admin", 2095, "totals.csv", csv.getBytes(StandardCharsets.UTF_8)).expect(200).json();
        assertThat(again.path("unchanged").asInt()).isEqualTo(2);
        assertThat(again.path("created").asInt() + again.path("changed").asInt()).isZero();
        assertThat(audited(2095)).isEqualTo(2);

        // the same table as .xlsx, one figure corrected
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                var out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.createSheet("Sheet1");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("学校");
            header.createCell(1).setCellValue("毕业生总数");
            header.createCell(2).setCellValue("离校时已落实");
            Object[][] rows = { { "五邑大学", 100, 81 }, { "JMPT", 20, 15 } };
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue((String) rows[r][0]);
                row.createCell(1).setCellValue((Integer) rows[r][1]);
                row.createCell(2).setCellValue((Integer) rows[r][2]);
            }
            book.write(out);
            JsonNode xlsx = upload("sup.city", 2095, "totals.xlsx", out.toByteArray()).expect(200).json();
            assertThat(xlsx.path("changed").asInt()).isEqualTo(1);
            assertThat(xlsx.path("unchanged").asInt()).isEqualTo(1);
        }
        assertThat(audited(2095)).isEqualTo(3);
        upload("sup.pengjiang", 2095, "totals.csv", csv.getBytes(StandardCharsets.UTF_8)).expect(403);
    }
}
