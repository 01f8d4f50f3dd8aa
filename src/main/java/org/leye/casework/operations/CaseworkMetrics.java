package org.leye.casework.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.leye.casework.graduates.GraduateRegistered;
import org.leye.casework.shared.ProcessAdapter;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Our own meters beside Spring Boot's and Micrometer's (JVM, HTTP, Hikari), at
 * {@code /actuator/prometheus}: counted after the transaction commits, so that a rolled-back
 * registration or completion (a database outage, a 409) is not counted.
 * <ul>
 * <li>{@code leye_cases_started_total}: registrations that opened a 131 case (API and hand-over rows);</li>
 * <li>{@code leye_tasks_completed_total{activity}}: user tasks completed, by BPMN activity id;</li>
 * <li>{@code leye_handover_rows_total{outcome}}: hand-over rows processed (see {@code handover.HandoverStore});</li>
 * <li>{@code leye_engine_incidents}: open incidents (failed jobs out of retries), read at each scrape.</li>
 * </ul>
 */
@Component
@ProcessAdapter
class CaseworkMetrics {

    private final MeterRegistry registry;
    private final Counter casesStarted;

    CaseworkMetrics(MeterRegistry registry, ProcessEngine engine) {
        this.registry = registry;
        this.casesStarted = Counter.builder("leye.cases.started")
                .description("Registrations that opened a 131 case (committed)").register(registry);
        Gauge.builder("leye.engine.incidents", engine, e -> e.getRuntimeService().createIncidentQuery().count())
                .description("Open incidents of the process engine: failed jobs with no retries left")
                .register(registry);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(GraduateRegistered event) {
        if (event.opensCase()) {
            casesStarted.increment();
        }
    }

    @EventListener(condition = "#task.eventName == 'complete'")
    void onTaskCompleted(DelegateTask task) {
        Counter counter = Counter.builder("leye.tasks.completed").description("User tasks completed (committed)")
                .tag("activity", String.valueOf(task.getTaskDefinitionKey())).register(registry);
        afterCommit(counter::increment);
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
