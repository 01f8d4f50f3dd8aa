package org.leye.casework.web;

import org.leye.casework.support.TestGraduates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.TestGraduates.graduate;
import static org.leye.casework.support.TestGraduates.with;

import org.junit.jupiter.api.Test;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/** The pages are scoped exactly like the API: another district's graduate is a 404 page, names are escaped. */
@IntegrationTest
class WebPagesScopeTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    long registerInPengjiang(String name) {
        JsonNode g = Api.as(rest, "cw.pengjiang").post("/api/graduates", graduate(name, "440703")).expect(201).json();
        return g.path("id").asLong();
    }

    @Test
    void anotherDistrictsGraduatePageIsNotFound() {
        long id = registerInPengjiang("范围测试" + TestGraduates.tag());
        WebSession taishan = WebSession.signedIn(port, "cw.taishan");

        ResponseEntity<String> page = taishan.page("/graduates/" + id);
        assertThat(page.getStatusCode().value()).isEqualTo(404);
        assertThat(page.getBody()).contains("未找到");
        assertThat(taishan.get("/graduates/" + id + "/diagram.svg").getStatusCode().value()).isEqualTo(404);
        assertThat(taishan.get("/graduates/" + id + "/process.bpmn").getStatusCode().value()).isEqualTo(404);
        assertThat(taishan.get("/graduates/" + id + "/activities").getStatusCode().value()).isEqualTo(404);
        assertThat(taishan.page("/graduates/999999999").getStatusCode().value()).isEqualTo(404);

        WebSession pengjiang = WebSession.signedIn(port, "cw.pengjiang");
        ResponseEntity<String> own = pengjiang.page("/graduates/" + id);
        assertThat(own.getStatusCode().value()).isEqualTo(200);
        assertThat(own.getBody()).containsPattern("id=\"current-steps\">[\\s\\S]*?<strong>首次联系</strong>");
        ResponseEntity<String> svg = pengjiang.get("/graduates/" + id + "/diagram.svg");
        assertThat(svg.getStatusCode().value()).isEqualTo(200);
        assertThat(svg.getBody()).startsWith("<svg").contains("<g data-active=\"true\" data-id=\"firstContact\">");
    }

    @Test
    void anotherDistrictsTaskIsNotFoundAndCannotBeCompleted() {
        long id = registerInPengjiang("任务范围" + TestGraduates.tag());
        JsonNode tasks = Api.as(rest, "cw.pengjiang").get("/api/tasks?scope=all&q=" + caseNumber(id)).expect(200).json();
        String taskId = tasks.path("content").get(0).path("id").asText();
        WebSession taishan = WebSession.signedIn(port, "cw.taishan");

        assertThat(taishan.page("/tasks/" + taskId).getStatusCode().value()).isEqualTo(404);
        var form = new LinkedMultiValueMap<String, String>();
        form.add("reached", "true");
        form.add("willingness", "WANTS_JOB");
        assertThat(taishan.post("/tasks/" + taskId + "/complete", form, "/inbox").getStatusCode().value())
                .isEqualTo(404);
        assertThat(Api.as(rest, "cw.pengjiang").get("/api/tasks/" + taskId).expect(200).json().path("id").asText())
                .isEqualTo(taskId);
    }

    @Test
    void pagesOfAnotherRoleAreNotFound() {
        WebSession counselor = WebSession.signedIn(port, "counselor.wyu");
        assertThat(counselor.page("/dashboard").getStatusCode().value()).isEqualTo(404);
        assertThat(counselor.page("/employers").getStatusCode().value()).isEqualTo(404);
        WebSession caseworker = WebSession.signedIn(port, "cw.pengjiang");
        assertThat(caseworker.page("/dashboard").getStatusCode().value()).isEqualTo(404);
        assertThat(caseworker.page("/students").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void namesWithMarkupAreEscaped() {
        String name = "<script>alert(1)</script>";
        JsonNode g = Api.as(rest, "cw.pengjiang")
                .post("/api/graduates", with(graduate("占位", "440703"), "name", name)).expect(201).json();
        WebSession pengjiang = WebSession.signedIn(port, "cw.pengjiang");
        String page = pengjiang.page("/graduates/" + g.path("id").asLong()).getBody();
        assertThat(page).doesNotContain(name).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void languageSwitchesToEnglishForPagesWhileTheApiFollowsAcceptLanguage() {
        WebSession session = WebSession.signedIn(port, "cw.pengjiang");
        assertThat(session.page("/inbox").getBody()).contains("待办任务");
        assertThat(session.page("/inbox?lang=en").getBody()).contains("Tasks").doesNotContain("待办任务");
        assertThat(session.page("/inbox").getBody()).as("the choice is kept").contains("Tasks");
        // the API ignores the page language: a Chinese problem without Accept-Language
        String problem = session.http.get().uri("/api/graduates/999999999").retrieve().body(String.class);
        assertThat(problem).contains("未找到毕业生");
    }

    @Test
    void logoutEndsTheSession() {
        WebSession session = WebSession.signedIn(port, "cw.pengjiang");
        assertThat(session.page("/inbox").getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> out = session.post("/logout", new LinkedMultiValueMap<>(), "/inbox");
        assertThat(out.getStatusCode().value()).as(out.getBody()).isEqualTo(302);
        assertThat(out.getHeaders().getLocation().toString()).contains("/login?logout");
        assertThat(session.page("/inbox").getStatusCode().value()).isEqualTo(302);
    }

    @Test
    void assistancePagesAreScopedLikeTheApiAndTheirFormsNeedTheCsrfToken() {
        JsonNode a = Api.as(rest, "counselor.wyu").post("/api/assistance", org.leye.casework.support.Api.map(
                "name", "帮扶范围" + TestGraduates.tag(), "idNumber",
                org.leye.casework.support.TestGraduates.idNumber("440703", org.leye.casework.graduates.Gender.MALE),
                "gender", "MALE", "phone", org.leye.casework.support.TestGraduates.phone(), "university", "五邑大学",
                "degree", "BACHELOR", "graduationYear", java.time.Year.now().getValue() + 1, "district", "440703",
                "difficulties", java.util.List.of("OTHER"), "evidence", "学院认定")).expect(201).json();
        long id = a.path("id").asLong();
        assertThat(WebSession.signedIn(port, "counselor.wyu").page("/assistance/" + id).getStatusCode().value())
                .isEqualTo(200);
        // another university, a helper not named, a district before hand-over: all as unknown
        for (String user : java.util.List.of("counselor.jmpt", "teacher.wyu", "cw.pengjiang")) {
            ResponseEntity<String> page = WebSession.signedIn(port, user).page("/assistance/" + id);
            assertThat(page.getStatusCode().value()).as(user).isEqualTo(404);
        }
        WebSession caseworker = WebSession.signedIn(port, "cw.pengjiang");
        assertThat(caseworker.page("/assistance/new").getStatusCode().value()).isEqualTo(404);
        assertThat(caseworker.page("/handovers/new").getStatusCode().value()).isEqualTo(200);
        assertThat(WebSession.signedIn(port, "teacher.wyu").page("/handovers/new").getStatusCode().value())
                .isEqualTo(404);

        // a form sent without the token is refused before anything is registered
        WebSession counselor = WebSession.signedIn(port, "counselor.wyu");
        ResponseEntity<String> forged = counselor.http.post().uri("/assistance/new")
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .body("name=x&evidence=y").retrieve().toEntity(String.class);
        assertThat(forged.getStatusCode().value()).isEqualTo(403);
        assertThat(counselor.page("/assistance/new").getBody()).contains("name=\"_csrf\"");
        assertThat(counselor.page("/handovers/new").getBody()).contains("name=\"_csrf\"");
    }

    private String caseNumber(long id) {
        return Api.as(rest, "cw.pengjiang").get("/api/graduates/" + id).expect(200).json().path("caseNumber").asText();
    }
}
