package org.leye.casework.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leye.casework.shared.ProcessAdapter;
import org.springframework.stereotype.Component;

/** 标记失联, the service task {@code markLostContact} of {@code bpmn/service-131.bpmn}. */
@ProcessAdapter
@Component("markLostContact")
class MarkLostContact implements JavaDelegate {

    private final CaseProgress progress;

    MarkLostContact(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.lostContact(CaseProgress.CaseRef.of(execution.getVariable(Service131Variables.CASE_ID),
                execution.getProcessBusinessKey()));
    }
}
