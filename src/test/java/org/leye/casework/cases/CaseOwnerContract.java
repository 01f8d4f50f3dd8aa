package org.leye.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;
import static org.leye.casework.support.TestGraduates.graduate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;
import org.leye.casework.security.UserAccounts;
import org.leye.casework.shared.ApplicationCaller;
import org.leye.casework.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One caseworker per graduate (一对一) over the real HTTP API, the engine and the inbox in step: the
 * first caseworker to take a case's work owns the case, its later tasks go to them directly (to the
 * pool while there is none), a supervisor names another owner one case at a time or moves a
 * caseworker's cases in bulk, and an owner whose account changes answers for the cases no longer.
 * On H2 and on MySQL (its queries: the owner by the case's key, the cases of an owner, owned cases
 * per caseworker).
 */
abstract class CaseOwnerContract {

    static final CurrentUser ADMIN = new CurrentUser("admin", "管理员", Role.ADMIN, null, null);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TaskService taskService;

    @Autowired
    UserAccounts accounts;

    Api cw() {
        return Api.as(rest, "cw.pengjiang");
    }

    Api cw2() {
        return Api.as(rest, "cw.pengjiang2");
    }

    Api sup() {
        return Api.as(rest, "sup.pengjiang");
    }

    record Registered(long id, String caseNumber) {
    }

    Registered register(Api as, String name, String district) {
        JsonNode g = as.post("/api/graduates", graduate(name, district)).expect(201).json();
        return new Registered(g.path("id").asLong(), g.path("caseNumber").asText());
    }

    List<JsonNode> tasksOf(Api as, String caseNumber) {
        List<JsonNode> tasks = new ArrayList<>();
        as.get("/api/tasks?scope=all&size=200&q=" + caseNumber).expect(200).json().path("content").forEach(tasks::add);
        return tasks;
    }

    JsonNode onlyTask(Api as, String caseNumber, String type) {
        List<JsonNode> tasks = tasksOf(as, caseNumber).stream().filter(t -> t.path("type").asText().equals(type))
                .toList();
        assertThat(tasks).as("open %s tasks of %s", type, caseNumber).hasSize(1);
        return tasks.get(0);
    }

    String engineAssignee(String taskId) {
        return taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee();
    }

    JsonNode caseOf(Api as, long graduateId) {
        return as.get("/api/graduates/" + graduateId + "/ledger").expect(200).json().path("case");
    }

    List<JsonNode> entries(long graduateId, String type) {
        List<JsonNode> found = new ArrayList<>();
        sup().get("/api/graduates/" + graduateId + "/ledger").expect(200).json().path("entries")
                .forEach(e -> {
                    if (e.path("type").asText().equals(type)) {
                        found.add(e);
                    }
                });
        return found;
    }

    static List<String> ids(List<JsonNode> tasks) {
        return tasks.stream().map(t -> t.path("id").asText()).toList();
    }

    @Test
    void theFirstToClaimOwnsTheCaseAndItsNextTaskGoesToThemDirectly() {
        Registered g = register(cw(), "吴一对", "440703");
        JsonNode contact = onlyTask(cw(), g.caseNumber(), "FIRST_CONTACT");
        assertThat(contact.path("assignee").isMissingNode()).isTrue();
        assertThat(contact.has("owner")).isFalse();
        assertThat(cw().get("/api/graduates/" + g.id()).json().has("owner")).isFalse();

        String id = contact.path("id").asText();
        cw().post("/api/tasks/" + id + "/claim", null).expect(204);
        assertThat(cw().get("/api/tasks/" + id).json().path("owner").asText()).isEqualTo("cw.pengjiang");
        assertThat(cw().get("/api/graduates/" + g.id()).json().path("owner").asText()).isEqualTo("cw.pengjiang");
        JsonNode file = caseOf(cw(), g.id());
        assertThat(file.path("owner").asText()).isEqualTo("cw.pengjiang");
        assertThat(file.path("id").asLong()).isPositive();
        assertThat(entries(g.id(), "OWNER_CHANGED")).as("taking a case is no change of owner").isEmpty();

        cw().post("/api/tasks/" + id + "/complete", map("reached", true, "willingness", "WANTS_JOB")).expect(204);
        JsonNode guidance = onlyTask(cw(), g.caseNumber(), "GUIDANCE");
        assertThat(guidance.path("assignee").asText()).isEqualTo("cw.pengjiang");
        assertThat(guidance.path("owner").asText()).isEqualTo("cw.pengjiang");
        assertThat(engineAssignee(guidance.path("id").asText())).as("Tasklist agrees").isEqualTo("cw.pengjiang");
        // the owner's inbox holds it; nobody else's pool does
        assertThat(ids(tasksIn(cw(), "mine"))).contains(guidance.path("id").asText());
        assertThat(ids(tasksIn(cw2(), "candidate"))).doesNotContain(guidance.path("id").asText());
        cw2().post("/api/tasks/" + guidance.path("id").asText() + "/claim", null).expect(409);

        cw().post("/api/tasks/" + guidance.path("id").asText() + "/complete",
                map("date", LocalDate.now().toString(), "topic", "求职规划")).expect(204);
        List<JsonNode> services = tasksOf(cw(), g.caseNumber());
        assertThat(services).hasSize(4).allSatisfy(t -> {
            assertThat(t.path("assignee").asText()).isEqualTo("cw.pengjiang");
            assertThat(engineAssignee(t.path("id").asText())).isEqualTo("cw.pengjiang");
        });
    }

    List<JsonNode> tasksIn(Api as, String scope) {
        List<JsonNode> tasks = new ArrayList<>();
        as.get("/api/tasks?scope=" + scope + "&sort=created&size=200").expect(200).json().path("content")
                .forEach(tasks::add);
        return tasks;
    }

    @Test
    void withoutAnOwnerTheNextTaskGoesToThePoolAndASupervisorTakesNoCase() {
        Registered g = register(cw(), "吴无主", "440703");
        String contact = onlyTask(cw(), g.caseNumber(), "FIRST_CONTACT").path("id").asText();
        // completed without claiming it, and claimed by a supervisor: nobody took the case
        sup().post("/api/tasks/" + contact + "/claim", null).expect(204);
        sup().post("/api/tasks/" + contact + "/complete", map("reached", true, "willingness", "WANTS_JOB"))
                .expect(204);
        JsonNode guidance = onlyTask(cw(), g.caseNumber(), "GUIDANCE");
        assertThat(guidance.path("assignee").isMissingNode()).isTrue();
        assertThat(guidance.has("owner")).isFalse();
        assertThat(engineAssignee(guidance.path("id").asText())).isNull();
        assertThat(ids(tasksIn(cw2(), "candidate"))).contains(guidance.path("id").asText());
        assertThat(caseOf(cw(), g.id()).has("owner")).isFalse();

        cw().post("/api/tasks/" + guidance.path("id").asText() + "/complete",
                map("date", LocalDate.now().toString(), "topic", "求职规划")).expect(204);
        assertThat(tasksOf(cw(), g.caseNumber())).hasSize(4)
                .allSatisfy(t -> assertThat(t.path("assignee").isMissingNode()).isTrue());
    }

    @Test
    void aSupervisorChangesTheOwnerAndTheOpenTasksGoWithIt() {
        Registered g = register(cw(), "吴换人", "440703");
        String contact = onlyTask(cw(), g.caseNumber(), "FIRST_CONTACT").path("id").asText();
        cw().post("/api/tasks/" + contact + "/claim", null).expect(204);
        cw().post("/api/tasks/" + contact + "/complete", map("reached", true, "willingness", "WANTS_JOB")).expect(204);
        String guidance = onlyTask(cw(), g.caseNumber(), "GUIDANCE").path("id").asText();
        long caseId = caseOf(cw(), g.id()).path("id").asLong();

        JsonNode changed = sup().exchange(org.springframework.http.HttpMethod.PUT, "/api/cases/" + caseId + "/owner",
                map("username", "cw.pengjiang2", "reason", "陈静调岗")).expect(200).json();
        assertThat(changed.path("owner").asText()).isEqualTo("cw.pengjiang2");
        assertThat(changed.path("caseNumber").asText()).isEqualTo(g.caseNumber());
        assertThat(engineAssignee(guidance)).isEqualTo("cw.pengjiang2");
        JsonNode task = cw2().get("/api/tasks/" + guidance).expect(200).json();
        assertThat(task.path("assignee").asText()).isEqualTo("cw.pengjiang2");
        assertThat(task.path("owner").asText()).isEqualTo("cw.pengjiang2");
        assertThat(cw().get("/api/graduates/" + g.id()).json().path("owner").asText()).isEqualTo("cw.pengjiang2");

        List<JsonNode> audited = entries(g.id(), "OWNER_CHANGED");
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0).path("actor").asText()).isEqualTo("sup.pengjiang");
        assertThat(audited.get(0).path("details").path("from").asText()).isEqualTo("cw.pengjiang");
        assertThat(audited.get(0).path("details").path("to").asText()).isEqualTo("cw.pengjiang2");
        assertThat(audited.get(0).path("details").path("reason").asText()).isEqualTo("陈静调岗");
        assertThat(audited.get(0).path("details").path("tasks").get(0).asText()).isEqualTo(guidance);

        // the next tasks go to the new owner
        cw2().post("/api/tasks/" + guidance + "/complete", map("date", LocalDate.now().toString(), "topic", "求职规划"))
                .expect(204);
        assertThat(tasksOf(cw(), g.caseNumber())).hasSize(4)
                .allSatisfy(t -> assertThat(t.path("assignee").asText()).isEqualTo("cw.pengjiang2"));
    }

    @Test
    void anOwnerMustBeAnEnabledCaseworkerOfTheCasesDistrictAndTheCaseInTheSupervisorsScope() {
        Registered g = register(cw(), "吴拒绝", "440703");
        long caseId = caseOf(cw(), g.id()).path("id").asLong();
        String path = "/api/cases/" + caseId + "/owner";
        var put = org.springframework.http.HttpMethod.PUT;

        for (String notOne : List.of("cw.taishan", "sup.pengjiang", "counselor.wyu", "nobody.here")) {
            JsonNode refused = sup().exchange(put, path, map("username", notOne)).expect(422).json();
            assertThat(refused.path("username").asText()).isEqualTo(notOne);
        }
        JsonNode blank = sup().exchange(put, path, map("username", " ")).expect(400).json();
        assertThat(blank.path("errors").get(0).path("field").asText()).isEqualTo("username");
        cw().exchange(put, path, map("username", "cw.pengjiang")).expect(403);
        sup().exchange(put, "/api/cases/999999999/owner", map("username", "cw.pengjiang")).expect(404);

        Registered taishan = register(Api.as(rest, "cw.taishan"), "吴台山", "440781");
        long taishanCase = caseOf(Api.as(rest, "cw.taishan"), taishan.id()).path("id").asLong();
        sup().exchange(put, "/api/cases/" + taishanCase + "/owner", map("username", "cw.taishan")).expect(404);
        Api.as(rest, "sup.city").exchange(put, "/api/cases/" + taishanCase + "/owner", map("username", "cw.taishan"))
                .expect(200);
        assertThat(caseOf(Api.as(rest, "cw.taishan"), taishan.id()).path("owner").asText()).isEqualTo("cw.taishan");
        assertThat(caseOf(cw(), g.id()).has("owner")).isFalse();
        assertThat(entries(g.id(), "OWNER_CHANGED")).isEmpty();
    }

    @Test
    void aBulkReassignmentMovesTheCasesWithTheirWork() {
        Registered g = register(cw(), "吴批量", "440703");
        String contact = onlyTask(cw(), g.caseNumber(), "FIRST_CONTACT").path("id").asText();
        cw().post("/api/tasks/" + contact + "/claim", null).expect(204);

        JsonNode moved = sup().post("/api/tasks/reassign",
                map("taskIds", List.of(contact), "assignee", "cw.pengjiang2", "reason", "均衡工作量")).expect(200).json();
        assertThat(moved.path("reassigned").asInt()).isEqualTo(1);
        assertThat(moved.path("cases").asInt()).isEqualTo(1);
        assertThat(caseOf(cw(), g.id()).path("owner").asText()).isEqualTo("cw.pengjiang2");
        List<JsonNode> audited = entries(g.id(), "OWNER_CHANGED");
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0).path("details").path("from").asText()).isEqualTo("cw.pengjiang");
        assertThat(audited.get(0).path("details").path("reason").asText()).isEqualTo("均衡工作量");

        JsonNode cw2Load = caseworker(sup().get("/api/caseload").expect(200).json(), "cw.pengjiang2");
        assertThat(cw2Load.path("ownedCases").asLong()).isPositive();

        cw2().post("/api/tasks/" + contact + "/complete", map("reached", true, "willingness", "WANTS_JOB")).expect(204);
        assertThat(onlyTask(cw(), g.caseNumber(), "GUIDANCE").path("assignee").asText()).isEqualTo("cw.pengjiang2");

        // all of a caseworker's work back to the pool: their cases too, a case without an open task among them
        Api taishanCw = Api.as(rest, "cw.taishan");
        Registered t = register(taishanCw, "吴回池", "440781");
        String tContact = onlyTask(taishanCw, t.caseNumber(), "FIRST_CONTACT").path("id").asText();
        taishanCw.post("/api/tasks/" + tContact + "/claim", null).expect(204);
        JsonNode back = Api.as(rest, "sup.city").post("/api/tasks/reassign",
                map("fromAssignee", "cw.taishan", "assignee", null, "reason", "调离")).expect(200).json();
        assertThat(back.path("cases").asInt()).isPositive();
        assertThat(caseOf(taishanCw, t.id()).has("owner")).isFalse();
        assertThat(engineAssignee(tContact)).isNull();
    }

    static JsonNode caseworker(JsonNode caseload, String username) {
        for (JsonNode w : caseload.path("caseworkers")) {
            if (w.path("username").asText().equals(username)) {
                return w;
            }
        }
        throw new AssertionError(username + " not in the caseload");
    }

    @Test
    void anOwnerDisabledOrMovedAnswersForTheCasesNoLongerAndNewTasksGoToThePool() {
        Api taishanCw = Api.as(rest, "cw.taishan");
        Registered g = register(taishanCw, "吴停用", "440781");
        String contact = onlyTask(taishanCw, g.caseNumber(), "FIRST_CONTACT").path("id").asText();
        taishanCw.post("/api/tasks/" + contact + "/claim", null).expect(204);
        assertThat(caseOf(taishanCw, g.id()).path("owner").asText()).isEqualTo("cw.taishan");
        try {
            accounts.disable("cw.taishan", ADMIN);
            Api city = Api.as(rest, "sup.city");
            assertThat(caseOf(city, g.id()).has("owner")).isFalse();
            assertThat(city.get("/api/graduates/" + g.id()).json().has("owner")).isFalse();
            JsonNode cleared = city.get("/api/graduates/" + g.id() + "/ledger").json().path("entries");
            JsonNode last = cleared.get(cleared.size() - 1);
            assertThat(last.path("type").asText()).isEqualTo("OWNER_CHANGED");
            assertThat(last.path("actor").asText()).isEqualTo("admin");
            assertThat(last.path("details").path("from").asText()).isEqualTo("cw.taishan");
            assertThat(last.path("details").path("cause").asText()).isEqualTo("ACCOUNT_CHANGED");

            // the task goes on (the application completes it in the engine): its next one is the pool's
            ApplicationCaller.run(() -> taskService.complete(contact, Map.of("reached", true, "willingness", "WANTS_JOB")));
            Task guidance = taskService.createTaskQuery().processInstanceBusinessKey(g.caseNumber()).singleResult();
            assertThat(guidance.getAssignee()).isNull();
            assertThat(city.get("/api/tasks/" + guidance.getId()).json().path("assignee").isMissingNode()).isTrue();
        } finally {
            accounts.enable("cw.taishan", ADMIN);
        }
    }

    @Test
    void aGraduateMovingToAnotherDistrictLeavesTheOwnerBehind() {
        Registered g = register(cw(), "吴搬家", "440703");
        String contact = onlyTask(cw(), g.caseNumber(), "FIRST_CONTACT").path("id").asText();
        cw().post("/api/tasks/" + contact + "/claim", null).expect(204);
        Api city = Api.as(rest, "sup.city");
        city.post("/api/graduates/" + g.id() + "/move", map("district", "440781", "reason", "户籍迁入台山")).expect(200);
        assertThat(caseOf(city, g.id()).has("owner")).isFalse();
        JsonNode task = city.get("/api/tasks/" + contact).expect(200).json();
        assertThat(task.path("assignee").isMissingNode()).isTrue();
        assertThat(task.has("owner")).isFalse();
    }
}
