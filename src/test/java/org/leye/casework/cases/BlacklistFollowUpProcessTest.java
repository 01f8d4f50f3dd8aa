package org.leye.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Engine-alone tests of {@code bpmn/blacklist-follow-up.bpmn}, each path: the district's caseworkers
 * follow the graduate up, and a follow-up past its due date is flagged to the supervisors and stays open.
 * The variables are those that {@link BlacklistFollowUps} starts it with.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/blacklist-follow-up.bpmn")
class BlacklistFollowUpProcessTest {

    private static final String KEY = "131-440703-2026-000042-HB17";
    private static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");

    ProcessEngine processEngine; // injected by ProcessEngineExtension

    private final List<String> overdueActivities = new ArrayList<>();

    @BeforeEach
    void registerBeansAndFixClock() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("caseTimers", new Service131ProcessTest.TestCaseTimers());
        Mocks.register("markTaskOverdue", (JavaDelegate) execution ->
                overdueActivities.add((String) execution.getVariableLocal("overdueActivity")));
    }

    @AfterEach
    void resetMocksAndClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance start() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("caseId", 42L);
        vars.put("caseNumber", "131-440703-2026-000042");
        vars.put("graduateId", 420L);
        vars.put("district", "440703");
        vars.put("candidateGroup", "caseworkers-440703");
        vars.put("supervisorGroup", "supervisors-440703");
        vars.put("priority", 80);
        vars.put("employerId", 17L);
        return runtimeService().startProcessInstanceByKey(BlacklistFollowUps.PROCESS_KEY, KEY, vars);
    }

    @Test
    void theDistrictsCaseworkersFollowTheGraduateUpWithTheContactForm() {
        ProcessInstance pi = start();
        assertThat(pi).isStarted().hasBusinessKey(KEY).isWaitingAtExactly("blacklistedEmployerFollowUp");
        Task followUp = task("blacklistedEmployerFollowUp", pi);
        assertThat(followUp).hasFormKey("FOLLOW_UP").hasCandidateGroup("caseworkers-440703").isNotAssigned()
                .hasDueDate(Date.from(NOW.plus(java.time.Duration.ofDays(15))));
        assertThat(followUp.getPriority()).isEqualTo(80);

        complete(followUp, Map.of("reached", true, "willingness", "WANTS_JOB"));

        assertThat(pi).isEnded().hasPassedInOrder("employerBlacklisted", "blacklistedEmployerFollowUp",
                "graduateFollowedUp");
        assertThat(overdueActivities).isEmpty();
    }

    @Test
    void aFollowUpPastItsDueDateIsFlaggedToTheSupervisorsAndStaysOpen() {
        ProcessInstance pi = start();
        execute(job("blacklistFollowUpOverdue", pi));

        assertThat(overdueActivities).containsExactly("blacklistedEmployerFollowUp");
        assertThat(pi).hasPassed("markBlacklistFollowUpOverdue", "blacklistFollowUpOverdueNotified")
                .isWaitingAtExactly("blacklistedEmployerFollowUp");
        complete(task("blacklistedEmployerFollowUp", pi));
        assertThat(pi).isEnded();
    }

    @Test
    void theFollowUpIsNamedInChineseAndTheModelKeepsItsHistoryForAYear() {
        var repository = processEngine.getRepositoryService();
        var definition = repository.createProcessDefinitionQuery().processDefinitionKey(BlacklistFollowUps.PROCESS_KEY)
                .singleResult();
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(365);
        var userTasks = repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class);
        assertThat(userTasks).singleElement().satisfies(t -> {
            assertThat(t.getName()).isEqualTo("黑名单单位回访");
            assertThat(t.getCamundaDueDate()).isEqualTo("${caseTimers.serviceTaskDue}");
        });
    }
}
