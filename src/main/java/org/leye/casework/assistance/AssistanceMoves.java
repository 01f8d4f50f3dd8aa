package org.leye.casework.assistance;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.leye.casework.cases.GraduateMoved;
import org.leye.casework.shared.ApplicationCaller;
import org.leye.casework.shared.ProcessAdapter;
import org.leye.casework.tasks.OpenTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A graduate of the one-to-one assistance moved district: the assistance is seen by the new
 * district's staff, and the tasks of the district's groups (the bureau's {@code caseworkers-<district>}
 * naming a helper, the disability track's {@code dpf-officers-<district>}, and {@code dpf-<district>}
 * of older assistances that ran the federation track themselves) go to the new district's, its open
 * tasks included, in the move's transaction (as the application: {@link ApplicationCaller}).
 */
@Component
@ProcessAdapter
class AssistanceMoves {

    private static final Logger log = LoggerFactory.getLogger(AssistanceMoves.class);

    private final Assistances assistances;
    private final RuntimeService runtime;
    private final OpenTasks openTasks;

    AssistanceMoves(Assistances assistances, RuntimeService runtime, OpenTasks openTasks) {
        this.assistances = assistances;
        this.runtime = runtime;
        this.openTasks = openTasks;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(GraduateMoved moved) {
        assistances.findByGraduateId(moved.graduateId()).ifPresent(a -> {
            a.moveTo(moved.to());
            Map<String, String> groups = Map.of("dpf-" + moved.from(), "dpf-" + moved.to(),
                    DisabilityTracks.officersOf(moved.from()), DisabilityTracks.officersOf(moved.to()),
                    "caseworkers-" + moved.from(), "caseworkers-" + moved.to());
            Map<String, Object> vars = a.getRoute() == AssistanceRoute.BUREAU
                    ? Map.of(AssistanceVariables.HELPER_GROUP, "caseworkers-" + moved.to(),
                            AssistanceVariables.DISTRICT, moved.to(),
                            AssistanceVariables.SUPERVISOR_GROUP, "supervisors-" + moved.to())
                    : Map.of(AssistanceVariables.DPF_GROUP, "dpf-" + moved.to(),
                            AssistanceVariables.STUDENT_DISTRICT, moved.to());
            move(a.getProcessInstanceId(), vars, groups, moved);
            move(a.getDisabilityTrackInstanceId(), Map.of(AssistanceVariables.DISTRICT, moved.to(),
                    AssistanceVariables.DPF_GROUP, DisabilityTracks.officersOf(moved.to())), groups, moved);
            log.info("Assistance {} moved from district {} to {}", a.businessKey(), moved.from(), moved.to());
        });
    }

    /** Moves a process instance of the assistance, if it is still running: its variables, its open tasks. */
    private void move(String instance, Map<String, Object> vars, Map<String, String> groups, GraduateMoved moved) {
        if (instance == null || runtime.createProcessInstanceQuery().processInstanceId(instance).active().count() == 0) {
            return;
        }
        ApplicationCaller.run(() -> runtime.setVariables(instance, vars));
        openTasks.moveToDistrict(openTasks.ofProcessInstance(instance), moved.to(), groups);
    }
}
