package org.leye.casework.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.leye.casework.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * A graduate's printed ledger over HTTP (issue 20, item 7): the bureau's header, the masked identifiers
 * only, the services in time order, the 131 figures and the signature lines; out of scope the 404
 * page; each print a record view in the audit log, as the graduate's page.
 */
@IntegrationTest
class LedgerPrintPageTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    private record Served(long id, String caseNumber, String idNumber, String phone) {
    }

    /** A graduate of 蓬江区 reached (wants a job) and given one guidance session. */
    private Served served() {
        Map<String, Object> body = TestGraduates.graduate("打印" + TestGraduates.tag(), "440703");
        Api cw = Api.as(rest, "cw.pengjiang");
        JsonNode g = cw.post("/api/graduates", body).expect(201).json();
        String caseNumber = g.path("caseNumber").asText();
        cw.post("/api/tasks/" + task(cw, caseNumber, "FIRST_CONTACT") + "/complete",
                map("reached", true, "willingness", "WANTS_JOB", "note", "电话联系上")).expect(204);
        cw.post("/api/tasks/" + task(cw, caseNumber, "GUIDANCE") + "/complete",
                map("date", LocalDate.now().toString(), "topic", "求职规划", "note", "一对一面谈")).expect(204);
        return new Served(g.path("id").asLong(), caseNumber, (String) body.get("idNumber"), (String) body.get("phone"));
    }

    private static String task(Api api, String caseNumber, String type) {
        JsonNode page = api.get("/api/tasks?scope=all&size=200&q=" + caseNumber).expect(200).json();
        for (JsonNode t : page.path("content")) {
            if (t.path("type").asText().equals(type)) {
                return t.path("id").asText();
            }
        }
        throw new AssertionError("no open " + type + " task of " + caseNumber);
    }

    @Test
    void thePrintedLedgerHasTheHeaderTheMaskedRecordTheServicesInOrderAndTheSignatureLines() {
        Served g = served();
        JsonNode record = Api.as(rest, "cw.pengjiang").get("/api/graduates/" + g.id()).expect(200).json();

        ResponseEntity<String> answer = WebSession.signedIn(port, "cw.pengjiang")
                .page("/graduates/" + g.id() + "/ledger/print");

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        String page = answer.getBody();
        assertThat(page).contains("id=\"bureau\">江门市人力资源和社会保障局 · 蓬江区</p>")
                .contains("id=\"title\">高校毕业生实名服务台账</h1>")
                .contains("id=\"case-number\">" + g.caseNumber() + "<")
                .contains("id=\"id-number\">" + record.path("idNumber").asText() + "<")
                .contains("id=\"phone\">" + record.path("phone").asText() + "<")
                .contains("id=\"count-guidance\">1 / 1<").contains("id=\"count-referrals\">0 / 3<")
                .contains("id=\"count-training\">0 / 1<")
                .contains("经办人签字").contains("服务对象签字").contains("审核人签字")
                .contains("id=\"print\"").contains("/js/print.js").contains("@media print").contains("size: A4")
                .doesNotContain("<nav");
        assertThat(record.path("idNumber").asText()).contains("********");
        assertThat(page).as("never the whole values, nor the birth date the mask hides")
                .doesNotContain(g.idNumber()).doesNotContain(g.phone()).doesNotContain(g.idNumber().substring(6, 14));
        assertThat(types(page)).containsExactly("REGISTERED", "WILLINGNESS", "GUIDANCE");
        assertThat(page).contains("<td>职业指导</td>").contains("指导内容：求职规划").contains("<td>cw.pengjiang</td>");
        assertThat(times(page)).isSorted();
    }

    @Test
    void theGraduatesPageLinksToItAndItIsInBothLanguages() {
        Served g = served();
        WebSession session = WebSession.signedIn(port, "cw.pengjiang");

        assertThat(session.page("/graduates/" + g.id()).getBody())
                .contains("href=\"/graduates/" + g.id() + "/ledger/print\"");
        assertThat(session.page("/graduates/" + g.id() + "/ledger/print?lang=en").getBody())
                .contains("<html lang=\"en\">").contains("Real-name service ledger of a college graduate")
                .contains("Caseworker&#39;s signature").contains(">Print</button>").contains("<td>Career guidance</td>");
    }

    @Test
    void outsideTheScopeItIsNotFoundAndEachPrintIsARecordView() {
        Served g = served();
        String path = "/graduates/" + g.id() + "/ledger/print";

        assertThat(WebSession.signedIn(port, "cw.taishan").page(path).getStatusCode().value()).isEqualTo(404);
        assertThat(WebSession.signedIn(port, "counselor.jmpt").page(path).getStatusCode().value()).isEqualTo(404);
        assertThat(WebSession.signedIn(port, "sup.city").page(path).getStatusCode().value()).isEqualTo(200);

        JsonNode reads = Api.as(rest, "admin").get("/api/audit?action=VIEW_RECORD&graduateId=" + g.id()).expect(200)
                .json();
        assertThat(reads.path("totalElements").asLong()).isEqualTo(1);
        assertThat(reads.path("content").get(0).path("actor").asText()).isEqualTo("sup.city");
    }

    private static List<String> types(String page) {
        return all(Pattern.compile("<tr data-type=\"([A-Z_]+)\">"), page);
    }

    private static List<String> times(String page) {
        return all(Pattern.compile("<td class=\"at\">([^<]+)</td>"), page);
    }

    private static List<String> all(Pattern pattern, String page) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(page);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
