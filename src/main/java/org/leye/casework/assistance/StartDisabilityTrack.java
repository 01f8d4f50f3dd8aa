package org.leye.casework.assistance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leye.casework.shared.ProcessAdapter;
import org.springframework.stereotype.Component;

/**
 * 转残联跟踪服务, the service task {@code startDisabilityTrack} of {@code bpmn/one-to-one-assistance.bpmn}
 * and {@code bpmn/bureau-assistance.bpmn}: a disabled graduate's disability track starts as a process
 * of its own ({@link DisabilityTracks}).
 */
@ProcessAdapter
@Component("startDisabilityTrack")
class StartDisabilityTrack implements JavaDelegate {

    private final DisabilityTracks tracks;

    StartDisabilityTrack(DisabilityTracks tracks) {
        this.tracks = tracks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        tracks.startFor(((Number) execution.getVariable(AssistanceVariables.ASSISTANCE_ID)).longValue());
    }
}
