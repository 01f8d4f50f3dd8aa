package org.leye.casework.assistance;

import org.camunda.bpm.engine.RuntimeService;
import org.leye.casework.cases.GraduatePlaced;
import org.leye.casework.shared.ApplicationCaller;
import org.leye.casework.shared.ProcessAdapter;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A placing destination ends an open assistance: its status, and its process through the message
 * {@value AssistanceService#MESSAGE_PLACED}, in the destination's transaction.
 */
@ProcessAdapter
@Component
class PlacementEndsAssistance {

    private final AssistanceEnds ends;
    private final RuntimeService runtime;

    PlacementEndsAssistance(AssistanceEnds ends, RuntimeService runtime) {
        this.ends = ends;
        this.runtime = runtime;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(GraduatePlaced event) {
        ends.placed(event.graduateId(), event.destinationCode())
                .ifPresent(businessKey -> ApplicationCaller.run(() -> runtime
                        .createMessageCorrelation(AssistanceService.MESSAGE_PLACED)
                        .processInstanceBusinessKey(businessKey).correlateAll()));
    }
}
