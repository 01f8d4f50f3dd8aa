package org.leye.casework.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;
import static org.leye.casework.support.TestGraduates.graduate;
import static org.leye.casework.support.TestGraduates.with;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.leye.casework.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** The JPA task list over HTTP: filters, sorting, paging, scope, claim; run on H2 and on MySQL. */
abstract class TaskListContract {

    @Autowired
    TestRestTemplate rest;

    Api cw() {
        return Api.as(rest, "cw.pengjiang");
    }

    String register(String name, String district, Api as, List<String> difficulties) {
        return as.post("/api/graduates", with(graduate(name, district), "difficulties", difficulties)).expect(201)
                .json().path("caseNumber").asText();
    }

    List<JsonNode> content(JsonNode page) {
        List<JsonNode> list = new ArrayList<>();
        page.path("content").forEach(list::add);
        return list;
    }

    String firstTask(String caseNumber) {
        return cw().get("/api/tasks?q=" + caseNumber).expect(200).json().path("content").get(0).path("id").asText();
    }

    @Test
    void anotherDistrictsTasksAreInvisible() {
        String taishanCase = register("司徒锦华", "440781", Api.as(rest, "cw.taishan"), List.of());
        assertThat(cw().get("/api/tasks?q=" + taishanCase).expect(200).json().path("totalElements").asLong()).isZero();
        String taishanTask = Api.as(rest, "cw.taishan").get("/api/tasks?q=" + taishanCase).json().path("content")
                .get(0).path("id").asText();
        cw().get("/api/tasks/" + taishanTask).expect(404);
        cw().post("/api/tasks/" + taishanTask + "/claim", null).expect(404);
        for (JsonNode t : content(cw().get("/api/tasks?scope=all&size=200").json())) {
            assertThat(t.path("district").asText()).isEqualTo("440703");
        }
        assertThat(Api.as(rest, "sup.city").get("/api/tasks?q=" + taishanCase).json().path("totalElements").asLong())
                .isEqualTo(1);
    }

    @Test
    void mineCandidateAndClaimByAnotherUser() {
        String caseNumber = register("杨宇航", "440703", cw(), List.of());
        String task = firstTask(caseNumber);
        assertThat(content(cw().get("/api/tasks?scope=candidate&size=200&q=" + caseNumber).json())).hasSize(1);

        cw().post("/api/tasks/" + task + "/claim", null).expect(204);
        assertThat(content(cw().get("/api/tasks?scope=mine&size=200&q=" + caseNumber).json())).hasSize(1);
        assertThat(content(cw().get("/api/tasks?scope=candidate&size=200&q=" + caseNumber).json())).isEmpty();
        assertThat(cw().get("/api/tasks/" + task).json().path("assignee").asText()).isEqualTo("cw.pengjiang");

        Api other = Api.as(rest, "cw.pengjiang2");
        assertThat(content(other.get("/api/tasks?scope=mine&size=200&q=" + caseNumber).json())).isEmpty();
        other.post("/api/tasks/" + task + "/claim", null).expect(409);
        other.post("/api/tasks/" + task + "/complete", map("reached", true, "willingness", "WANTS_JOB")).expect(409);
        other.post("/api/tasks/" + task + "/unclaim", null).expect(409);

        cw().post("/api/tasks/" + task + "/unclaim", null).expect(204);
        other.post("/api/tasks/" + task + "/claim", null).expect(204);
        other.post("/api/tasks/" + task + "/complete", map("reached", true, "willingness", "WANTS_JOB")).expect(204);
    }

    @Test
    void filtersByTypePriorityAndOverdue() {
        String normal = register("赵梓涵", "440703", cw(), List.of());
        String difficult = register("赵俊杰", "440703", cw(), List.of("ZERO_EMPLOYMENT", "DISABILITY"));
        cw().post("/api/tasks/" + firstTask(normal) + "/complete", map("reached", true, "willingness", "WANTS_JOB"))
                .expect(204);

        List<JsonNode> guidance = content(cw().get("/api/tasks?type=GUIDANCE&size=200&q=" + normal).json());
        assertThat(guidance).hasSize(1);
        assertThat(content(cw().get("/api/tasks?type=FIRST_CONTACT&size=200&q=" + normal).json())).isEmpty();

        List<JsonNode> high = content(cw().get("/api/tasks?priority=80&size=200&q=赵").json());
        assertThat(high).extracting(t -> t.path("caseNumber").asText()).contains(difficult).doesNotContain(normal);
        assertThat(content(cw().get("/api/tasks?overdue=true&size=200&q=" + normal).json())).isEmpty();
        cw().get("/api/tasks?type=NOPE").expect(400);
        cw().get("/api/tasks?scope=everything").expect(400);
        cw().get("/api/tasks?sort=name").expect(400);
    }

    @Test
    void sortsByPriorityThenDueAndPages() {
        register("钱一", "440703", cw(), List.of());
        register("钱二", "440703", cw(), List.of("POVERTY_ALLEVIATED"));
        List<JsonNode> byPriority = content(cw().get("/api/tasks?sort=priority&size=200").json());
        for (int i = 1; i < byPriority.size(); i++) {
            int before = byPriority.get(i - 1).path("priority").asInt();
            int after = byPriority.get(i).path("priority").asInt();
            assertThat(before).isGreaterThanOrEqualTo(after);
            if (before == after) {
                assertThat(due(byPriority.get(i - 1))).isBeforeOrEqualTo(due(byPriority.get(i)));
            }
        }
        List<JsonNode> byDue = content(cw().get("/api/tasks?sort=due&size=200").json());
        for (int i = 1; i < byDue.size(); i++) {
            assertThat(due(byDue.get(i - 1))).isBeforeOrEqualTo(due(byDue.get(i)));
        }
        List<JsonNode> byCreated = content(cw().get("/api/tasks?sort=created&size=200").json());
        for (int i = 1; i < byCreated.size(); i++) {
            assertThat(Instant.parse(byCreated.get(i - 1).path("created").asText()))
                    .isAfterOrEqualTo(Instant.parse(byCreated.get(i).path("created").asText()));
        }

        JsonNode page0 = cw().get("/api/tasks?size=1&page=0&sort=created").json();
        JsonNode page1 = cw().get("/api/tasks?size=1&page=1&sort=created").json();
        assertThat(page0.path("totalElements").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page0.path("content").get(0).path("id").asText())
                .isNotEqualTo(page1.path("content").get(0).path("id").asText());
        assertThat(page1.path("page").asInt()).isEqualTo(1);
    }

    @Test
    void searchByGraduateNameFindsTheirTasks() {
        String name = "蒋" + LocalDate.now().getDayOfYear() + "号";
        String caseNumber = register(name, "440703", cw(), List.of());
        List<JsonNode> found = content(cw().get("/api/tasks?q=" + name).json());
        assertThat(found).extracting(t -> t.path("caseNumber").asText()).contains(caseNumber);
    }

    private static Instant due(JsonNode task) {
        return Instant.parse(task.path("due").asText());
    }
}
