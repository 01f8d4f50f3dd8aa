package org.leye.casework.tasks;

import java.util.Locale;

import org.leye.casework.ledger.Ledger;
import org.leye.casework.ledger.LedgerEntryType;
import org.leye.casework.notifications.Notifications;
import org.leye.casework.shared.ApplicationCaller;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user task's due date passed ({@link MarkTaskOverdue}): its open tasks are marked overdue, with
 * one OVERDUE ledger entry each, and the district's supervisors are told.
 */
@Service
class OverdueTasks {

    private final CaseTasks tasks;
    private final Ledger ledger;
    private final Notifications notifications;
    private final MessageSource messages;

    OverdueTasks(CaseTasks tasks, Ledger ledger, Notifications notifications, MessageSource messages) {
        this.tasks = tasks;
        this.ledger = ledger;
        this.notifications = notifications;
        this.messages = messages;
    }

    /** Marks the open tasks of one activity of a process instance; tells the supervisors, if there are any. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markOverdue(String processInstanceId, String activityId, String supervisorGroup) {
        for (CaseTaskRow task : tasks.findByProcessInstanceIdAndActivityId(processInstanceId, activityId)) {
            if (!task.markOverdue()) {
                continue;
            }
            if (task.getGraduateId() != null) {
                ledger.record(Ledger.Record.of(task.getGraduateId(), task.getCaseId(), LedgerEntryType.OVERDUE,
                        ApplicationCaller.ACTOR).with("taskId", task.getId()).with("taskType", task.getType().name())
                        .with("due", task.getDueAt()));
            }
            if (supervisorGroup != null) {
                String text = messages.getMessage("notification.overdue",
                        new Object[] { task.getName(), task.getCaseNumber(), task.getGraduateName() },
                        Locale.SIMPLIFIED_CHINESE);
                notifications.toGroup(supervisorGroup, "TASK_OVERDUE", text, "/tasks/" + task.getId());
                if (task.getAssignee() != null) {
                    notifications.toUser(task.getAssignee(), "TASK_OVERDUE", text, "/tasks/" + task.getId());
                }
            }
        }
    }
}
