package org.leye.casework.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;
import static org.leye.casework.support.TestGraduates.graduate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.leye.casework.graduates.Degree;
import org.leye.casework.graduates.Gender;
import org.leye.casework.graduates.GraduateSummary;
import org.leye.casework.graduates.GraduateRegistry;
import org.leye.casework.graduates.RegisterGraduate;
import org.leye.casework.graduates.Source;
import org.leye.casework.ledger.Ledger;
import org.leye.casework.ledger.LedgerEntryView;
import org.leye.casework.ledger.LedgerEntryType;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;
import org.leye.casework.shared.ApplicationCaller;
import org.leye.casework.support.Api;
import org.leye.casework.support.TestGraduates;
import org.leye.casework.tasks.CaseTask;
import org.leye.casework.tasks.OpenTasks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** Caseload and bulk reassignment over HTTP, engine and inbox in step; on H2 and on MySQL. */
abstract class ReassignmentContract {

    static final CurrentUser CW = new CurrentUser("cw.pengjiang", "陈静", Role.CASEWORKER, "440703", null);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    GraduateRegistry registry;
    @Autowired
    TaskService taskService;
    @Autowired
    OpenTasks openTasks;
    @Autowired
    Ledger ledger;
    @Autowired
    TransactionTemplate tx;

    Api sup() {
        return Api.as(rest, "sup.pengjiang");
    }

    GraduateSummary register(String name) {
        Map<String, Object> b = graduate(name, "440703");
        return registry.register(new RegisterGraduate(name, (String) b.get("idNumber"), Gender.FEMALE,
                (String) b.get("phone"), "五邑大学", "会计学", Degree.BACHELOR, 2023, "440703", null, List.of(),
                Source.JOB_SEEKING_REGISTRATION, true), CW);
    }

    /**
     * Registers a graduate and completes first contact (wants a job) and guidance in the engine:
     * three parallel referrals and a training or internship are open. (As the application: the engine
     * refuses completions to anyone else.)
     */
    List<String> fourOpenTasks(String name) {
        GraduateSummary g = register(name);
        Task first = taskService.createTaskQuery().processInstanceBusinessKey(g.caseNumber()).singleResult();
        ApplicationCaller.run(() -> taskService.complete(first.getId(),
                Map.of("reached", true, "willingness", "WANTS_JOB")));
        Task guidance = taskService.createTaskQuery().processInstanceBusinessKey(g.caseNumber()).singleResult();
        ApplicationCaller.run(() -> taskService.complete(guidance.getId()));
        return taskService.createTaskQuery().processInstanceBusinessKey(g.caseNumber()).list().stream()
                .map(Task::getId).toList();
    }

    String firstTaskOf(GraduateSummary g) {
        return taskService.createTaskQuery().processInstanceBusinessKey(g.caseNumber()).singleResult().getId();
    }

    @Test
    void bulkReassignmentOf500TasksKeepsInboxAndEngineInStep() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 125; i++) {
            ids.addAll(fourOpenTasks("批量" + i));
        }
        assertThat(ids).hasSize(500);
        long unreadBefore = Api.as(rest, "cw.pengjiang2").get("/api/notifications/unread-count").json().path("unread")
                .asLong();

        JsonNode result = sup().post("/api/tasks/reassign",
                map("taskIds", ids, "assignee", "cw.pengjiang2", "reason", "经办人休假")).expect(200).json();
        assertThat(result.path("reassigned").asInt()).isEqualTo(500);
        assertInStep(ids, "cw.pengjiang2");

        List<Long> graduateIds = openTasks.withIds(ids).stream().map(CaseTask::getGraduateId).distinct().toList();
        List<LedgerEntryView> moves = ledger.of(graduateIds).stream().filter(e -> e.type() == LedgerEntryType.REASSIGNED)
                .toList();
        assertThat(moves).hasSize(500);
        Map<String, Object> details = moves.get(0).details();
        assertThat(details).containsEntry("to", "cw.pengjiang2").containsEntry("reason", "经办人休假")
                .doesNotContainKey("from");
        assertThat(moves.get(0).actor()).isEqualTo("sup.pengjiang");

        // the new assignee is told once, not 500 times
        Api cw2 = Api.as(rest, "cw.pengjiang2");
        assertThat(cw2.get("/api/notifications/unread-count").json().path("unread").asLong()).isEqualTo(unreadBefore + 1);
        JsonNode latest = cw2.get("/api/notifications?unread=true&size=1").json().path("content").get(0);
        assertThat(latest.path("kind").asText()).isEqualTo("TASK_ASSIGNED");
        assertThat(latest.path("text").asText()).contains("500");
        assertThat(latest.path("link").asText()).isEqualTo("/tasks?scope=mine");

        // all of a caseworker's open work back to the group
        JsonNode back = sup().post("/api/tasks/reassign",
                map("fromAssignee", "cw.pengjiang2", "assignee", null, "reason", "退回组内")).expect(200).json();
        assertThat(back.path("reassigned").asInt()).isGreaterThanOrEqualTo(500);
        assertInStep(ids, null);
    }

    void assertInStep(List<String> ids, String assignee) {
        Map<String, String> engine = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 200) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 200));
            taskService.createTaskQuery().taskIdIn(chunk.toArray(String[]::new)).list()
                    .forEach(t -> engine.put(t.getId(), String.valueOf(t.getAssignee())));
        }
        Map<String, String> inbox = openTasks.withIds(ids).stream()
                .collect(Collectors.toMap(CaseTask::getId, t -> String.valueOf(t.getAssignee())));
        assertThat(engine).hasSize(ids.size());
        assertThat(inbox).isEqualTo(engine);
        assertThat(inbox.values()).containsOnly(String.valueOf(assignee));
    }

    @Test
    void oneBadIdRefusesTheWholeRequest() {
        GraduateSummary a = register("全或无甲");
        GraduateSummary b = register("全或无乙");
        String ta = firstTaskOf(a);
        String tb = firstTaskOf(b);

        JsonNode unknown = sup().post("/api/tasks/reassign",
                map("taskIds", List.of(ta, "no-such-task"), "assignee", "cw.pengjiang2", "reason", "调整")).expect(404)
                .json();
        assertThat(unknown.path("detail").asText()).contains("no-such-task");
        assertThat(taskService.createTaskQuery().taskId(ta).singleResult().getAssignee()).isNull();

        Api.as(rest, "cw.pengjiang").post("/api/tasks/" + tb + "/complete", map("reached", true, "willingness",
                "WANTS_JOB")).expect(204);
        JsonNode completed = sup().post("/api/tasks/reassign",
                map("taskIds", List.of(ta, tb), "assignee", "cw.pengjiang2", "reason", "调整")).expect(409).json();
        assertThat(completed.path("detail").asText()).contains(tb);

        String taishan = Api.as(rest, "cw.taishan").post("/api/graduates", graduate("台山甲", "440781")).expect(201)
                .json().path("caseNumber").asText();
        String taishanTask = taskService.createTaskQuery().processInstanceBusinessKey(taishan).singleResult().getId();
        sup().post("/api/tasks/reassign", map("taskIds", List.of(ta, taishanTask), "assignee", "cw.pengjiang2",
                "reason", "调整")).expect(404);
        sup().post("/api/tasks/reassign", map("taskIds", List.of(ta), "assignee", "cw.taishan", "reason", "调整"))
                .expect(400);
        sup().post("/api/tasks/reassign", map("taskIds", List.of(ta), "assignee", "cw.pengjiang2")).expect(400);
        Api.as(rest, "cw.pengjiang").post("/api/tasks/reassign",
                map("taskIds", List.of(ta), "assignee", "cw.pengjiang2", "reason", "调整")).expect(403);
        assertThat(taskService.createTaskQuery().taskId(ta).singleResult().getAssignee()).isNull();
        assertThat(openTasks.withIds(List.of(ta)).get(0).getAssignee()).isNull();

        // the city supervisor may move the Taishan task to a Taishan caseworker
        Api.as(rest, "sup.city").post("/api/tasks/reassign", map("taskIds", List.of(taishanTask), "assignee",
                "cw.taishan", "reason", "调整")).expect(200);
        assertThat(openTasks.withIds(List.of(taishanTask)).get(0).getAssignee()).isEqualTo("cw.taishan");
    }

    @Test
    void aSingleMoveIsInTheLedgerAndTellsTheAssigneeWithALink() {
        GraduateSummary g = register("转派单个");
        String task = firstTaskOf(g);
        Api cw = Api.as(rest, "cw.pengjiang");
        cw.post("/api/tasks/" + task + "/claim", null).expect(204);
        // claiming oneself tells nobody
        assertThat(links(cw)).doesNotContain("/tasks/" + task);

        sup().post("/api/tasks/reassign", map("taskIds", List.of(task), "assignee", "cw.pengjiang2", "reason", "均衡工作量"))
                .expect(200);
        assertThat(links(Api.as(rest, "cw.pengjiang2"))).contains("/tasks/" + task);
        JsonNode entries = sup().get("/api/graduates/" + g.id() + "/ledger").json().path("entries");
        // the case went with its work to the new caseworker (一对一): the move, then the change of owner
        JsonNode owner = entries.get(entries.size() - 1);
        assertThat(owner.path("type").asText()).isEqualTo("OWNER_CHANGED");
        assertThat(owner.path("details").path("to").asText()).isEqualTo("cw.pengjiang2");
        JsonNode last = entries.get(entries.size() - 2);
        assertThat(last.path("type").asText()).isEqualTo("REASSIGNED");
        assertThat(last.path("actor").asText()).isEqualTo("sup.pengjiang");
        assertThat(last.path("details").path("from").asText()).isEqualTo("cw.pengjiang");
        assertThat(last.path("details").path("to").asText()).isEqualTo("cw.pengjiang2");
        assertThat(last.path("details").path("reason").asText()).isEqualTo("均衡工作量");
        assertThat(last.path("details").path("taskId").asText()).isEqualTo(task);
    }

    @Test
    void caseloadPerCaseworkerAndDistrict() {
        GraduateSummary g = register("工作量");
        String task = firstTaskOf(g);
        sup().post("/api/tasks/reassign", map("taskIds", List.of(task), "assignee", "cw.pengjiang2", "reason", "测试"))
                .expect(200);
        JsonNode load = sup().get("/api/caseload").expect(200).json();
        assertThat(load.path("district").asText()).isEqualTo("440703");
        assertThat(load.path("districts")).hasSize(1);
        JsonNode district = load.path("districts").get(0);
        assertThat(district.path("openCases").asLong()).isPositive();
        assertThat(district.path("openTasks").asLong()).isGreaterThanOrEqualTo(district.path("unassignedTasks").asLong());
        List<String> names = new ArrayList<>();
        JsonNode cw2 = null;
        for (JsonNode w : load.path("caseworkers")) {
            names.add(w.path("username").asText());
            if (w.path("username").asText().equals("cw.pengjiang2")) {
                cw2 = w;
            }
        }
        assertThat(names).contains("cw.pengjiang", "cw.pengjiang2").doesNotContain("cw.taishan");
        assertThat(cw2.path("openTasks").asLong()).isPositive();
        assertThat(cw2.path("openCases").asLong()).isPositive();
        assertThat(cw2.has("overdueTasks")).isTrue();

        sup().get("/api/caseload?district=440781").expect(400);
        assertThat(Api.as(rest, "sup.city").get("/api/caseload").expect(200).json().path("districts").size())
                .isGreaterThanOrEqualTo(7);
        Api.as(rest, "cw.pengjiang").get("/api/caseload").expect(403);
    }

    /** The caseload's entry of a user, or null when the caseload does not list them. */
    static JsonNode caseworker(JsonNode load, String username) {
        for (JsonNode w : load.path("caseworkers")) {
            if (w.path("username").asText().equals(username)) {
                return w;
            }
        }
        return null;
    }

    @Test
    void aDisabledCaseworkerTakesNoWorkAndIsListedOnlyForTheWorkTheyStillHold() {
        String username = "cw.off." + unique();
        Api admin = Api.as(rest, "admin");
        admin.post("/api/users", map("username", username, "displayName", "将停用", "role", "CASEWORKER",
                "district", "440703", "password", "first-password-1")).expect(201);
        assertThat(caseworker(sup().get("/api/caseload").expect(200).json(), username).path("available").asBoolean())
                .as("an enabled caseworker without work").isTrue();
        String held = firstTaskOf(register("停用前转入"));
        sup().post("/api/tasks/reassign", map("taskIds", List.of(held), "assignee", username, "reason", "分配"))
                .expect(200);

        admin.exchange(org.springframework.http.HttpMethod.PATCH, "/api/users/" + username, map("enabled", false))
                .expect(200);

        JsonNode listed = caseworker(sup().get("/api/caseload").expect(200).json(), username);
        assertThat(listed.path("available").asBoolean()).isFalse();
        assertThat(listed.path("openTasks").asLong()).isEqualTo(1);
        String another = firstTaskOf(register("停用后转入"));
        JsonNode refused = sup().post("/api/tasks/reassign", map("taskIds", List.of(another), "assignee", username,
                "reason", "分配")).expect(400).json();
        assertThat(refused.path("errors").get(0).path("field").asText()).isEqualTo("assignee");
        assertThat(openTasks.withIds(List.of(another)).get(0).getAssignee()).isNull();
        sup().post("/api/tasks/reassign", map("fromAssignee", username, "assignee", "cw.pengjiang2", "reason",
                "停用交接")).expect(200);
        assertThat(taskService.createTaskQuery().taskId(held).singleResult().getAssignee()).isEqualTo("cw.pengjiang2");
        assertThat(caseworker(sup().get("/api/caseload").expect(200).json(), username))
                .as("disabled, holding nothing: not listed").isNull();
    }

    static List<String> links(Api as) {
        List<String> links = new ArrayList<>();
        as.get("/api/notifications?size=200").json().path("content").forEach(n -> links.add(n.path("link").asText()));
        return links;
    }

    static String unique() {
        return TestGraduates.phone().substring(5);
    }
}
