package org.leye.casework.assistance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leye.casework.shared.ProcessAdapter;
import org.springframework.stereotype.Component;

/**
 * 移交131服务, the service task {@code handOverTo131} of {@code bpmn/one-to-one-assistance.bpmn},
 * after the leaving-school timer.
 */
@ProcessAdapter
@Component("handOverToService131")
class HandOverToService131 implements JavaDelegate {

    private final AssistanceEnds ends;

    HandOverToService131(AssistanceEnds ends) {
        this.ends = ends;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ends.handOver(((Number) execution.getVariable(AssistanceVariables.ASSISTANCE_ID)).longValue());
    }
}
