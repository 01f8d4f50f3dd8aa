package org.leye.casework.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.leye.casework.graduates.Gender;
import org.leye.casework.support.Api;
import org.leye.casework.support.TestGraduates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Calls over the real HTTP API that the assistance's contracts share: registering a student,
 * finding a task, naming a helper, a plan, firing a timer.
 */
abstract class AssistanceApiSupport {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    /** The business key of the assistance's disability track. */
    static String trackKey(JsonNode assistance) {
        return String.format("CL-%06d", assistance.path("id").asLong());
    }

    Api as(String user) {
        return Api.as(rest, user);
    }

    static Map<String, Object> student(String name, String district, List<String> difficulties) {
        return map("name", name, "idNumber", TestGraduates.idNumber(district, Gender.MALE), "gender", "MALE",
                "phone", TestGraduates.phone(), "university", "五邑大学", "major", "机械工程", "degree", "BACHELOR",
                "graduationYear", Year.now().getValue() + 1, "district", district, "difficulties", difficulties,
                "evidence", "低保证明（编号 DB-2025-0042），学院审核");
    }

    JsonNode register(String name, String district, String... difficulties) {
        return as("counselor.wyu").post("/api/assistance", student(name, district, List.of(difficulties))).expect(201)
                .json();
    }

    /**
     * The caller's tasks matching the query, newest first: a test's graduate was registered a moment
     * ago, so its tasks are on the first page however many the rest of the suite left open.
     */
    List<JsonNode> tasks(String user, String query) {
        String sort = query.contains("sort=") ? "" : "&sort=created";
        JsonNode page = as(user).get("/api/tasks?size=200&" + query + sort).expect(200).json();
        List<JsonNode> list = new ArrayList<>();
        page.path("content").forEach(list::add);
        return list;
    }

    String taskOf(String user, long graduateId, String type) {
        List<JsonNode> found = tasks(user, "scope=all&type=" + type).stream()
                .filter(t -> t.path("graduateId").asLong() == graduateId).toList();
        assertThat(found).as("%s task of graduate %d for %s", type, graduateId, user).hasSize(1);
        return found.get(0).path("id").asText();
    }

    String assignHelper(long graduateId, String helper, String kind) {
        String task = taskOf("counselor.wyu", graduateId, "ASSIGN_HELPER");
        as("counselor.wyu").post("/api/tasks/" + task + "/complete", map("helper", helper, "helperKind", kind))
                .expect(204);
        return task;
    }

    void plan(String helper, long graduateId) {
        as(helper).post("/api/tasks/" + taskOf(helper, graduateId, "ASSISTANCE_PLAN") + "/complete",
                map("needs", "求职技能与面试辅导", "targetJobs", "机械设计助理；质检员", "actions", "每两周面谈，推荐校招岗位"))
                .expect(204);
    }

    void fireTimer(String businessKey, String activityId) {
        String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
        Job job = management.createJobQuery().processInstanceId(pid).activityId(activityId).singleResult();
        assertThat(job).as("timer %s of %s", activityId, businessKey).isNotNull();
        management.executeJob(job.getId());
    }

    void followUp(String helper, long graduateId, String businessKey, String note, String... help) {
        fireTimer(businessKey, "followUpWait");
        as(helper).post("/api/tasks/" + taskOf(helper, graduateId, "ASSISTANCE_FOLLOW_UP") + "/complete",
                map("date", LocalDate.now().toString(), "contact", "MEETING", "help", List.of(help), "note", note))
                .expect(204);
    }

    static String key(JsonNode assistance) {
        return String.format("FZ-%06d", assistance.path("id").asLong());
    }

    static List<String> types(JsonNode ledger) {
        List<String> types = new ArrayList<>();
        ledger.path("entries").forEach(e -> types.add(e.path("type").asText()));
        return types;
    }
}
