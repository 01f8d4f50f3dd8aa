package org.leye.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;
import static org.leye.casework.support.TestGraduates.graduate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@link CaseLifecycle#handOver} for a graduate who has a 131 case already (the assistance's
 * usual path, opening a new case, is in {@code assistance.AssistanceApiContract}): the case is
 * flagged with the hand-over priority, its open tasks too, and a closed case is reopened.
 */
@IntegrationTest
class HandOverTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    CaseLifecycle lifecycle;

    @Autowired
    TransactionTemplate tx;

    Api cw() {
        return Api.as(rest, "cw.pengjiang");
    }

    void handOver(long graduateId) {
        tx.executeWithoutResult(s -> lifecycle.handOver(graduateId, "system",
                Map.of("assistance", "FZ-TEST")));
    }

    JsonNode ledger(long id) {
        return cw().get("/api/graduates/" + id + "/ledger").expect(200).json();
    }

    @Test
    void anOpenCaseIsFlaggedWithTheHandOverPriorityAndItsOpenTasksRiseToo() {
        JsonNode g = cw().post("/api/graduates", graduate("沈嘉禾", "440703")).expect(201).json();
        long id = g.path("id").asLong();
        String caseNumber = g.path("caseNumber").asText();

        handOver(id);

        JsonNode tasks = cw().get("/api/tasks?scope=all&q=" + caseNumber).expect(200).json().path("content");
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("priority").asInt()).isEqualTo(CaseFile.PRIORITY_HANDED_OVER);
        JsonNode l = ledger(id);
        List<String> types = new ArrayList<>();
        l.path("entries").forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).containsExactly("REGISTERED", "HANDED_OVER");
        assertThat(l.path("entries").get(1).path("details").path("case").asText()).isEqualTo("FLAGGED");
        assertThat(l.path("case").path("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(l.path("graduate").path("sources").toString()).contains("ASSISTANCE");
    }

    @Test
    void aClosedCaseIsReopened() {
        JsonNode g = cw().post("/api/graduates", graduate("陆一鸣", "440703")).expect(201).json();
        long id = g.path("id").asLong();
        Api.as(rest, "sup.pengjiang").post("/api/graduates/" + id + "/case/close",
                map("reason", "REFUSED_SERVICE_THREE_TIMES", "note", "本人拒绝")).expect(200);

        handOver(id);

        JsonNode l = ledger(id);
        assertThat(l.path("case").path("status").asText()).isEqualTo("OPEN");
        assertThat(l.path("entries").get(l.path("entries").size() - 1).path("details").path("case").asText())
                .isEqualTo("REOPENED");
        JsonNode tasks = cw().get("/api/tasks?scope=all&q=" + g.path("caseNumber").asText()).expect(200).json()
                .path("content");
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("type").asText()).isEqualTo("FIRST_CONTACT");
        assertThat(tasks.get(0).path("priority").asInt()).isEqualTo(CaseFile.PRIORITY_HANDED_OVER);
    }
}
