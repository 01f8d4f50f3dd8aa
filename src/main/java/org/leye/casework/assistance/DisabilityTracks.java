package org.leye.casework.assistance;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.leye.casework.shared.ApplicationCaller;
import org.leye.casework.shared.ProcessAdapter;
import org.leye.casework.tasks.TaskPriority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The disability track (残联跟踪服务, {@code bpmn/disability-track.bpmn}): the Disabled Persons'
 * Federation files, surveys, tracks and serves a disabled graduate (the plan, action 31). Its own
 * process, so that it goes on once the graduate leaves school and their school assistance ends;
 * started from the graduate's assistance, whichever its route (at school, at the bureau), once per
 * assistance. Its tasks are for the federation officers of the graduate's district.
 */
@Service
@ProcessAdapter
class DisabilityTracks {

    static final String PROCESS_KEY = "disabilityTrack";

    private static final Logger log = LoggerFactory.getLogger(DisabilityTracks.class);

    private final Assistances assistances;
    private final RuntimeService runtime;

    DisabilityTracks(Assistances assistances, RuntimeService runtime) {
        this.assistances = assistances;
        this.runtime = runtime;
    }

    /** The candidate group of a district's disability-track tasks: its federation officers (role DPF_OFFICER). */
    static String officersOf(String districtCode) {
        return "dpf-officers-" + districtCode;
    }

    /** Starts the track of the assistance's graduate if they are disabled and it has not started yet. */
    @Transactional
    public void startFor(long assistanceId) {
        Assistance a = assistances.findById(assistanceId).orElseThrow();
        if (!a.awaitsDisabilityTrack()) {
            return;
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put(AssistanceVariables.ASSISTANCE_ID, a.getId());
        vars.put(AssistanceVariables.GRADUATE_ID, a.getGraduateId());
        vars.put(AssistanceVariables.DISTRICT, a.getDistrictCode());
        vars.put(AssistanceVariables.DPF_GROUP, officersOf(a.getDistrictCode()));
        vars.put(AssistanceVariables.PRIORITY, TaskPriority.DIFFICULTY);
        ProcessInstance instance = ApplicationCaller.call(
                () -> runtime.startProcessInstanceByKey(PROCESS_KEY, a.disabilityTrackKey(), vars));
        a.disabilityTrackStarted(instance.getId());
        log.info("Disability track {} for assistance {}", a.disabilityTrackKey(), a.businessKey());
    }
}
