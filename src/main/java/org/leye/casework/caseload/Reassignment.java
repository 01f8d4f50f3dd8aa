package org.leye.casework.caseload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.leye.casework.cases.CaseOwnership;
import org.leye.casework.graduates.GraduateChanges;
import org.leye.casework.ledger.Ledger;
import org.leye.casework.ledger.LedgerEntryType;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.security.Role;
import org.leye.casework.shared.ApplicationCaller;
import org.leye.casework.shared.ProcessAdapter;
import org.leye.casework.shared.Text;
import org.leye.casework.shared.problem.ConflictException;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.problem.NotFoundException;
import org.leye.casework.tasks.CaseTask;
import org.leye.casework.tasks.OpenTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supervisor moves tasks to another caseworker, or back to the district's group, in bulk. All or
 * nothing: every task is checked first (unknown, outside the caller's district or already completed
 * refuses the whole request, naming the task) and the moves run in one transaction through the
 * engine's TaskService, as the application ({@link ApplicationCaller}), whose assignment event keeps
 * {@code case_task} in step (tasks.TaskSync).
 * Each move is one REASSIGNED ledger entry with who, from, to and why (the task id is in the
 * details, not the entry's task_id column, which is reserved for the task's completion). The cases go
 * with their caseworkers' work ({@link CaseOwnership#workMoved}): one OWNER_CHANGED entry each.
 */
@Service
@ProcessAdapter
class Reassignment {

    static final int MAX_TASKS = 2000;

    private static final Logger log = LoggerFactory.getLogger(Reassignment.class);

    private final OpenTasks tasks;
    private final TaskService taskService;
    private final CurrentUsers users;
    private final Ledger ledger;
    private final GraduateChanges graduates;
    private final CaseOwnership ownership;

    Reassignment(OpenTasks tasks, TaskService taskService, CurrentUsers users, Ledger ledger,
            GraduateChanges graduates, CaseOwnership ownership) {
        this.ownership = ownership;
        this.tasks = tasks;
        this.taskService = taskService;
        this.users = users;
        this.ledger = ledger;
        this.graduates = graduates;
    }

    /** What to move: the listed tasks, or all open tasks of {@code fromAssignee} within the caller's scope. */
    record Request(List<String> taskIds, String fromAssignee, String assignee, String reason) {
    }

    /** @param cases the cases whose responsible caseworker changed with the work */
    record Result(int reassigned, int unchanged, String assignee, List<String> taskIds, int cases) {
    }

    @Transactional
    public Result reassign(Request request, CurrentUser caller) {
        if (request.reason() == null || request.reason().isBlank()) {
            throw new InvalidFieldException("reason", "validation.required");
        }
        String to = Text.blankToNull(request.assignee());
        List<CaseTask> selected = select(request, caller);
        // the cases go with their work (一对一): those of the caseworkers' tasks moved and, when all of a
        // caseworker's work moves, every case they answer for in the caller's scope
        Map<Long, String> cases = new LinkedHashMap<>();
        selected.stream().filter(CaseTask::isCaseworkersCaseWork)
                .forEach(t -> cases.put(t.getCaseId(), t.getDistrictCode()));
        if (request.fromAssignee() != null && !request.fromAssignee().isBlank()) {
            ownership.ownedBy(request.fromAssignee().strip(), caller.seesWholeCity() ? null : caller.districtCode())
                    .forEach(c -> cases.put(c.id(), c.districtCode()));
        }
        Map<String, Boolean> caseworkerOf = new HashMap<>();
        List<String> districts = new ArrayList<>(selected.stream().map(CaseTask::getDistrictCode).toList());
        districts.addAll(cases.values());
        for (String district : districts) {
            if (to != null && !caseworkerOf.computeIfAbsent(district, d -> isCaseworker(to, d))) {
                throw new InvalidFieldException("assignee", "validation.assigneeNotCaseworker", to, district);
            }
        }
        String reason = request.reason().strip();
        int moved = 0;
        List<String> ids = new ArrayList<>();
        for (CaseTask task : selected) {
            String from = task.getAssignee();
            ids.add(task.getId());
            if (java.util.Objects.equals(from, to)) {
                continue;
            }
            ApplicationCaller.run(() -> taskService.setAssignee(task.getId(), to));
            if (task.getGraduateId() != null) {
                ledger.record(Ledger.Record.of(task.getGraduateId(), task.getCaseId(), LedgerEntryType.REASSIGNED,
                        caller.username()).with("taskId", task.getId()).with("taskType", task.getType().name())
                        .with("from", from).with("to", to).with("reason", reason));
            }
            moved++;
        }
        int owned = ownership.workMoved(cases.keySet(), to, reason, caller);
        log.info("{} reassigned {} tasks and {} cases to {} ({} tasks unchanged)", caller.username(), moved, owned,
                to == null ? "the group" : to, selected.size() - moved);
        return new Result(moved, selected.size() - moved, to, ids, owned);
    }

    private List<CaseTask> select(Request request, CurrentUser caller) {
        boolean byIds = request.taskIds() != null && !request.taskIds().isEmpty();
        boolean byAssignee = request.fromAssignee() != null && !request.fromAssignee().isBlank();
        if (byIds == byAssignee) {
            throw new InvalidFieldException("taskIds", "validation.taskIdsOrFromAssignee");
        }
        if (byAssignee) {
            String from = request.fromAssignee().strip();
            List<CaseTask> found = tasks.assignedTo(from, caller.seesWholeCity() ? null : caller.districtCode());
            if (found.size() > MAX_TASKS) {
                throw new InvalidFieldException("fromAssignee", "validation.reassignTooMany", MAX_TASKS);
            }
            return found;
        }
        Set<String> ids = new LinkedHashSet<>(request.taskIds());
        if (ids.size() > MAX_TASKS) {
            throw new InvalidFieldException("taskIds", "validation.reassignTooMany", MAX_TASKS);
        }
        Map<String, CaseTask> found = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(ids), 500)) {
            found.putAll(tasks.withIds(chunk).stream().collect(Collectors.toMap(CaseTask::getId, Function.identity())));
        }
        List<CaseTask> selected = new ArrayList<>(ids.size());
        for (String id : ids) {
            CaseTask task = found.get(id);
            if (task == null) {
                throw gone(id, caller);
            }
            if (!inScope(task, caller)) {
                throw new NotFoundException("task", id);
            }
            selected.add(task);
        }
        return selected;
    }

    /** A task no longer open: completed (it has its ledger entry, in the caller's scope) is 409, else 404. */
    private RuntimeException gone(String id, CurrentUser caller) {
        boolean completedInScope = ledger.forTask(id).flatMap(e -> graduates.find(e.graduateId()))
                .filter(g -> caller.canSee(g.districtCode(), g.universityCode())).isPresent();
        return completedInScope ? new ConflictException("problem.taskCompleted", Map.of("taskId", id), id)
                : new NotFoundException("task", id);
    }

    private static boolean inScope(CaseTask task, CurrentUser caller) {
        if (caller.seesWholeCity()) {
            return true;
        }
        // the federation's tasks are its officers' to work, not the bureau's district supervisors' to hand out
        return caller.role() == Role.SUPERVISOR && caller.districtCode().equals(task.getDistrictCode())
                && !task.isFederations();
    }

    /** An enabled caseworker of the district: a disabled account takes no work (as a case's owner, see CaseOwnership). */
    private boolean isCaseworker(String username, String district) {
        return district != null && users.find(username)
                .filter(u -> u.role() == Role.CASEWORKER && district.equals(u.districtCode())).isPresent();
    }

    private static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return out;
    }
}
