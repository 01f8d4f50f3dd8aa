package org.leye.casework.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.TestGraduates.graduate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The supervisors' caseload page and the graduate page's owner form over real HTTP, with the
 * application's security and sessions: each caseworker's open work and the cases they answer for,
 * a caseworker's work and cases moved to another through the same service as the API, and one case's
 * responsible caseworker changed from the graduate's page. Caseworkers get the 404 page.
 */
@IntegrationTest
class CaseloadPageTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    record Case(long graduateId, String caseNumber, String firstTask) {
    }

    /** A Taishan case whose first contact cw.taishan has claimed: they own it. */
    Case ownedByTaishanCaseworker(String name) {
        Api cw = Api.as(rest, "cw.taishan");
        JsonNode g = cw.post("/api/graduates", graduate(name, "440781")).expect(201).json();
        String task = cw.get("/api/tasks?scope=all&q=" + g.path("caseNumber").asText()).json().path("content").get(0)
                .path("id").asText();
        cw.post("/api/tasks/" + task + "/claim", null).expect(204);
        return new Case(g.path("id").asLong(), g.path("caseNumber").asText(), task);
    }

    JsonNode caseOf(long graduateId) {
        return Api.as(rest, "sup.city").get("/api/graduates/" + graduateId + "/ledger").expect(200).json().path("case");
    }

    static String row(String page, String username) {
        Matcher m = Pattern.compile("<tr data-username=\"" + Pattern.quote(username) + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as("row of %s", username).isTrue();
        return m.group(1);
    }

    static long cell(String row, String css) {
        Matcher m = Pattern.compile("class=\"" + css + "\">(\\d+)<").matcher(row);
        assertThat(m.find()).as("cell %s", css).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aSupervisorSeesTheCasesEachCaseworkerAnswersForAndMovesThemToTheSameServiceAsTheApi() {
        Case c = ownedByTaishanCaseworker("页工作量");
        WebSession city = WebSession.signedIn(port, "sup.city");
        ResponseEntity<String> page = city.page("/caseload?district=440781");
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("工作量与转办").contains("id=\"reassign-form\"");
        assertThat(cell(row(page.getBody(), "cw.taishan"), "owned-cases")).isPositive();
        assertThat(cell(row(page.getBody(), "cw.taishan"), "open-tasks")).isPositive();

        // refused by the form's validation: the reason is required, nothing moves
        MultiValueMap<String, String> noReason = new LinkedMultiValueMap<>();
        noReason.add("fromAssignee", "cw.taishan");
        noReason.add("assignee", "");
        ResponseEntity<String> refused = city.post("/caseload/reassign?district=440781", noReason,
                "/caseload?district=440781");
        assertThat(refused.getStatusCode().value()).isEqualTo(200);
        assertThat(refused.getBody()).contains("id=\"reason-error\"");
        assertThat(caseOf(c.graduateId()).path("owner").asText()).isEqualTo("cw.taishan");

        // refused by the service: a caseworker of another district, named by its field
        MultiValueMap<String, String> wrong = new LinkedMultiValueMap<>();
        wrong.add("fromAssignee", "cw.taishan");
        wrong.add("assignee", "cw.pengjiang");
        wrong.add("reason", "调岗");
        ResponseEntity<String> notCaseworker = city.post("/caseload/reassign?district=440781", wrong,
                "/caseload?district=440781");
        assertThat(notCaseworker.getBody()).contains("id=\"assignee-error\"").contains("cw.pengjiang 不是 440781 的经办人");

        MultiValueMap<String, String> back = new LinkedMultiValueMap<>();
        back.add("fromAssignee", "cw.taishan");
        back.add("assignee", "");
        back.add("reason", "调岗");
        ResponseEntity<String> moved = city.post("/caseload/reassign?district=440781", back, "/caseload?district=440781");
        assertThat(moved.getStatusCode().value()).isEqualTo(302);
        assertThat(moved.getHeaders().getLocation().toString()).endsWith("/caseload?district=440781");
        String after = city.page("/caseload?district=440781").getBody();
        assertThat(after).contains("已转办（任务 / 案件）");
        assertThat(cell(row(after, "cw.taishan"), "owned-cases")).isZero();
        assertThat(caseOf(c.graduateId()).has("owner")).isFalse();
        JsonNode task = Api.as(rest, "sup.city").get("/api/tasks/" + c.firstTask()).json();
        assertThat(task.path("assignee").isMissingNode()).isTrue();
    }

    @Test
    void aDistrictSupervisorSeesTheirDistrictOnlyAndACaseworkerNotAtAll() {
        WebSession sup = WebSession.signedIn(port, "sup.pengjiang");
        String page = sup.page("/caseload").getBody();
        assertThat(page).contains("data-username=\"cw.pengjiang\"").doesNotContain("data-username=\"cw.taishan\"");
        assertThat(sup.page("/caseload?district=440781").getStatusCode().value()).isEqualTo(404);
        // as every page a role may not open: the 404 page
        assertThat(WebSession.signedIn(port, "cw.pengjiang").page("/caseload").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aSupervisorNamesACasesResponsibleCaseworkerOnTheGraduatesPage() {
        Api cw = Api.as(rest, "cw.pengjiang");
        JsonNode g = cw.post("/api/graduates", graduate("页换人", "440703")).expect(201).json();
        long id = g.path("id").asLong();
        String task = cw.get("/api/tasks?scope=all&q=" + g.path("caseNumber").asText()).json().path("content").get(0)
                .path("id").asText();
        cw.post("/api/tasks/" + task + "/claim", null).expect(204);

        WebSession sup = WebSession.signedIn(port, "sup.pengjiang");
        String page = sup.page("/graduates/" + id).getBody();
        assertThat(page).contains("id=\"case-owner\">cw.pengjiang<").contains("id=\"owner-form\"");

        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "cw.taishan");
        ResponseEntity<String> refused = sup.post("/graduates/" + id + "/owner", form, "/graduates/" + id);
        assertThat(refused.getStatusCode().value()).isEqualTo(302);
        assertThat(sup.page("/graduates/" + id).getBody()).contains("id=\"owner-problem\"")
                .contains("cw.taishan 不是 440703 的在岗经办人");

        MultiValueMap<String, String> change = new LinkedMultiValueMap<>();
        change.add("username", "cw.pengjiang2");
        change.add("reason", "均衡工作量");
        sup.post("/graduates/" + id + "/owner", change, "/graduates/" + id);
        assertThat(sup.page("/graduates/" + id).getBody()).contains("已更换责任经办人").contains("id=\"case-owner\">cw.pengjiang2<");
        assertThat(Api.as(rest, "sup.pengjiang").get("/api/tasks/" + task).json().path("assignee").asText())
                .isEqualTo("cw.pengjiang2");
        // the task page and the new owner's inbox ("mine") show it
        WebSession cw2 = WebSession.signedIn(port, "cw.pengjiang2");
        assertThat(cw2.page("/tasks/" + task).getBody()).contains("id=\"case-owner\">cw.pengjiang2<");
        assertThat(cw2.page("/inbox?scope=mine&sort=created").getBody()).contains("data-task-id=\"" + task + "\"")
                .contains("class=\"opt owner\">cw.pengjiang2<");

        // a caseworker sees the owner, not the form
        String cwPage = WebSession.signedIn(port, "cw.pengjiang").page("/graduates/" + id).getBody();
        assertThat(cwPage).contains("id=\"case-owner\">cw.pengjiang2<").doesNotContain("id=\"owner-form\"");
        MultiValueMap<String, String> byCaseworker = new LinkedMultiValueMap<>();
        byCaseworker.add("username", "cw.pengjiang");
        assertThat(WebSession.signedIn(port, "cw.pengjiang").post("/graduates/" + id + "/owner", byCaseworker,
                "/graduates/" + id).getStatusCode().value()).isEqualTo(404);
    }
}
