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
 * Engine-alone tests of {@code bpmn/bureau-assistance.bpmn}, one per path: the district's
 * caseworkers name a helper, who plans and follows up every 30 days; an overdue follow-up is
 * flagged to the district's supervisors; placement ends it from any step.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/bureau-assistance.bpmn")
class BureauAssistanceProcessTest {

    private static final String PROCESS_KEY = "bureauAssistance";
    private static final String KEY = "FZ-000043";
    private static final Instant NOW = Instant.parse("2026-08-03T01:00:00Z");

    /** Stand-in for the Spring bean {@code assistanceTimers}: the default durations. */
    public static class TestTimers {
        public String getBureauFollowUpCycle() { return "P30D"; }
        public String getFollowUpDue() { return "P7D"; }
    }

    ProcessEngine processEngine; // injected by ProcessEngineExtension

    private final List<String> overdue = new ArrayList<>();
    private final List<Object> tracksStarted = new ArrayList<>();

    @BeforeEach
    void registerBeansAndFixClock() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("assistanceTimers", new TestTimers());
        Mocks.register("markTaskOverdue", (JavaDelegate) execution -> overdue.add(
                execution.getVariableLocal("overdueActivity") + "@" + execution.getVariable("supervisorGroup")));
        Mocks.register("startDisabilityTrack", (JavaDelegate) execution ->
                tracksStarted.add(execution.getVariable("assistanceId")));
    }

    @AfterEach
    void resetMocksAndClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void districtCaseworkersNameAHelperWhoPlansAndFollowsUpEveryThirtyDays() {
        ProcessInstance pi = start();
        assertThat(pi).isStarted().hasBusinessKey(KEY).isWaitingAtExactly("assignHelper");
        Task assign = task("assignHelper", pi);
        assertThat(assign).hasFormKey("ASSIGN_HELPER").hasCandidateGroup("caseworkers-440703").isNotAssigned();
        assertThat(assign.getPriority()).isEqualTo(80);
        // the process carries the district, so the district's task list shows its tasks
        assertThat(runtimeService().getVariable(pi.getId(), "district")).isEqualTo("440703");

        complete(assign, Map.of("helper", "cw.pengjiang"));
        Task plan = task("assistancePlan", pi);
        assertThat(plan).hasFormKey("ASSISTANCE_PLAN").isAssignedTo("cw.pengjiang");
        assertThat(plan.getDueDate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(7))));

        complete(plan);
        assertThat(pi).isWaitingAtExactly("followUpWait");
        assertThat(timerJob(pi, "followUpWait").getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(30))));
        for (int cycle = 0; cycle < 3; cycle++) {
            fireTimer(pi, "followUpWait");
            Task followUp = task("assistanceFollowUp", pi);
            assertThat(followUp).hasFormKey("ASSISTANCE_FOLLOW_UP").isAssignedTo("cw.pengjiang");
            complete(followUp);
            assertThat(pi).isWaitingAtExactly("followUpWait");
        }
        assertThat(overdue).isEmpty();
    }

    @Test
    void aFollowUpPastItsDueDateIsFlaggedToTheDistrictsSupervisorsAndStaysOpen() {
        ProcessInstance pi = start();
        complete(task("assignHelper", pi), Map.of("helper", "cw.pengjiang"));
        complete(task("assistancePlan", pi));
        fireTimer(pi, "followUpWait");

        fireTimer(pi, "assistanceFollowUpOverdue");

        assertThat(overdue).containsExactly("assistanceFollowUp@supervisors-440703");
        assertThat(pi).hasPassed("markAssistanceFollowUpOverdue", "assistanceFollowUpOverdueNotified")
                .isWaitingAtExactly("assistanceFollowUp");
    }

    @Test
    void aDisabledGraduateIsPutOnTheFederationsTrackBesideTheirHelper() {
        ProcessInstance pi = start(true);
        assertThat(pi).hasPassedInOrder("trackFork", "disabilityGateway", "startDisabilityTrack", "disabilityTrackStarted")
                .hasNotPassed("noDisabilityTrack").isWaitingAtExactly("assignHelper");
        assertThat(tracksStarted).containsExactly(43L);
    }

    @Test
    void aGraduateWithoutDisabilityIsPutOnNoFederationTrack() {
        ProcessInstance pi = start(false);
        assertThat(pi).hasPassed("disabilityGateway", "noDisabilityTrack").hasNotPassed("startDisabilityTrack")
                .isWaitingAtExactly("assignHelper");
        assertThat(tracksStarted).isEmpty();
    }

    @Test
    void placementEndsTheAssistanceFromAnyStep() {
        ProcessInstance beforeHelper = start();
        runtimeService().createMessageCorrelation("StudentPlaced").processInstanceBusinessKey(KEY).correlateAll();
        assertThat(beforeHelper).isEnded().hasPassed("graduatePlaced", "assistancePlaced").hasNotPassed("assistancePlan");

        ProcessInstance waiting = start();
        complete(task("assignHelper", waiting), Map.of("helper", "cw.pengjiang"));
        complete(task("assistancePlan", waiting));
        runtimeService().createMessageCorrelation("StudentPlaced").processInstanceBusinessKey(KEY).correlateAll();
        assertThat(waiting).isEnded().hasPassed("assistancePlaced");
        assertThat(taskQuery().processInstanceId(waiting.getId()).count()).isZero();
        assertThat(managementService().createJobQuery().processInstanceId(waiting.getId()).count()).isZero();
    }

    private ProcessInstance start() {
        return start(false);
    }

    private ProcessInstance start(boolean disability) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("assistanceId", 43L);
        vars.put("graduateId", 4343L);
        vars.put("helperGroup", "caseworkers-440703");
        vars.put("helper", null);
        vars.put("district", "440703");
        vars.put("supervisorGroup", "supervisors-440703");
        vars.put("priority", 80);
        vars.put("disability", disability);
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, KEY, vars);
    }

    private Job timerJob(ProcessInstance pi, String activityId) {
        Job job = managementService().createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId)
                .singleResult();
        assertThat(job).as("timer job at %s", activityId).isNotNull();
        return job;
    }

    private void fireTimer(ProcessInstance pi, String activityId) {
        execute(timerJob(pi, activityId));
    }
}
