package org.leye.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaml.snakeyaml.Yaml;

/**
 * A job that throws is retried with back-off and then becomes an incident (Cockpit shows it), on the
 * engine alone with the production retry cycle {@code failedJobRetryTimeCycle: R3/PT5M}: the overdue
 * timer of the first contact, whose delegate fails (say the database of notifications is down), runs
 * three times five minutes apart, then waits for an administrator; the user task is untouched.
 */
class FailedJobRetryProcessTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("camunda-retries.cfg.xml").build();

    private static final Instant NOW = Instant.parse("2025-09-01T01:00:00Z");

    ProcessEngine processEngine;
    private int attempts;

    @BeforeEach
    void failingDelegateAndFixedClock() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("caseTimers", new Service131ProcessTest.TestCaseTimers());
        Mocks.register("markTaskOverdue", (JavaDelegate) execution -> {
            attempts++;
            throw new IllegalStateException("notification store unavailable");
        });
        Mocks.register("markLostContact", (JavaDelegate) execution -> { });
        Mocks.register("record131Met", (JavaDelegate) execution -> { });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void theRetryCycleOfTheTestEngineIsTheOneInApplicationYml() throws Exception {
        String configured = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getFailedJobRetryTimeCycle();
        try (InputStream yml = getClass().getResourceAsStream("/application.yml")) {
            Map<String, Object> root = new Yaml().load(yml);
            Object value = path(root, "camunda", "bpm", "generic-properties", "properties", "failedJobRetryTimeCycle");
            assertThat(value).isEqualTo(configured).isEqualTo("R3/PT5M");
        }
    }

    @Test
    @Deployment(resources = "bpmn/service-131.bpmn")
    void failingJobIsRetriedThreeTimesFiveMinutesApartThenBecomesAnIncident() {
        ProcessInstance pi = startCase();
        ManagementService management = processEngine.getManagementService();
        Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId("firstContactOverdue").singleResult();
        Instant now = NOW.plus(Duration.ofDays(5));

        int[] retriesAfter = new int[3];
        for (int i = 0; i < 3; i++) {
            ClockUtil.setCurrentTime(Date.from(now));
            String jobId = timer.getId();
            assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("notification store unavailable");
            Job failed = management.createJobQuery().jobId(jobId).singleResult();
            retriesAfter[i] = failed.getRetries();
            assertThat(failed.getExceptionMessage()).contains("notification store unavailable");
            if (failed.getRetries() > 0) {
                // back-off: the next try is due five minutes after the failure
                assertThat(failed.getDuedate()).isEqualTo(Date.from(now.plus(Duration.ofMinutes(5))));
                now = now.plus(Duration.ofMinutes(5));
            }
        }

        assertThat(retriesAfter).containsExactly(2, 1, 0);
        assertThat(attempts).isEqualTo(3);
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).noRetriesLeft().count()).isEqualTo(1);
        List<Incident> incidents = processEngine.getRuntimeService().createIncidentQuery()
                .processInstanceId(pi.getId()).list();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incidents.get(0).getActivityId()).isEqualTo("firstContactOverdue");
        assertThat(incidents.get(0).getIncidentMessage()).contains("notification store unavailable");
        // the failure rolled back the timer's work only: the caseworker's task is still open
        assertThat(pi).isWaitingAt("firstContact").isNotEnded();

        // an administrator fixes the cause and sets a retry (Cockpit's "retry"): the incident is resolved
        Mocks.register("markTaskOverdue", (JavaDelegate) execution -> attempts++);
        management.setJobRetries(timer.getId(), 1);
        management.executeJob(timer.getId());
        assertThat(attempts).isEqualTo(4);
        assertThat(processEngine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(pi).hasPassed("markFirstContactOverdue").isWaitingAt("firstContact");
    }

    private ProcessInstance startCase() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("caseId", 1L);
        vars.put("graduateId", 1001L);
        vars.put("caseNumber", "131-440703-2025-000999");
        vars.put("district", "440703");
        vars.put("candidateGroup", "caseworkers-440703");
        vars.put("supervisorGroup", "supervisors-440703");
        vars.put("priority", 50);
        vars.put("inDifficulty", false);
        vars.put("met131", false);
        vars.put("reached", false);
        vars.put("lostContact", false);
        vars.put("willingness", null);
        vars.put("registeredNotWilling", false);
        return processEngine.getRuntimeService().startProcessInstanceByKey("service131", "131-440703-2025-000999", vars);
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> root, String... keys) {
        Object node = root;
        for (String key : keys) {
            node = ((Map<String, Object>) node).get(key);
        }
        return node;
    }
}
