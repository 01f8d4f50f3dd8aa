package org.leye.casework.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Engine-alone tests of {@code bpmn/one-to-one-assistance.bpmn}, one per path: helper, plan and
 * follow-ups on their cycle; the start of the disability track; placement; the hand-over on leaving school.
 * Timers are fired explicitly; the clock is fixed so due dates are checked exactly.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/one-to-one-assistance.bpmn")
class OneToOneAssistanceProcessTest {

    private static final String PROCESS_KEY = "oneToOneAssistance";
    private static final String KEY = "FZ-000042";
    private static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");
    private static final Instant LEAVES = Instant.parse("2026-06-30T16:00:00Z"); // 1 July 00:00 in Jiangmen

    /** Stand-in for the Spring bean {@code assistanceTimers}: the default durations. */
    public static class TestTimers {
        public String getFollowUpCycle() { return "P14D"; }
        public String getFollowUpDue() { return "P7D"; }
    }

    ProcessEngine processEngine; // injected by ProcessEngineExtension

    private final List<String> handedOver = new ArrayList<>();
    private final List<Object> tracksStarted = new ArrayList<>();

    @BeforeEach
    void registerBeansAndFixClock() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("assistanceTimers", new TestTimers());
        Mocks.register("handOverToService131", (JavaDelegate) execution ->
                handedOver.add(execution.getProcessBusinessKey()));
        Mocks.register("startDisabilityTrack", (JavaDelegate) execution ->
                tracksStarted.add(execution.getVariable("assistanceId")));
    }

    @AfterEach
    void resetMocksAndClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void counselorsNameHelperWhoPlansAndFollowsUpEveryFourteenDays() {
        ProcessInstance pi = start(false);
        assertThat(pi).isStarted().hasBusinessKey(KEY).isWaitingAtExactly("assignHelper");
        Task assign = task("assignHelper", pi);
        assertThat(assign).hasFormKey("ASSIGN_HELPER").hasCandidateGroup("counselors-WYU");
        assertThat(assign.getPriority()).isEqualTo(80);

        complete(assign, Map.of("helper", "teacher.wyu"));
        Task plan = task("assistancePlan", pi);
        assertThat(plan).hasFormKey("ASSISTANCE_PLAN").isAssignedTo("teacher.wyu");
        assertThat(plan.getDueDate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(7))));

        complete(plan);
        assertThat(pi).isWaitingAtExactly("followUpWait");
        assertThat(timerJob(pi, "followUpWait").getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(14))));

        for (int cycle = 0; cycle < 3; cycle++) {
            fireTimer(pi, "followUpWait");
            Task followUp = task("assistanceFollowUp", pi);
            assertThat(followUp).hasFormKey("ASSISTANCE_FOLLOW_UP").isAssignedTo("teacher.wyu");
            complete(followUp);
            assertThat(pi).isWaitingAtExactly("followUpWait");
        }
        assertThat(pi).hasPassed("noDisabilityTrack").hasNotPassed("startDisabilityTrack", "handOverTo131");
        assertThat(handedOver).isEmpty();
    }

    @Test
    void studentWithoutDisabilityGetsNoFederationTrack() {
        ProcessInstance pi = start(false);
        assertThat(pi).hasPassed("disabilityGateway", "noDisabilityTrack").isWaitingAtExactly("assignHelper");
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
    }

    @Test
    void studentWithDisabilityIsPutOnTheFederationsTrackAsAProcessOfItsOwn() {
        ProcessInstance pi = start(true);
        assertThat(pi).hasPassedInOrder("trackFork", "disabilityGateway", "startDisabilityTrack", "disabilityTrackStarted")
                .hasNotPassed("noDisabilityTrack").isWaitingAtExactly("assignHelper");
        assertThat(tracksStarted).containsExactly(42L);
        // no federation task here: the track's tasks are its own process's (disability-track.bpmn)
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
        assertThat(runtimeService().getVariable(pi.getId(), "district")).isNull();
    }

    @Test
    void placementEndsTheAssistanceFromAnyStep() {
        ProcessInstance pi = start(true);
        complete(task("assignHelper", pi), Map.of("helper", "counselor.wyu"));
        assertThat(pi).isWaitingAtExactly("assistancePlan");

        runtimeService().createMessageCorrelation("StudentPlaced").processInstanceBusinessKey(KEY).correlateAll();

        assertThat(pi).isEnded().hasPassed("studentPlaced", "assistancePlaced").hasNotPassed("handOverTo131");
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(jobQuery(pi).count()).isZero(); // the leaving-school timer is gone too
        assertThat(handedOver).isEmpty();
    }

    @Test
    void placementWhileWaitingForTheNextFollowUpEndsIt() {
        ProcessInstance pi = start(false);
        complete(task("assignHelper", pi), Map.of("helper", "teacher.wyu"));
        complete(task("assistancePlan", pi));
        assertThat(pi).isWaitingAtExactly("followUpWait");

        runtimeService().createMessageCorrelation("StudentPlaced").processInstanceBusinessKey(KEY).correlateAll();
        assertThat(pi).isEnded().hasPassed("assistancePlaced");
    }

    @Test
    void leavingSchoolUnplacedHandsTheStudentOverOnTheConfiguredDate() {
        ProcessInstance pi = start(true);
        complete(task("assignHelper", pi), Map.of("helper", "teacher.wyu"));
        complete(task("assistancePlan", pi));
        fireTimer(pi, "followUpWait");
        complete(task("assistanceFollowUp", pi));
        fireTimer(pi, "followUpWait");
        assertThat(pi).isWaitingAtExactly("assistanceFollowUp");

        Job leaving = timerJob(pi, "leftSchool");
        assertThat(leaving.getDuedate()).isEqualTo(Date.from(LEAVES));
        execute(leaving);

        assertThat(handedOver).containsExactly(KEY);
        assertThat(pi).isEnded().hasPassedInOrder("leftSchool", "handOverTo131", "handedOver")
                .hasNotPassed("assistancePlaced");
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(jobQuery(pi).count()).isZero();
    }

    @Test
    void aStudentStillWithoutHelperIsHandedOverAllTheSame() {
        ProcessInstance pi = start(false);
        assertThat(pi).isWaitingAtExactly("assignHelper");
        execute(timerJob(pi, "leftSchool"));
        assertThat(handedOver).containsExactly(KEY);
        assertThat(pi).isEnded().hasPassed("handedOver").hasNotPassed("assistancePlan");
    }

    @Test
    void everyUserTaskNamesItsTypeAndTheModelKeepsItsHistoryForAYear() {
        var model = processEngine.getRepositoryService().getBpmnModelInstance(
                processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                        .singleResult().getId());
        var userTasks = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class);
        assertThat(userTasks).extracting(t -> t.getCamundaFormKey()).containsExactlyInAnyOrder("ASSIGN_HELPER",
                "ASSISTANCE_PLAN", "ASSISTANCE_FOLLOW_UP");
        assertThat(userTasks).allSatisfy(t -> assertThat(t.getName()).isNotBlank());
        var process = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P365D");
    }

    private ProcessInstance start(boolean disability) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("assistanceId", 42L);
        vars.put("graduateId", 4242L);
        vars.put("counselorGroup", "counselors-WYU");
        vars.put("helper", null);
        vars.put("disability", disability);
        vars.put("priority", 80);
        vars.put("leavingSchoolAt", Date.from(LEAVES));
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, KEY, vars);
    }

    private JobQuery jobQuery(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId());
    }

    private Job timerJob(ProcessInstance pi, String activityId) {
        Job job = jobQuery(pi).timers().activityId(activityId).singleResult();
        assertThat(job).as("timer job at %s", activityId).isNotNull();
        return job;
    }

    private void fireTimer(ProcessInstance pi, String activityId) {
        execute(timerJob(pi, activityId));
    }
}
