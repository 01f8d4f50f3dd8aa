package org.leye.casework.graduates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.leye.casework.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The form "登记困难类别" of a graduate's page, over HTTP with the sessions in the database: a
 * refused form comes back with each message by its field, a recorded one adds the categories (and
 * the bureau's helper step), a graduate outside the caller's scope is the 404 page.
 */
@IntegrationTest
class DifficultyPageTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Test
    void aCaseworkerRecordsDifficultiesFoundLaterOnTheGraduatesPage() {
        long id = Api.as(rest, "cw.pengjiang").post("/api/graduates",
                TestGraduates.graduate("困难表单" + TestGraduates.tag(), "440703")).expect(201).json().path("id").asLong();
        WebSession pengjiang = WebSession.signedIn(port, "cw.pengjiang");
        String page = "/graduates/" + id;
        assertThat(pengjiang.page(page).getBody()).contains("id=\"difficulties-form\"");

        var form = new LinkedMultiValueMap<String, String>();
        form.add("evidence", "   ");
        ResponseEntity<String> sent = pengjiang.post(page + "/difficulties", form, page);
        assertThat(sent.getStatusCode().value()).isEqualTo(302);
        assertThat(sent.getHeaders().getLocation().toString()).endsWith(page + "#difficulties-section");
        assertThat(pengjiang.page(page).getBody()).contains("id=\"difficulties-error\"")
                .contains("id=\"evidence-error\"");

        var outOfScope = new LinkedMultiValueMap<String, String>();
        outOfScope.add("difficulties", "OTHER");
        outOfScope.add("evidence", "其他困难");
        WebSession taishan = WebSession.signedIn(port, "cw.taishan");
        assertThat(taishan.post(page + "/difficulties", outOfScope, "/inbox").getStatusCode().value()).isEqualTo(404);

        form = new LinkedMultiValueMap<>();
        form.add("difficulties", "ZERO_EMPLOYMENT");
        form.add("difficulties", "OTHER");
        form.add("evidence", "社区摸排：家庭成员均无就业");
        sent = pengjiang.post(page + "/difficulties", form, page);
        assertThat(sent.getHeaders().getLocation().toString()).endsWith(page);
        assertThat(pengjiang.page(page).getBody()).contains("已登记困难类别。").doesNotContain("class=\"error\"");
        assertThat(Api.as(rest, "cw.pengjiang").get("/api/graduates/" + id).expect(200).json().path("difficulties")
                .toString()).contains("ZERO_EMPLOYMENT", "OTHER");
        assertThat(Api.as(rest, "cw.pengjiang").get("/api/tasks?scope=all&type=ASSIGN_HELPER&size=200").expect(200)
                .json().path("content").findValuesAsText("graduateId")).contains(String.valueOf(id));
    }
}
