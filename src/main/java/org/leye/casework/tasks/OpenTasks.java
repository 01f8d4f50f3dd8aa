package org.leye.casework.tasks;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.leye.casework.shared.ApplicationCaller;
import org.leye.casework.shared.ProcessAdapter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open tasks for the capabilities whose processes have user tasks: read by process, case,
 * assignee or ids, counted per caseworker, and moved to another district with their graduate. The
 * task list's rows stay inside tasks; this answers {@link CaseTask} views.
 */
@Service
@ProcessAdapter
public class OpenTasks {

    private final CaseTasks rows;
    private final TaskService taskService;

    OpenTasks(CaseTasks rows, TaskService taskService) {
        this.rows = rows;
        this.taskService = taskService;
    }

    /** A task moved to another assignee: its id, type and former assignee (null: the pool). */
    public record Moved(String taskId, TaskType type, String from) {
    }

    /** One caseworker's open work in a district: open tasks, overdue tasks and cases. */
    public record Caseload(String districtCode, String assignee, long open, long overdue, long cases) {
    }

    @Transactional(readOnly = true)
    public List<CaseTask> ofProcessInstance(String processInstanceId) {
        return views(rows.findByProcessInstanceId(processInstanceId));
    }

    @Transactional(readOnly = true)
    public List<CaseTask> ofCase(long caseId) {
        return views(rows.findByCaseId(caseId));
    }

    /** The tasks claimed by one user, in a district, or in the whole city where the district is null. */
    @Transactional(readOnly = true)
    public List<CaseTask> assignedTo(String assignee, String districtCode) {
        return views(districtCode == null ? rows.findByAssignee(assignee)
                : rows.findByDistrictCodeAndAssignee(districtCode, assignee));
    }

    /** The open tasks among these ids; ids of tasks no longer open are left out. */
    @Transactional(readOnly = true)
    public List<CaseTask> withIds(Collection<String> ids) {
        return views(rows.findByIdIn(ids));
    }

    /** The open tasks of one type of these graduates, the oldest first; a group event completes them. */
    @Transactional(readOnly = true)
    public List<CaseTask> ofGraduates(Collection<Long> graduateIds, TaskType type) {
        return graduateIds.isEmpty() ? List.of() : views(rows.findByGraduateIdInAndType(graduateIds, type));
    }

    @Transactional(readOnly = true)
    public List<CaseTask> ofType(TaskType type) {
        return views(rows.findByType(type));
    }

    /** Per caseworker of a district (of the city where it is null), ix_case_task_district_assignee_case. */
    @Transactional(readOnly = true)
    public List<Caseload> caseload(String districtCode) {
        return rows.caseload(districtCode).stream()
                .map(r -> new Caseload((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                        r[3] == null ? 0 : ((Number) r[3]).longValue(), ((Number) r[4]).longValue()))
                .toList();
    }

    /**
     * Moves the tasks to another district with their graduate: a task offered to one of the old
     * district's groups (a key of {@code groups}) is offered to the new one instead and released,
     * since the old district's worker no longer serves the graduate; any other keeps its group.
     */
    @Transactional
    public void moveToDistrict(Collection<CaseTask> tasks, String districtCode, Map<String, String> groups) {
        for (CaseTask task : tasks) {
            rows.findById(task.getId()).ifPresent(row -> {
                String newGroup = groups.get(row.getCandidateGroup());
                if (newGroup == null) {
                    row.moveTo(districtCode, row.getCandidateGroup());
                    return;
                }
                ApplicationCaller.run(() -> {
                    taskService.deleteCandidateGroup(row.getId(), row.getCandidateGroup());
                    taskService.addCandidateGroup(row.getId(), newGroup);
                    if (row.getAssignee() != null) {
                        taskService.setAssignee(row.getId(), null);
                    }
                });
                row.moveTo(districtCode, newGroup);
            });
        }
    }

    /** The case's owner changed (null: none): written on its open tasks, for the task list's views. */
    @Transactional
    public void ownerChanged(long caseId, String owner) {
        rows.findByCaseId(caseId).forEach(row -> row.ownedBy(owner));
    }

    /**
     * The open caseworker tasks of the case ({@link CaseTask#isCaseworkersCaseWork()}) go to this
     * caseworker, through the engine as the application, whose assignment event keeps the rows in
     * step; the others (a helper's, the federation's) keep theirs. Answers the tasks moved.
     */
    @Transactional
    public List<Moved> assignCaseWork(long caseId, String assignee) {
        List<Moved> moved = new java.util.ArrayList<>();
        for (CaseTaskRow row : rows.findByCaseId(caseId)) {
            if (row.isCaseworkersCaseWork() && !java.util.Objects.equals(row.getAssignee(), assignee)) {
                moved.add(new Moved(row.getId(), row.getType(), row.getAssignee()));
                ApplicationCaller.run(() -> taskService.setAssignee(row.getId(), assignee));
            }
        }
        return moved;
    }

    private static List<CaseTask> views(List<CaseTaskRow> found) {
        return List.copyOf(found);
    }
}
