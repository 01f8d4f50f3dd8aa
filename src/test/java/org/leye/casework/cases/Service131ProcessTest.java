package org.leye.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Engine-alone tests of {@code bpmn/service-131.bpmn}: one test per path through the 131 service.
 * Timers are fired explicitly (the job executor is off); the clock is fixed so due dates can be
 * checked exactly against the configured durations.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/service-131.bpmn")
class Service131ProcessTest {

    private static final String PROCESS_KEY = "service131";
    private static final String CASE_NUMBER = "131-440703-2025-000123";
    private static final String DISTRICT = "440703";
    private static final Instant NOW = Instant.parse("2025-09-01T01:00:00Z");

    /** Stand-in for the Spring bean {@code caseTimers}: the default durations. */
    public static class TestCaseTimers {
        public String getFirstContactDue() { return "P5D"; }
        public String getServiceTaskDue() { return "P15D"; }
        public String getContactRetryWait() { return "P2D"; }
        public String getLostContactRetry() { return "P30D"; }
        public String getFollowUpWait() { return "P30D"; }
        public String getFurtherReferralCycle() { return "P30D"; }
        public String getPublicWelfareAfter() { return "P90D"; }
        public String getPublicWelfareCycle() { return "P30D"; }
    }

    ProcessEngine processEngine; // injected by ProcessEngineExtension

    private final List<String> overdueActivities = new ArrayList<>();
    private final List<String> lostContactCases = new ArrayList<>();
    private final List<String> met131Cases = new ArrayList<>();

    @BeforeEach
    void registerBeansAndFixClock() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("caseTimers", new TestCaseTimers());
        Mocks.register("markTaskOverdue", (JavaDelegate) execution ->
                overdueActivities.add((String) execution.getVariableLocal("overdueActivity")));
        Mocks.register("markLostContact", (JavaDelegate) execution ->
                lostContactCases.add(execution.getProcessBusinessKey()));
        Mocks.register("record131Met", (JavaDelegate) execution ->
                met131Cases.add(execution.getProcessBusinessKey()));
    }

    @AfterEach
    void resetMocksAndClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // ------------------------------------------------------------------ the 1+3+1 path

    @Test
    void wantsJobGraduateGoesThroughGuidanceThenThreeReferralsAndTrainingInAnyOrder() {
        ProcessInstance pi = startCase(Map.of());
        assertThat(pi).isStarted().hasBusinessKey(CASE_NUMBER).isWaitingAt("firstContact");

        completeFirstContact(pi, true, false, "WANTS_JOB");
        assertThat(pi).isWaitingAt("guidance");
        assertThat(task(pi)).hasFormKey("GUIDANCE");

        complete(task("guidance", pi));
        assertThat(pi).isWaitingAt("referral", "trainingOrInternship");
        List<Task> referrals = openTasks(pi, "referral");
        assertThat(referrals).hasSize(3)
                .allSatisfy(t -> assertThat(t.getFormKey()).isEqualTo("REFERRAL"));
        assertThat(task("trainingOrInternship", pi)).hasFormKey("TRAINING_OR_INTERNSHIP");
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isEqualTo(4);

        // training first, then the referrals one by one: the join waits for all of them
        complete(task("trainingOrInternship", pi));
        assertThat(pi).isWaitingAt("referral").isNotWaitingAt("trainingOrInternship");
        complete(referrals.get(2));
        complete(referrals.get(0));
        assertThat(openTasks(pi, "referral")).hasSize(1);
        assertThat(met131Cases).isEmpty();
        complete(referrals.get(1));

        assertThat(pi).hasPassedInOrder("caseOpened", "firstContact", "guidance", "servicesJoin", "record131Met")
                .hasNotPassed("followUp", "contactRetryWait", "markLostContact")
                .isWaitingAtExactly("furtherReferralWait");
        assertThat(met131Cases).containsExactly(CASE_NUMBER);
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("referral").finished().count()).isEqualTo(3);
    }

    @Test
    void furtherReferralsComeOnACycleAfter131IsMet() {
        ProcessInstance pi = startCase(Map.of());
        walkToFurtherReferralWait(pi);
        assertDueIn(timerJob(pi, "furtherReferralWait"), Duration.ofDays(30));

        fireTimer(pi, "furtherReferralWait");
        assertThat(pi).isWaitingAt("furtherReferral");
        assertThat(task(pi)).hasFormKey("REFERRAL").hasCandidateGroup("caseworkers-" + DISTRICT);

        complete(task("furtherReferral", pi));
        assertThat(pi).isWaitingAtExactly("furtherReferralWait").isNotEnded();

        fireTimer(pi, "furtherReferralWait");
        assertThat(pi).isWaitingAt("furtherReferral");
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("furtherReferral").count()).isEqualTo(2);
        assertThat(met131Cases).containsExactly(CASE_NUMBER); // recorded once, not per cycle
    }

    @Test
    void reopenedCaseThatAlreadyMet131GoesToFurtherReferrals() {
        ProcessInstance pi = startCase(Map.of("met131", true));

        completeFirstContact(pi, true, false, "WANTS_JOB");

        assertThat(pi).isWaitingAtExactly("furtherReferralWait")
                .hasPassed("alreadyMetGateway")
                .hasNotPassed("guidance", "referral", "trainingOrInternship", "record131Met");
        assertThat(met131Cases).isEmpty();
        fireTimer(pi, "furtherReferralWait");
        assertThat(pi).isWaitingAt("furtherReferral");
    }

    // ------------------------------------------------------------------ contact attempts

    @Test
    void unreachedGraduateIsRetriedAfterTheWait() {
        ProcessInstance pi = startCase(Map.of());

        completeFirstContact(pi, false, false, null);
        assertThat(pi).isWaitingAtExactly("contactRetryWait");
        assertThat(jobQuery(pi).activityId("publicWelfareDue").count()).isEqualTo(1); // safety net keeps running
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertDueIn(timerJob(pi, "contactRetryWait"), Duration.ofDays(2));

        fireTimer(pi, "contactRetryWait");
        assertThat(pi).isWaitingAt("firstContact");
        assertThat(task(pi)).hasFormKey("FIRST_CONTACT");
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("firstContact").count()).isEqualTo(2);
        assertThat(lostContactCases).isEmpty();
    }

    @Test
    void thirdFailedAttemptMarksLostContactAndRetriesMonthly() {
        ProcessInstance pi = startCase(Map.of());
        completeFirstContact(pi, false, false, null);
        fireTimer(pi, "contactRetryWait");
        completeFirstContact(pi, false, false, null);
        fireTimer(pi, "contactRetryWait");

        completeFirstContact(pi, false, true, null);

        assertThat(pi).hasPassed("markLostContact").isWaitingAtExactly("lostContactRetryWait");
        assertThat(lostContactCases).containsExactly(CASE_NUMBER);
        assertDueIn(timerJob(pi, "lostContactRetryWait"), Duration.ofDays(30));

        fireTimer(pi, "lostContactRetryWait");
        assertThat(pi).isWaitingAt("firstContact");
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("firstContact").count()).isEqualTo(4);
    }

    @Test
    void lostContactGraduateReachedLaterContinues() {
        ProcessInstance pi = startCase(Map.of());
        completeFirstContact(pi, false, true, null);
        fireTimer(pi, "lostContactRetryWait");
        completeFirstContact(pi, false, true, null);
        fireTimer(pi, "lostContactRetryWait");
        assertThat(lostContactCases).hasSize(2);

        // reached at a later monthly attempt (lostContact is still true from before)
        completeFirstContact(pi, true, true, "WANTS_JOB");

        assertThat(pi).isWaitingAt("guidance").hasPassed("willingnessGateway");
        assertThat(lostContactCases).hasSize(2);
    }

    // ------------------------------------------------------------------ follow-up

    @Test
    void furtherStudyGraduateGetsFollowUpAfterTheWait() {
        ProcessInstance pi = startCase(Map.of());

        completeFirstContact(pi, true, false, "FURTHER_STUDY");
        assertThat(pi).isWaitingAtExactly("followUpWait").hasNotPassed("guidance");
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertDueIn(timerJob(pi, "followUpWait"), Duration.ofDays(30));

        fireTimer(pi, "followUpWait");
        assertThat(pi).isWaitingAt("followUp");
        assertThat(task(pi)).hasFormKey("FOLLOW_UP").hasCandidateGroup("caseworkers-" + DISTRICT);
    }

    @Test
    void followUpCanBringGraduateBackIntoService() {
        ProcessInstance pi = startCase(Map.of());
        completeFirstContact(pi, true, false, "NOT_SEEKING");
        fireTimer(pi, "followUpWait");

        complete(task("followUp", pi), withVariables("willingness", "WANTS_JOB"));

        assertThat(pi).isWaitingAt("guidance").hasPassedInOrder("followUp", "followUpGateway", "alreadyMetGateway");
    }

    @Test
    void followUpOfReopenedCaseThatAlreadyMet131GoesToFurtherReferrals() {
        ProcessInstance pi = startCase(Map.of("met131", true));
        completeFirstContact(pi, true, false, "FURTHER_STUDY");
        fireTimer(pi, "followUpWait");

        complete(task("followUp", pi), withVariables("willingness", "WANTS_JOB"));

        assertThat(pi).isWaitingAtExactly("furtherReferralWait").hasNotPassed("guidance");
    }

    @Test
    void notSeekingAtFollowUpWaitsAgain() {
        ProcessInstance pi = startCase(Map.of());
        completeFirstContact(pi, true, false, "FURTHER_STUDY");
        fireTimer(pi, "followUpWait");

        complete(task("followUp", pi), withVariables("willingness", "NOT_SEEKING"));

        assertThat(pi).isWaitingAtExactly("followUpWait").hasNotPassed("guidance");
        assertDueIn(timerJob(pi, "followUpWait"), Duration.ofDays(30));
        fireTimer(pi, "followUpWait");
        assertThat(pi).isWaitingAt("followUp");
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("followUp").count()).isEqualTo(2);
    }

    // ------------------------------------------------------------------ registered not willing (issue 19)

    @Test
    void graduateRegisteredNotWillingIsFollowedUpAfterTheWaitWithoutFirstContact() {
        ProcessInstance pi = startCase(Map.of("registeredNotWilling", true));

        assertThat(pi).isWaitingAtExactly("followUpWait")
                .hasPassedInOrder("caseOpened", "registeredWillingnessGateway", "followUpMerge")
                .hasNotPassed("contactMerge", "firstContact");
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(jobQuery(pi).activityId("publicWelfareDue").count()).isEqualTo(1);
        assertDueIn(timerJob(pi, "followUpWait"), Duration.ofDays(30));

        fireTimer(pi, "followUpWait");
        assertThat(pi).isWaitingAt("followUp");
        assertThat(task(pi)).hasFormKey("FOLLOW_UP").hasCandidateGroup("caseworkers-" + DISTRICT);
    }

    @Test
    void graduateRegisteredNotWillingStillNotSeekingAtFollowUpWaitsAnotherThirtyDays() {
        ProcessInstance pi = startCase(Map.of("registeredNotWilling", true));
        fireTimer(pi, "followUpWait");

        complete(task("followUp", pi), withVariables("reached", true, "willingness", "NOT_SEEKING"));

        assertThat(pi).isWaitingAtExactly("followUpWait").hasNotPassed("guidance", "firstContact");
        assertDueIn(timerJob(pi, "followUpWait"), Duration.ofDays(30));
    }

    @Test
    void graduateRegisteredNotWillingWhoWantsAJobAtFollowUpEntersThe131() {
        ProcessInstance pi = startCase(Map.of("registeredNotWilling", true));
        fireTimer(pi, "followUpWait");

        complete(task("followUp", pi), withVariables("reached", true, "willingness", "WANTS_JOB"));

        assertThat(pi).isWaitingAt("guidance")
                .hasPassedInOrder("registeredWillingnessGateway", "followUp", "followUpGateway", "alreadyMetGateway")
                .hasNotPassed("firstContact");
    }

    @Test
    void graduateRegisteredNotWillingInDifficultyGetsNoPublicWelfareTask() {
        ProcessInstance pi = startCase(Map.of("registeredNotWilling", true, "inDifficulty", true));

        fireTimer(pi, "publicWelfareDue");

        assertThat(pi).hasNotPassed("publicWelfarePlacement").isWaitingAtExactly("followUpWait", "publicWelfareSubprocess", "publicWelfareNextOffer");
    }

    @Test
    void graduateNotRegisteredAsNotWillingStartsWithFirstContact() {
        ProcessInstance pi = startCase(Map.of("registeredNotWilling", false));

        assertThat(pi).isWaitingAtExactly("firstContact").hasPassed("registeredWillingnessGateway", "contactMerge")
                .hasNotPassed("followUpMerge");
    }

    // ------------------------------------------------------------------ overdue timers

    @Test
    void overdueTimerMarksFirstContactOverdueWithoutInterruptingIt() {
        ProcessInstance pi = startCase(Map.of());
        Task firstContact = task("firstContact", pi);
        assertDueIn(timerJob(pi, "firstContactOverdue"), Duration.ofDays(5));

        fireTimer(pi, "firstContactOverdue");

        assertThat(overdueActivities).containsExactly("firstContact");
        assertThat(pi).hasPassed("markFirstContactOverdue", "firstContactOverdueNotified").isWaitingAt("firstContact");
        assertThat(task("firstContact", pi).getId()).isEqualTo(firstContact.getId());
        assertThat(jobQuery(pi).activityId("firstContactOverdue").count()).isZero(); // fires once
        completeFirstContact(pi, true, false, "WANTS_JOB");
        assertThat(pi).isWaitingAt("guidance");
    }

    @Test
    void overdueTimersMarkGuidanceAndReferralsOverdueWithoutInterruptingThem() {
        ProcessInstance pi = startCase(Map.of());
        completeFirstContact(pi, true, false, "WANTS_JOB");
        assertDueIn(timerJob(pi, "guidanceOverdue"), Duration.ofDays(15));

        fireTimer(pi, "guidanceOverdue");
        assertThat(pi).isWaitingAt("guidance");
        complete(task("guidance", pi));

        assertDueIn(timerJob(pi, "referralOverdue"), Duration.ofDays(15));
        assertThat(jobQuery(pi).activityId("referralOverdue").count()).isEqualTo(1); // one on the MI body
        fireTimer(pi, "referralOverdue");
        fireTimer(pi, "trainingOrInternshipOverdue");

        assertThat(overdueActivities).containsExactly("guidance", "referral", "trainingOrInternship");
        assertThat(pi).isWaitingAt("referral", "trainingOrInternship");
        assertThat(openTasks(pi, "referral")).hasSize(3);
        assertThat(openTasks(pi, "trainingOrInternship")).hasSize(1);
    }

    @Test
    void overdueTimersMarkFollowUpAndFurtherReferralOverdueWithoutInterruptingThem() {
        ProcessInstance pi = startCase(Map.of());
        completeFirstContact(pi, true, false, "FURTHER_STUDY");
        fireTimer(pi, "followUpWait");
        fireTimer(pi, "followUpOverdue");
        assertThat(pi).isWaitingAt("followUp");

        complete(task("followUp", pi), withVariables("willingness", "WANTS_JOB"));
        complete(task("guidance", pi));
        openTasks(pi, "referral").forEach(t -> complete(t));
        complete(task("trainingOrInternship", pi));
        fireTimer(pi, "furtherReferralWait");
        fireTimer(pi, "furtherReferralOverdue");

        assertThat(overdueActivities).containsExactly("followUp", "furtherReferral");
        assertThat(pi).isWaitingAt("furtherReferral");
    }

    @Test
    void everyUserTaskHasANonInterruptingOverdueTimerOfItsOwnDueDuration() {
        BpmnModelInstance model = repositoryService().getBpmnModelInstance(
                repositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                        .singleResult().getId());
        Collection<UserTask> userTasks = model.getModelElementsByType(UserTask.class);
        assertThat(userTasks).extracting(UserTask::getId).containsExactlyInAnyOrder("firstContact", "followUp",
                "guidance", "referral", "trainingOrInternship", "furtherReferral", "publicWelfarePlacement");

        for (UserTask userTask : userTasks) {
            assertThat(userTask.getCamundaCandidateGroups()).isEqualTo("${candidateGroup}");
            assertThat(userTask.getCamundaPriority()).isEqualTo("${priority}");
            List<BoundaryEvent> overdue = model.getModelElementsByType(BoundaryEvent.class).stream()
                    .filter(b -> b.getAttachedTo() == userTask).toList();
            assertThat(overdue).as(userTask.getId()).hasSize(1);
            BoundaryEvent timer = overdue.get(0);
            assertThat(timer.cancelActivity()).as(userTask.getId()).isFalse();
            TimerEventDefinition definition = (TimerEventDefinition) timer.getEventDefinitions().iterator().next();
            assertThat(definition.getTimeDuration().getTextContent()).isEqualTo(userTask.getCamundaDueDate());
            FlowNode marker = timer.getOutgoing().iterator().next().getTarget();
            assertThat(marker).isInstanceOf(ServiceTask.class);
            assertThat(((ServiceTask) marker).getCamundaDelegateExpression()).isEqualTo("${markTaskOverdue}");
            assertThat(marker.getOutgoing().iterator().next().getTarget()).isInstanceOf(EndEvent.class);
        }
    }

    // ------------------------------------------------------------------ public-welfare safety net

    @Test
    void graduateInDifficultyGetsAFirstPublicWelfareOfferAfterTheConfiguredTime() {
        ProcessInstance pi = startCase(Map.of("inDifficulty", true, "priority", 80));
        assertDueIn(timerJob(pi, "publicWelfareDue"), Duration.ofDays(90));
        completeFirstContact(pi, true, false, "WANTS_JOB");

        fireTimer(pi, "publicWelfareDue");

        assertThat(pi).isWaitingAt("guidance", "publicWelfarePlacement");
        Task placement = task("publicWelfarePlacement", pi);
        assertThat(placement).hasFormKey("PUBLIC_WELFARE_PLACEMENT").hasCandidateGroup("caseworkers-" + DISTRICT);
        assertThat(placement.getPriority()).isEqualTo(80);
        assertThat(jobQuery(pi).activityId("publicWelfareDue").count()).isZero(); // the start fires once
        assertThat(jobQuery(pi).activityId("publicWelfareNextOffer").count()).isZero(); // no offer while one is open
    }

    @Test
    void graduateInDifficultyStillUnplacedIsOfferedAPublicWelfarePostAgainAMonthLater() {
        ProcessInstance pi = offeredAPublicWelfarePostNotTaken();
        assertThat(pi).isWaitingAt("guidance", "publicWelfareNextOffer").isNotWaitingAt("publicWelfarePlacement");
        assertDueIn(timerJob(pi, "publicWelfareNextOffer"), Duration.ofDays(30));

        fireTimer(pi, "publicWelfareNextOffer");
        assertThat(pi).isWaitingAt("guidance", "publicWelfarePlacement");
        assertThat(openTasks(pi, "publicWelfarePlacement")).hasSize(1);

        complete(task("publicWelfarePlacement", pi));
        fireTimer(pi, "publicWelfareNextOffer");
        assertThat(openTasks(pi, "publicWelfarePlacement")).hasSize(1); // a third month, a third offer
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("publicWelfarePlacement").count()).isEqualTo(3);
    }

    @Test
    void graduatePlacedIsOfferedNoMorePublicWelfarePosts() {
        ProcessInstance pi = offeredAPublicWelfarePostNotTaken();
        assertThat(pi).isWaitingAt("publicWelfareNextOffer");

        runtimeService().createMessageCorrelation("GraduatePlaced").processInstanceBusinessKey(CASE_NUMBER).correlate();

        assertThat(pi).hasPassed("casePlaced").isEnded();
        assertThat(jobQuery(pi).count()).isZero();
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void graduateNoLongerSeekingWorkIsNotOfferedAPublicWelfarePostAgainButLookedAtMonthly() {
        ProcessInstance pi = offeredAPublicWelfarePostNotTaken();
        runtimeService().setVariable(pi.getId(), "willingness", "NOT_SEEKING");

        fireTimer(pi, "publicWelfareNextOffer");

        assertThat(pi).isWaitingAtExactly("guidance", "publicWelfareSubprocess", "publicWelfareNextOffer");
        assertThat(openTasks(pi, "publicWelfarePlacement")).isEmpty();
        assertDueIn(timerJob(pi, "publicWelfareNextOffer"), Duration.ofDays(30));

        runtimeService().setVariable(pi.getId(), "willingness", "WANTS_JOB"); // wants a job again
        fireTimer(pi, "publicWelfareNextOffer");
        assertThat(openTasks(pi, "publicWelfarePlacement")).hasSize(1);
    }

    @Test
    void graduateFoundInDifficultyAfterTheFirstCheckIsOfferedAPostAtTheNextMonthlyCheck() {
        ProcessInstance pi = startCase(Map.of("inDifficulty", false));
        completeFirstContact(pi, true, false, "WANTS_JOB");
        fireTimer(pi, "publicWelfareDue");
        assertThat(openTasks(pi, "publicWelfarePlacement")).isEmpty();

        runtimeService().setVariable(pi.getId(), "inDifficulty", true); // found in difficulty later
        fireTimer(pi, "publicWelfareNextOffer");

        assertThat(pi).isWaitingAt("guidance", "publicWelfarePlacement");
        assertThat(openTasks(pi, "publicWelfarePlacement")).hasSize(1);
    }

    @Test
    void graduateNotInDifficultyGetsNoPublicWelfareTask() {
        ProcessInstance pi = startCase(Map.of("inDifficulty", false));
        completeFirstContact(pi, true, false, "WANTS_JOB");

        fireTimer(pi, "publicWelfareDue");

        assertThat(pi).hasNotPassed("publicWelfarePlacement").isWaitingAtExactly("guidance", "publicWelfareSubprocess", "publicWelfareNextOffer");
        assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("publicWelfarePlacement").count())
                .isZero();
    }

    @Test
    void graduateInDifficultyNotSeekingWorkGetsNoPublicWelfareTask() {
        ProcessInstance pi = startCase(Map.of("inDifficulty", true));
        completeFirstContact(pi, true, false, "NOT_SEEKING");

        fireTimer(pi, "publicWelfareDue");

        assertThat(pi).hasNotPassed("publicWelfarePlacement").isWaitingAtExactly("followUpWait", "publicWelfareSubprocess", "publicWelfareNextOffer");
    }

    // ------------------------------------------------------------------ closing the case

    @Test
    void placedMessageClosesCaseFromAnyState() {
        ProcessInstance atFirstContact = startCase(Map.of("caseNumber", "131-A"));
        ProcessInstance inServices = startCase(Map.of("caseNumber", "131-B"));
        completeFirstContact(inServices, true, false, "WANTS_JOB");
        complete(task("guidance", inServices));
        ProcessInstance waitingForFollowUp = startCase(Map.of("caseNumber", "131-C"));
        completeFirstContact(waitingForFollowUp, true, false, "FURTHER_STUDY");
        ProcessInstance inFurtherReferrals = startCase(Map.of("caseNumber", "131-D", "met131", true));
        completeFirstContact(inFurtherReferrals, true, false, "WANTS_JOB");
        fireTimer(inFurtherReferrals, "furtherReferralWait");

        for (ProcessInstance pi : List.of(atFirstContact, inServices, waitingForFollowUp, inFurtherReferrals)) {
            runtimeService().createMessageCorrelation("GraduatePlaced")
                    .processInstanceBusinessKey(pi.getBusinessKey()).correlate();

            assertThat(pi).hasPassed("graduatePlaced", "casePlaced").isEnded();
            assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
            assertThat(jobQuery(pi).count()).isZero();
        }
    }

    @Test
    void supervisorCloseMessageEndsCase() {
        ProcessInstance pi = startCase(Map.of());
        completeFirstContact(pi, true, false, "WANTS_JOB");
        complete(task("guidance", pi));

        runtimeService().createMessageCorrelation("CaseClosed").processInstanceBusinessKey(CASE_NUMBER).correlate();

        assertThat(pi).hasPassed("caseClosed", "caseClosedBySupervisor").hasNotPassed("casePlaced").isEnded();
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(jobQuery(pi).count()).isZero();
    }

    // ------------------------------------------------------------------ task attributes

    @Test
    void tasksCarryCaseworkerGroupPriorityDueDateAndFormKey() {
        ProcessInstance pi = startCase(Map.of("priority", 80, "inDifficulty", true));

        Task firstContact = task("firstContact", pi);
        assertThat(firstContact).hasCandidateGroup("caseworkers-" + DISTRICT).hasFormKey("FIRST_CONTACT")
                .hasDueDate(Date.from(NOW.plus(Duration.ofDays(5))));
        assertThat(firstContact.getPriority()).isEqualTo(80);
        assertThat(firstContact.getName()).isEqualTo("首次联系");

        completeFirstContact(pi, true, false, "WANTS_JOB");
        Task guidance = task("guidance", pi);
        assertThat(guidance).hasCandidateGroup("caseworkers-" + DISTRICT).hasFormKey("GUIDANCE")
                .hasDueDate(Date.from(NOW.plus(Duration.ofDays(15))));
        assertThat(guidance.getPriority()).isEqualTo(80);

        ProcessInstance other = startCase(Map.of("caseNumber", "131-440704-2025-000001", "district", "440704",
                "candidateGroup", "caseworkers-440704", "supervisorGroup", "supervisors-440704", "priority", 50));
        Task otherTask = task("firstContact", other);
        assertThat(otherTask).hasCandidateGroup("caseworkers-440704");
        assertThat(otherTask.getPriority()).isEqualTo(50);
    }

    // ------------------------------------------------------------------ helpers

    private ProcessInstance startCase(Map<String, Object> overrides) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("graduateId", 1001L);
        vars.put("caseNumber", CASE_NUMBER);
        vars.put("district", DISTRICT);
        vars.put("candidateGroup", "caseworkers-" + DISTRICT);
        vars.put("supervisorGroup", "supervisors-" + DISTRICT);
        vars.put("priority", 50);
        vars.put("inDifficulty", false);
        vars.put("met131", false);
        vars.put("reached", false);
        vars.put("lostContact", false);
        vars.put("willingness", null);
        vars.put("registeredNotWilling", false);
        vars.putAll(overrides);
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, (String) vars.get("caseNumber"), vars);
    }

    private void completeFirstContact(ProcessInstance pi, boolean reached, boolean lostContact, String willingness) {
        assertThat(pi).isWaitingAt("firstContact");
        Map<String, Object> vars = new HashMap<>();
        vars.put("reached", reached);
        vars.put("lostContact", lostContact);
        vars.put("willingness", willingness);
        complete(task("firstContact", pi), vars);
    }

    /** A willing graduate in difficulty offered a public-welfare post at day 90, who did not take it. */
    private ProcessInstance offeredAPublicWelfarePostNotTaken() {
        ProcessInstance pi = startCase(Map.of("inDifficulty", true));
        completeFirstContact(pi, true, false, "WANTS_JOB");
        fireTimer(pi, "publicWelfareDue");
        complete(task("publicWelfarePlacement", pi)); // declined, or did not start
        return pi;
    }

    private void walkToFurtherReferralWait(ProcessInstance pi) {
        completeFirstContact(pi, true, false, "WANTS_JOB");
        complete(task("guidance", pi));
        openTasks(pi, "referral").forEach(t -> complete(t));
        complete(task("trainingOrInternship", pi));
        assertThat(pi).isWaitingAtExactly("furtherReferralWait");
    }

    private List<Task> openTasks(ProcessInstance pi, String taskDefinitionKey) {
        return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskDefinitionKey)
                .initializeFormKeys().list();
    }

    private org.camunda.bpm.engine.runtime.JobQuery jobQuery(ProcessInstance pi) {
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

    private static void assertDueIn(Job job, Duration duration) {
        assertThat(job.getDuedate()).isEqualTo(Date.from(NOW.plus(duration)));
    }
}
