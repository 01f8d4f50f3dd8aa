package org.leye.casework.cohorts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The cohorts page over real HTTP, with the application's security and its sessions in the database:
 * a city supervisor loads the education department's table (all or nothing) and corrects a row, and
 * the API reads what the page wrote. A graduation year of its own, so that no other test's report
 * counts it.
 */
@IntegrationTest
class CohortPageHttpTest {

    static final int YEAR = 2087;

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    ResponseEntity<String> upload(WebSession session, String csv) {
        String token = WebSession.csrf(session.page("/cohorts?graduationYear=" + YEAR).getBody());
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("graduationYear", String.valueOf(YEAR));
        form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "毕业生总数.csv";
            }
        });
        return session.http.post().uri("/cohorts/upload?_csrf={token}", token).accept(MediaType.TEXT_HTML)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().toEntity(String.class);
    }

    JsonNode totals() {
        return Api.as(rest, "sup.city").get("/api/cohorts?graduationYear=" + YEAR).expect(200).json();
    }

    @Test
    void aCitySupervisorLoadsTheTableAllOrNothingAndCorrectsARow() {
        WebSession city = WebSession.signedIn(port, "sup.city");

        // one bad row: the whole file refused, each bad row named, nothing written
        ResponseEntity<String> refused = upload(city, "学校,毕业生人数,离校时已落实\n五邑大学,5000,4000\n某大学,10,20\n");
        assertThat(refused.getStatusCode().value()).isEqualTo(200);
        assertThat(refused.getBody()).contains("id=\"row-errors\"").contains("data-row=\"3\"")
                .contains("不是已知学校的代码或名称：某大学").contains("离校时已落实人数不能多于毕业生总数（10）");
        assertThat(totals()).isEmpty();

        ResponseEntity<String> loaded = upload(city, "学校,毕业生人数,离校时已落实\n五邑大学,5000,4000\n江门职业技术学院,3600,2700\n");
        assertThat(loaded.getStatusCode().value()).isEqualTo(302);
        assertThat(loaded.getHeaders().getLocation().toString()).endsWith("/cohorts?graduationYear=" + YEAR);
        assertThat(city.page("/cohorts?graduationYear=" + YEAR).getBody())
                .contains("已导入：新增 2 所学校，更改 0 所，未变 0 所。").contains("5000").contains("2700");
        assertThat(totals()).hasSize(2);

        MultiValueMap<String, String> correction = new LinkedMultiValueMap<>();
        correction.add("graduationYear", String.valueOf(YEAR));
        correction.add("universityCode", "WYU");
        correction.add("graduates", "5100");
        correction.add("placedAtLeaving", "4050");
        ResponseEntity<String> saved = city.post("/cohorts", correction, "/cohorts?graduationYear=" + YEAR);
        assertThat(saved.getStatusCode().value()).isEqualTo(302);
        assertThat(city.page("/cohorts?graduationYear=" + YEAR).getBody()).contains("已保存五邑大学的毕业生总数。");
        JsonNode wyu = totals().get(1);
        assertThat(wyu.path("universityCode").asText()).isEqualTo("WYU");
        assertThat(wyu.path("graduates").asInt()).isEqualTo(5100);
        assertThat(wyu.path("placedAtLeaving").asInt()).isEqualTo(4050);
        assertThat(wyu.path("updatedBy").asText()).isEqualTo("sup.city");
    }

    @Test
    void aDistrictSupervisorGetsTheNotFoundPageAndNoNavigationEntry() {
        WebSession district = WebSession.signedIn(port, "sup.pengjiang");
        assertThat(district.page("/cohorts").getStatusCode().value()).isEqualTo(404);
        assertThat(district.page("/dashboard").getBody()).doesNotContain("href=\"/cohorts");
        assertThat(WebSession.signedIn(port, "admin").page("/dashboard").getBody()).contains("href=\"/cohorts\"");
    }
}
