package org.leye.casework.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.leye.casework.shared.ProcessAdapter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The Camunda engine in {@code /actuator/health} (component {@code camunda}): the engine answers a
 * cheap query on its own tables (the deployed process definitions), and its job executor, which
 * fires every timer and retries failed jobs, is running where the configuration turns it on. The
 * starter's own indicators are off ({@code management.health.camunda.enabled: false}): the engine's
 * says UP without asking the database, the job executor's says DOWN on a node whose executor is off
 * by configuration (the tests, a web-only node).
 * <p>
 * Failed jobs (no retries left, an incident in Cockpit) are a detail, not DOWN: the node still serves;
 * they are counted for the administrator and in the {@code leye.engine.incidents} gauge.
 */
@Component("camundaHealthIndicator")
@ProcessAdapter
class EngineHealthIndicator extends AbstractHealthIndicator {

    private final ProcessEngine engine;
    private final boolean jobExecutionEnabled;

    EngineHealthIndicator(ProcessEngine engine,
            @Value("${camunda.bpm.job-execution.enabled:true}") boolean jobExecutionEnabled) {
        super("The process engine did not answer");
        this.engine = engine;
        this.jobExecutionEnabled = jobExecutionEnabled;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long definitions = engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().count();
        long failedJobs = engine.getManagementService().createJobQuery().noRetriesLeft().count();
        long incidents = engine.getRuntimeService().createIncidentQuery().count();
        String executor = jobExecutorState();
        boolean up = !"STOPPED".equals(executor);
        (up ? builder.up() : builder.down())
                .withDetail("engine", engine.getName())
                .withDetail("processDefinitions", definitions)
                .withDetail("jobExecutor", executor)
                .withDetail("failedJobs", failedJobs)
                .withDetail("incidents", incidents);
    }

    /** ACTIVE, DISABLED (off by configuration, fine) or STOPPED (should run but does not: timers do not fire). */
    private String jobExecutorState() {
        if (!jobExecutionEnabled) {
            return "DISABLED";
        }
        if (engine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl impl) {
            JobExecutor executor = impl.getJobExecutor();
            return executor != null && executor.isActive() ? "ACTIVE" : "STOPPED";
        }
        return "UNKNOWN";
    }
}
