package org.leye.casework.tasks;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.leye.casework.graduates.GraduateChanges;
import org.leye.casework.graduates.GraduateSummary;
import org.leye.casework.shared.ProcessAdapter;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code case_task} in step with the engine's user tasks. The Spring eventing bridge calls
 * this synchronously from the engine's task listeners (registered as built-in, not skippable), so
 * the row changes in the same transaction as the task: a rolled-back completion leaves both. A new
 * task of the district's caseworkers on a case with an owner is assigned to the owner as it is made
 * ({@link CaseOwners}: one read by the case's primary key); to the pool while the case has none.
 */
@Component
@ProcessAdapter
class TaskSync {

    private final CaseTasks tasks;
    private final GraduateChanges graduates;
    private final CaseOwners owners;

    TaskSync(CaseTasks tasks, GraduateChanges graduates, CaseOwners owners) {
        this.tasks = tasks;
        this.graduates = graduates;
        this.owners = owners;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void created(DelegateTask task) {
        if (task.getProcessInstanceId() == null) {
            return; // a stand-alone task made in Tasklist belongs to no case
        }
        CaseTaskRow row = new CaseTaskRow(task.getId(), task.getProcessInstanceId(), task.getTaskDefinitionKey(),
                typeOf(task), nameOf(task), instant(task.getCreateTime()));
        // the case's variables are the process instance's: read there, a new task's own (empty) variables
        // would be fetched from the database first
        VariableScope variables = task.getExecution() != null ? task.getExecution() : task;
        Long graduateId = longVar(variables, TaskVariables.GRADUATE_ID);
        GraduateSummary graduate = graduates.find(graduateId).orElse(null);
        row.describeCase(longVar(variables, TaskVariables.CASE_ID),
                (String) variables.getVariable(TaskVariables.CASE_NUMBER), graduateId,
                graduate == null ? null : graduate.name(), graduate == null ? null : graduate.graduationYear(),
                (String) variables.getVariable(TaskVariables.DISTRICT));
        row.update(nameOf(task), task.getPriority(), instant(task.getDueDate()), task.getAssignee(), candidateGroup(task));
        String owner = row.getCaseId() == null ? null : owners.ownerOf(row.getCaseId()).orElse(null);
        row.ownedBy(owner);
        boolean toOwner = owner != null && row.getAssignee() == null && row.isCaseworkersCaseWork();
        if (toOwner) {
            row.assign(owner);
        }
        tasks.save(row);
        if (toOwner) {
            // the caseworkers' work on a case goes to its owner (一对一), in the engine too, so that Tasklist
            // agrees; the assignment event finds the row saved above
            task.setAssignee(owner);
        }
    }

    @EventListener(condition = "#task.eventName == 'assignment'")
    public void assigned(DelegateTask task) {
        tasks.findById(task.getId()).ifPresent(row -> row.assign(task.getAssignee()));
    }

    @EventListener(condition = "#task.eventName == 'update'")
    public void updated(DelegateTask task) {
        tasks.findById(task.getId()).ifPresent(row -> row.update(nameOf(task), task.getPriority(),
                instant(task.getDueDate()), task.getAssignee(), candidateGroup(task)));
    }

    @EventListener(condition = "#task.eventName == 'complete' || #task.eventName == 'delete'")
    public void ended(DelegateTask task) {
        tasks.findById(task.getId()).ifPresent(tasks::delete);
    }

    /** Task type by process definition and activity: reading the model element each time costs a DOM search. */
    private static final Map<String, TaskType> TYPES = new ConcurrentHashMap<>();

    static TaskType typeOf(DelegateTask task) {
        if (task.getProcessDefinitionId() == null) {
            return readTypeOf(task);
        }
        return TYPES.computeIfAbsent(task.getProcessDefinitionId() + '#' + task.getTaskDefinitionKey(),
                key -> readTypeOf(task));
    }

    private static TaskType readTypeOf(DelegateTask task) {
        String formKey = task.getBpmnModelElementInstance() == null ? null
                : task.getBpmnModelElementInstance().getCamundaFormKey();
        if (formKey == null) {
            throw new IllegalStateException("User task " + task.getTaskDefinitionKey() + " has no formKey naming its type");
        }
        return TaskType.valueOf(formKey);
    }

    private static String nameOf(DelegateTask task) {
        return Objects.requireNonNullElse(task.getName(), task.getTaskDefinitionKey());
    }

    private static String candidateGroup(DelegateTask task) {
        return task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId())
                .findFirst().orElse(null);
    }

    private static Long longVar(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Number n ? n.longValue() : null;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
