package org.leye.casework.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.leye.casework.shared.ApplicationCaller;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Changes made through the engine's TaskService reach the inbox table in the same transaction. The
 * test makes them as the application would: the engine refuses them to anyone else.
 */
@IntegrationTest
class TaskSyncTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TaskService taskService;

    @Autowired
    CaseTasks caseTasks;

    @Test
    void dueDatePriorityAndAssigneeChangesInTheEngineReachTheTaskList() {
        // 新会区, and the priority put back at the end: other tests rank the tasks of their districts
        String caseNumber = Api.as(rest, "admin").post("/api/graduates", TestGraduates.graduate("韩诗琪", "440705"))
                .expect(201).json().path("caseNumber").asText();
        JsonNode task = Api.as(rest, "admin").get("/api/tasks?q=" + caseNumber).json().path("content").get(0);
        String id = task.path("id").asText();

        Instant due = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        ApplicationCaller.run(() -> {
            taskService.setDueDate(id, Date.from(due));
            taskService.setPriority(id, 99);
            taskService.setAssignee(id, "cw.pengjiang2");
        });

        CaseTaskRow row = caseTasks.findById(id).orElseThrow();
        assertThat(row.getDueAt()).isEqualTo(due);
        assertThat(row.getPriority()).isEqualTo(99);
        assertThat(row.getAssignee()).isEqualTo("cw.pengjiang2");
        assertThat(row.getCandidateGroup()).isEqualTo("caseworkers-440705");
        assertThat(row.getGraduateName()).isEqualTo("韩诗琪");
        assertThat(row.getType()).isEqualTo(TaskType.FIRST_CONTACT);

        ApplicationCaller.run(() -> {
            taskService.setPriority(id, 50);
            taskService.setAssignee(id, null);
        });
        assertThat(caseTasks.findById(id).orElseThrow().getPriority()).isEqualTo(50);
        assertThat(caseTasks.findById(id).orElseThrow().getAssignee()).isNull();
    }
}
