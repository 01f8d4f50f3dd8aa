package org.leye.casework.tasks;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leye.casework.shared.ProcessAdapter;
import org.springframework.stereotype.Component;

/**
 * The service task after the non-interrupting due-date timer of a user task (标记逾期并通知督导):
 * the activity's open tasks are overdue ({@link OverdueTasks}).
 */
@ProcessAdapter
@Component("markTaskOverdue")
class MarkTaskOverdue implements JavaDelegate {

    private final OverdueTasks overdue;

    MarkTaskOverdue(OverdueTasks overdue) {
        this.overdue = overdue;
    }

    @Override
    public void execute(DelegateExecution execution) {
        overdue.markOverdue(execution.getProcessInstanceId(),
                (String) execution.getVariableLocal(TaskVariables.OVERDUE_ACTIVITY),
                (String) execution.getVariable(TaskVariables.SUPERVISOR_GROUP));
    }
}
