package org.leye.casework.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.leye.casework.notifications.Notifications;
import org.leye.casework.shared.ProcessAdapter;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * "A task was assigned to you", from the engine's assignment event (whoever assigned it: a
 * supervisor's reassignment, the Tasklist, the REST API), but not when the new assignee is the one
 * acting (claiming a task oneself). The notices of one transaction are gathered and sent just
 * before it commits, one per user: a bulk reassignment of 500 tasks tells the new assignee once
 * ("500 tasks assigned to you"), not 500 times; a rolled-back assignment tells nobody.
 */
@Component
@ProcessAdapter
class AssignmentNotices {

    private final Notifications notifications;
    private final MessageSource messages;
    private final CaseTasks tasks;
    private final IdentityService identity;

    AssignmentNotices(Notifications notifications, MessageSource messages, CaseTasks tasks, IdentityService identity) {
        this.notifications = notifications;
        this.messages = messages;
        this.tasks = tasks;
        this.identity = identity;
    }

    private record Assigned(String taskId, String name, String caseNumber, String graduateName) {
    }

    @EventListener(condition = "#task.eventName == 'assignment'")
    public void assigned(DelegateTask task) {
        String to = task.getAssignee();
        if (to == null || task.getProcessInstanceId() == null || to.equals(actor())) {
            return;
        }
        String graduateName = tasks.findById(task.getId()).map(CaseTaskRow::getGraduateName).orElse(null);
        Assigned item = new Assigned(task.getId(), task.getName() == null ? task.getTaskDefinitionKey() : task.getName(),
                (String) task.getVariable(TaskVariables.CASE_NUMBER), graduateName);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            send(to, List.of(item));
            return;
        }
        pending().computeIfAbsent(to, k -> new ArrayList<>()).add(item);
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<Assigned>> pending() {
        Object bound = TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return (Map<String, List<Assigned>>) bound;
        }
        Map<String, List<Assigned>> map = new LinkedHashMap<>();
        TransactionSynchronizationManager.bindResource(this, map);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                Map<String, List<Assigned>> all = new LinkedHashMap<>(map);
                map.clear();
                all.forEach(AssignmentNotices.this::send);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(AssignmentNotices.this);
            }
        });
        return map;
    }

    private void send(String to, List<Assigned> items) {
        if (items.size() == 1) {
            Assigned a = items.get(0);
            notifications.toUser(to, Notifications.KIND_TASK_ASSIGNED, messages.getMessage("notification.assigned",
                    new Object[] { a.name(), a.caseNumber(), a.graduateName() }, Locale.SIMPLIFIED_CHINESE),
                    "/tasks/" + a.taskId());
        } else {
            notifications.toUser(to, Notifications.KIND_TASK_ASSIGNED, messages.getMessage("notification.assignedMany",
                    new Object[] { items.size() }, Locale.SIMPLIFIED_CHINESE), "/tasks?scope=mine");
        }
    }

    /** Who is acting: the signed-in user of the request, else the engine's authenticated user. */
    private String actor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getName() != null) {
            return auth.getName();
        }
        Authentication engine = identity.getCurrentAuthentication();
        return engine == null ? null : engine.getUserId();
    }
}
