package org.leye.casework.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Engine-alone tests of {@code bpmn/disability-track.bpmn}: its one path, the federation officers'
 * four steps; and its start from each assistance that a disabled graduate comes by (at school, at
 * the bureau), after which it goes on whatever becomes of that assistance (the student leaves school,
 * the graduate is placed). The stand-in for {@code startDisabilityTrack} starts the track as
 * {@link DisabilityTracks} does.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = { "bpmn/disability-track.bpmn", "bpmn/one-to-one-assistance.bpmn",
        "bpmn/bureau-assistance.bpmn" })
class DisabilityTrackProcessTest {

    private static final String PROCESS_KEY = "disabilityTrack";
    private static final String KEY = "CL-000042";
    private static final String ASSISTANCE_KEY = "FZ-000042";
    private static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");
    private static final Instant LEAVES = Instant.parse("2026-06-30T16:00:00Z");

    /** Stand-in for the Spring bean {@code assistanceTimers}: the default durations. */
    public static class TestTimers {
        public String getFollowUpCycle() { return "P14D"; }
        public String getBureauFollowUpCycle() { return "P30D"; }
        public String getFollowUpDue() { return "P7D"; }
    }

    ProcessEngine processEngine; // injected by ProcessEngineExtension

    @BeforeEach
    void registerBeansAndFixClock() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("assistanceTimers", new TestTimers());
        Mocks.register("handOverToService131", (JavaDelegate) execution -> { });
        Mocks.register("markTaskOverdue", (JavaDelegate) execution -> { });
        Mocks.register("startDisabilityTrack", (JavaDelegate) execution -> startTrack());
    }

    @AfterEach
    void resetMocksAndClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void theDistrictsFederationOfficersFileSurveyTrackAndServeTheGraduate() {
        ProcessInstance pi = startTrack();
        assertThat(pi).isStarted().hasBusinessKey(KEY).isWaitingAtExactly("dpfFile");
        String[][] steps = { { "dpfFile", "DPF_FILE" }, { "dpfSurvey", "DPF_SURVEY" },
                { "dpfTracking", "DPF_TRACKING" }, { "dpfService", "DPF_SERVICE" } };
        for (String[] step : steps) {
            Task t = task(step[0], pi);
            assertThat(t).hasFormKey(step[1]).hasCandidateGroup("dpf-officers-440703").isNotAssigned();
            assertThat(t.getPriority()).isEqualTo(80);
            // the task carries the graduate's district, so the district's officers' list shows it
            assertThat(processEngine.getTaskService().getVariable(t.getId(), "district")).isEqualTo("440703");
            complete(t);
        }
        assertThat(pi).isEnded().hasPassedInOrder("disabledGraduateRegistered", "dpfFile", "dpfSurvey", "dpfTracking",
                "dpfService", "disabilityTrackDone");
    }

    @Test
    void startedFromTheSchoolAssistanceItGoesOnAfterTheStudentLeavesSchool() {
        Map<String, Object> vars = assistanceVariables();
        vars.put("counselorGroup", "counselors-WYU");
        vars.put("leavingSchoolAt", Date.from(LEAVES));
        ProcessInstance assistance = runtimeService().startProcessInstanceByKey("oneToOneAssistance", ASSISTANCE_KEY,
                vars);
        ProcessInstance track = track();
        assertThat(track).isWaitingAtExactly("dpfFile");

        execute(managementService().createJobQuery().processInstanceId(assistance.getId()).timers()
                .activityId("leftSchool").singleResult());

        assertThat(assistance).isEnded().hasPassed("handedOver");
        assertThat(track).isNotEnded().isWaitingAtExactly("dpfFile");
        complete(task("dpfFile", track));
        assertThat(track).isWaitingAtExactly("dpfSurvey");
    }

    @Test
    void startedFromTheBureauAssistanceItGoesOnAfterThePlacement() {
        Map<String, Object> vars = assistanceVariables();
        vars.put("helperGroup", "caseworkers-440703");
        vars.put("district", "440703");
        vars.put("supervisorGroup", "supervisors-440703");
        ProcessInstance assistance = runtimeService().startProcessInstanceByKey("bureauAssistance", ASSISTANCE_KEY,
                vars);
        ProcessInstance track = track();
        assertThat(track).isWaitingAtExactly("dpfFile");

        runtimeService().createMessageCorrelation("StudentPlaced").processInstanceBusinessKey(ASSISTANCE_KEY)
                .correlateAll();

        assertThat(assistance).isEnded().hasPassed("assistancePlaced");
        assertThat(track).isNotEnded().isWaitingAtExactly("dpfFile");
    }

    @Test
    void everyStepIsAFederationTaskNamedInChineseAndTheModelKeepsItsHistoryForAYear() {
        var repository = processEngine.getRepositoryService();
        var model = repository.getBpmnModelInstance(repository.createProcessDefinitionQuery()
                .processDefinitionKey(PROCESS_KEY).singleResult().getId());
        var userTasks = model.getModelElementsByType(UserTask.class);
        assertThat(userTasks).extracting(UserTask::getCamundaFormKey)
                .containsExactly("DPF_FILE", "DPF_SURVEY", "DPF_TRACKING", "DPF_SERVICE");
        assertThat(userTasks).allSatisfy(t -> {
            assertThat(t.getName()).matches(".*\\p{IsHan}.*");
            assertThat(t.getCamundaCandidateGroups()).isEqualTo("${dpfGroup}");
        });
        var process = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P365D");
    }

    /** What the assistances of either route start with, for a disabled graduate. */
    private static Map<String, Object> assistanceVariables() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("assistanceId", 42L);
        vars.put("graduateId", 4242L);
        vars.put("helper", null);
        vars.put("disability", true);
        vars.put("priority", 80);
        return vars;
    }

    /** Starts the track as {@link DisabilityTracks#startFor} does. */
    private ProcessInstance startTrack() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("assistanceId", 42L);
        vars.put("graduateId", 4242L);
        vars.put("district", "440703");
        vars.put("dpfGroup", "dpf-officers-440703");
        vars.put("priority", 80);
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, KEY, vars);
    }

    /** The one track that the assistance started. */
    private ProcessInstance track() {
        ProcessInstance track = runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(KEY).singleResult();
        assertThat(track).as("the disability track %s", KEY).isNotNull();
        assertThat(taskQuery().processInstanceId(track.getId()).count()).isEqualTo(1);
        return track;
    }
}
