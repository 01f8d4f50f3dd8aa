package org.leye.casework.tasks;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leye.casework.ledger.Ledger;
import org.leye.casework.ledger.LedgerEntryType;
import org.leye.casework.notifications.Notifications;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The non-interrupting due-date timer of a user task: marks the open task(s) of that activity
 * overdue, writes one OVERDUE ledger entry each, and tells the district's supervisors.
 */
@Component("markTaskOverdue")
class MarkTaskOverdue implements JavaDelegate {

    static final String SYSTEM_ACTOR = "system";

    private final CaseTasks tasks;
    private final Ledger ledger;
    private final Notifications notifications;
    private final MessageSource messages;

    MarkTaskOverdue(CaseTasks tasks, Ledger ledger, Notifications notifications, MessageSource messages) {
        this.tasks = tasks;
        this.ledger = ledger;
        this.notifications = notifications;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String activity = (String) execution.getVariableLocal(TaskVariables.OVERDUE_ACTIVITY);
        String supervisors = (String) execution.getVariable(TaskVariables.SUPERVISOR_GROUP);
        for (CaseTask task : tasks.findByProcessInstanceIdAndActivityId(execution.getProcessInstanceId(), activity)) {
            if (!task.markOverdue()) {
                continue;
            }
            if (task.getGraduateId() != null) {
                ledger.record(Ledger.Record.of(task.getGraduateId(), task.getCaseId(), LedgerEntryType.OVERDUE,
                        SYSTEM_ACTOR).with("taskId", task.getId()).with("taskType", task.getType().name())
                        .with("due", task.getDueAt()));
            }
            if (supervisors != null) {
                String text = messages.getMessage("notification.overdue",
                        new Object[] { task.getName(), task.getCaseNumber(), task.getGraduateName() },
                        Locale.SIMPLIFIED_CHINESE);
                notifications.toGroup(supervisors, "TASK_OVERDUE", text, "/tasks/" + task.getId());
                if (task.getAssignee() != null) {
                    notifications.toUser(task.getAssignee(), "TASK_OVERDUE", text, "/tasks/" + task.getId());
                }
            }
        }
    }
}
