package org.leye.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;
import static org.leye.casework.support.TestGraduates.graduate;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leye.casework.support.Api;
import org.leye.casework.support.AuditMark;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.leye.casework.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Calling the graduate from the first-contact task over real HTTP: the assignee caseworker's "show
 * number" on the task page (once, audited, nobody else), and the channel and outcome of the contact
 * in the ledger's pages.
 */
@IntegrationTest
class CallingTheGraduateTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    record Registered(long id, String phone, String contactTask) {
    }

    /** A graduate of 蓬江区 whose first contact cw.pengjiang has claimed. */
    Registered claimedByTheCaseworker() {
        Map<String, Object> body = graduate("致电" + TestGraduates.tag(), "440703");
        JsonNode g = Api.as(rest, "cw.pengjiang").post("/api/graduates", body).expect(201).json();
        JsonNode tasks = Api.as(rest, "cw.pengjiang")
                .get("/api/tasks?scope=all&type=FIRST_CONTACT&q=" + g.path("caseNumber").asText()).expect(200).json();
        String task = tasks.path("content").get(0).path("id").asText();
        Api.as(rest, "cw.pengjiang").post("/api/tasks/" + task + "/claim", null).expect(204);
        return new Registered(g.path("id").asLong(), (String) body.get("phone"), task);
    }

    static String masked(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }

    ResponseEntity<String> showNumber(WebSession session, String task) {
        return session.post("/tasks/" + task + "/phone", new LinkedMultiValueMap<>(), "/inbox");
    }

    List<JsonNode> identityReads(AuditMark mark, long graduateId) {
        return mark.entries("action=VIEW_IDENTITY&graduateId=" + graduateId);
    }

    @Test
    void theAssigneeCaseworkerSeesTheWholeNumberOnceAndEachShowingIsOneAuditEntry() {
        Registered g = claimedByTheCaseworker();
        WebSession caseworker = WebSession.signedIn(port, "cw.pengjiang");
        AuditMark mark = AuditMark.now(rest, jdbc);

        String page = caseworker.page("/tasks/" + g.contactTask()).getBody();
        assertThat(page).contains(masked(g.phone()), "id=\"show-phone\"").doesNotContain(g.phone());
        assertThat(identityReads(mark, g.id())).as("opening the page reads no identity").isEmpty();

        ResponseEntity<String> shown = showNumber(caseworker, g.contactTask());
        assertThat(shown.getStatusCode().value()).isEqualTo(200);
        assertThat(shown.getBody()).contains("href=\"tel:" + g.phone() + "\"", "id=\"phone-shown\"")
                .doesNotContain(masked(g.phone()), "id=\"show-phone\"");
        assertThat(shown.getHeaders().getCacheControl()).as("no browser cache keeps the answer").contains("no-store");
        List<JsonNode> reads = identityReads(mark, g.id());
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0).path("actor").asText()).isEqualTo("cw.pengjiang");
        assertThat(reads.get(0).path("graduateId").asLong()).isEqualTo(g.id());

        // reloading shows the masked number again: nothing kept the whole one
        assertThat(caseworker.page("/tasks/" + g.contactTask()).getBody()).contains(masked(g.phone()))
                .doesNotContain(g.phone());
        assertThat(caseworker.page("/graduates/" + g.id()).getBody()).doesNotContain(g.phone());
        assertThat(identityReads(mark, g.id())).hasSize(1);

        showNumber(caseworker, g.contactTask());
        assertThat(identityReads(mark, g.id())).as("one entry per showing").hasSize(2);
    }

    @Test
    void anotherCaseworkerASupervisorAndACounselorGetTheNotFoundPageAndNothingIsAudited() {
        Registered g = claimedByTheCaseworker();
        AuditMark mark = AuditMark.now(rest, jdbc);
        for (String user : List.of("cw.pengjiang2", "sup.pengjiang", "sup.city", "counselor.wyu", "cw.taishan")) {
            WebSession session = WebSession.signedIn(port, user);
            ResponseEntity<String> refused = showNumber(session, g.contactTask());
            assertThat(refused.getStatusCode().value()).as(user).isEqualTo(404);
            assertThat(refused.getBody()).as(user).doesNotContain(g.phone());
            ResponseEntity<String> page = session.page("/tasks/" + g.contactTask());
            assertThat(page.getBody()).as(user).doesNotContain("id=\"show-phone\"");
        }
        assertThat(identityReads(mark, g.id())).isEmpty();
    }

    @Test
    void theGraduatesPageAndThePrintedLedgerNameTheContactsChannelAndOutcome() {
        Registered g = claimedByTheCaseworker();
        Api.as(rest, "cw.pengjiang").post("/api/tasks/" + g.contactTask() + "/complete",
                map("channel", "WECHAT", "outcome", "WRONG_NUMBER", "note", "微信称号码已停用")).expect(204);
        WebSession caseworker = WebSession.signedIn(port, "cw.pengjiang");

        assertThat(caseworker.page("/graduates/" + g.id()).getBody())
                .contains("联系渠道：微信", "结果：号码错误", "微信称号码已停用");
        assertThat(caseworker.page("/graduates/" + g.id() + "/ledger/print").getBody())
                .contains("联系渠道：微信", "结果：号码错误");
        assertThat(caseworker.page("/graduates/" + g.id() + "?lang=en").getBody())
                .contains("Channel: WeChat", "Outcome: Wrong number");
    }
}
