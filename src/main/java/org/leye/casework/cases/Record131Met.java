package org.leye.casework.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leye.casework.shared.ProcessAdapter;
import org.springframework.stereotype.Component;

/** 记录131达标, the service task {@code record131Met} of {@code bpmn/service-131.bpmn}. */
@ProcessAdapter
@Component("record131Met")
class Record131Met implements JavaDelegate {

    private final CaseProgress progress;

    Record131Met(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.met131(CaseProgress.CaseRef.of(execution.getVariable(Service131Variables.CASE_ID),
                execution.getProcessBusinessKey()));
    }
}
