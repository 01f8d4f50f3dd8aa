package org.leye.casework.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.criteria.Predicate;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.leye.casework.graduates.GraduateChanges;
import org.leye.casework.ledger.Ledger;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;
import org.leye.casework.shared.ApplicationCaller;
import org.leye.casework.shared.ProcessAdapter;
import org.leye.casework.shared.jpa.LikePatterns;
import org.leye.casework.shared.jpa.UniqueIndexes;
import org.leye.casework.shared.problem.ConflictException;
import org.leye.casework.shared.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The caseworker's task list: one indexed query on {@code case_task}, scoped to the caller; claim,
 * unclaim and complete go through the engine's TaskService, as the application ({@link ApplicationCaller}):
 * the engine refuses these changes to anyone else, who would leave the ledger behind.
 */
@Service
@ProcessAdapter
public class TaskList {

    private static final Logger log = LoggerFactory.getLogger(TaskList.class);
    /** The ledger's one entry per task: the index that the second of two completions breaks. */
    private static final String LEDGER_ENTRY_PER_TASK = "ux_ledger_entry_task";

    private final CaseTasks tasks;
    private final TaskService taskService;
    private final TaskHandlers handlers;
    private final Ledger ledger;
    private final GraduateChanges graduates;
    private final LargeCounts largeCounts;
    private final CaseOwners owners;

    TaskList(CaseTasks tasks, TaskService taskService, TaskHandlers handlers, Ledger ledger,
            GraduateChanges graduates, LargeCounts largeCounts, CaseOwners owners) {
        this.largeCounts = largeCounts;
        this.owners = owners;
        this.tasks = tasks;
        this.taskService = taskService;
        this.handlers = handlers;
        this.ledger = ledger;
        this.graduates = graduates;
    }

    @Transactional(readOnly = true)
    public Page<CaseTask> list(TaskQuery query, Pageable page, CurrentUser caller) {
        Specification<CaseTaskRow> spec = specification(query, caller);
        // the page (one row more tells whether there is a next), then the total only where needed
        Slice<CaseTaskRow> slice = tasks.findBy(spec, q -> q.slice(page));
        if (!slice.hasNext() && (page.getOffset() == 0 || slice.hasContent())) {
            return new PageImpl<>(views(slice.getContent()), page, page.getOffset() + slice.getNumberOfElements());
        }
        long total = largeCounts.count(countKey(query, caller), () -> tasks.count(spec));
        return new PageImpl<>(views(slice.getContent()), page, total);
    }

    public static Sort sort(TaskQuery.SortOrder order) {
        return switch (order == null ? TaskQuery.SortOrder.PRIORITY : order) {
            case PRIORITY -> Sort.by(Sort.Order.desc("priority"), Sort.Order.asc("dueAt"), Sort.Order.asc("id"));
            case DUE -> Sort.by(Sort.Order.asc("dueAt"), Sort.Order.desc("priority"), Sort.Order.asc("id"));
            case CREATED -> Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"));
        };
    }

    /** An open task within the caller's scope, or 409 if it was completed already, or 404. */
    @Transactional(readOnly = true)
    public CaseTask get(String id, CurrentUser caller) {
        return open(id, caller);
    }

    @Transactional
    public CaseTask claim(String id, CurrentUser caller) {
        CaseTaskRow task = open(id, caller);
        if (task.getAssignee() != null && !task.getAssignee().equals(caller.username())) {
            throw claimedByAnother(task);
        }
        ApplicationCaller.run(() -> taskService.claim(id, caller.username()));
        owners.taken(task, caller); // the first caseworker to take the case's work answers for the case
        log.info("Task {} claimed by {}", id, caller.username());
        return task;
    }

    @Transactional
    public CaseTask unclaim(String id, CurrentUser caller) {
        CaseTaskRow task = open(id, caller);
        boolean mayRelease = caller.username().equals(task.getAssignee()) || caller.role() == Role.SUPERVISOR
                || caller.role() == Role.ADMIN;
        if (task.getAssignee() != null && !mayRelease) {
            throw claimedByAnother(task);
        }
        ApplicationCaller.run(() -> taskService.setAssignee(id, null));
        return task;
    }

    /**
     * Completes a task with its form. Of two concurrent completions exactly one wins: the ledger
     * entry is unique per task and the engine locks the task optimistically; the other gets 409.
     */
    @Transactional
    public void complete(String id, JsonNode form, CurrentUser caller) {
        CaseTaskRow task = open(id, caller);
        if (task.getAssignee() != null && !task.getAssignee().equals(caller.username())) {
            throw claimedByAnother(task);
        }
        if (caller.username().equals(task.getAssignee())) {
            // before the completion, whose next task goes to the case's owner
            owners.taken(task, caller);
        }
        TaskCompletionHandler handler = handlers.of(task.getType());
        TaskCompletionHandler.Completion completion;
        try {
            completion = handler.complete(task, form, caller);
        } catch (DataIntegrityViolationException raced) {
            // only the task's second ledger entry means that another completion won; any other
            // refused write (a unique name, say) is not "already completed" and answers as itself
            if (UniqueIndexes.violated(raced, LEDGER_ENTRY_PER_TASK)) {
                throw alreadyCompleted(id);
            }
            throw raced;
        }
        try {
            ApplicationCaller.run(() -> taskService.complete(id, completion.variables()));
        } catch (NullValueException | org.camunda.bpm.engine.exception.NotFoundException gone) {
            throw alreadyCompleted(id);
        }
        completion.afterwards().run();
        log.info("Task {} ({}) completed by {}", id, task.getType(), caller.username());
    }

    private CaseTaskRow open(String id, CurrentUser caller) {
        Optional<CaseTaskRow> task = tasks.findById(id);
        if (task.isPresent()) {
            if (!visible(task.get(), caller)) {
                throw new NotFoundException("task", id);
            }
            return task.get();
        }
        // gone from the list: completed (it has its ledger entry) or never there
        boolean completedInScope = ledger.forTask(id)
                .filter(entry -> caller.username().equals(entry.actor()) || graduates.find(entry.graduateId())
                        .filter(g -> caller.canSee(g.districtCode(), g.universityCode())).isPresent())
                .isPresent();
        if (completedInScope) {
            throw alreadyCompleted(id);
        }
        throw new NotFoundException("task", id);
    }

    static boolean visible(CaseTaskRow task, CurrentUser caller) {
        if (caller.seesWholeCity()) {
            return true;
        }
        return switch (caller.role()) {
            case CASEWORKER, SUPERVISOR -> caller.districtCode().equals(task.getDistrictCode())
                    && !task.isFederations();
            case DPF_OFFICER -> caller.districtCode().equals(task.getDistrictCode())
                    && (caller.username().equals(task.getAssignee())
                            || groupsOf(caller).contains(task.getCandidateGroup()));
            case COUNSELOR -> caller.username().equals(task.getAssignee())
                    || ("counselors-" + caller.universityCode()).equals(task.getCandidateGroup());
            case HELPER -> caller.username().equals(task.getAssignee());
            case ADMIN -> true;
        };
    }

    static Specification<CaseTaskRow> specification(TaskQuery q, CurrentUser caller) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (!caller.seesWholeCity()) {
                switch (caller.role()) {
                    case CASEWORKER, SUPERVISOR -> {
                        where.add(cb.equal(root.get("districtCode"), caller.districtCode()));
                        where.add(cb.or(cb.isNull(root.get("candidateGroup")),
                                cb.notLike(root.get("candidateGroup"), CaseTask.FEDERATION_GROUPS + "%")));
                    }
                    case DPF_OFFICER -> {
                        where.add(cb.equal(root.get("districtCode"), caller.districtCode()));
                        where.add(cb.or(cb.equal(root.get("assignee"), caller.username()),
                                root.get("candidateGroup").in(groupsOf(caller))));
                    }
                    case COUNSELOR -> where.add(cb.or(cb.equal(root.get("assignee"), caller.username()),
                            cb.equal(root.get("candidateGroup"), "counselors-" + caller.universityCode())));
                    case HELPER -> where.add(cb.equal(root.get("assignee"), caller.username()));
                    default -> { }
                }
            }
            TaskQuery.Scope scope = q.scope() == null ? TaskQuery.Scope.ALL : q.scope();
            switch (scope) {
                case MINE -> where.add(cb.equal(root.get("assignee"), caller.username()));
                case CANDIDATE -> {
                    where.add(cb.isNull(root.get("assignee")));
                    List<String> groups = groupsOf(caller);
                    if (caller.role() == Role.HELPER) {
                        where.add(cb.disjunction()); // a helper works only tasks assigned to them
                    } else if (!groups.isEmpty()) {
                        where.add(root.get("candidateGroup").in(groups));
                    }
                }
                case ALL -> { }
            }
            if (q.type() != null) {
                where.add(cb.equal(root.get("type"), q.type()));
            }
            if (q.district() != null && !q.district().isBlank()) {
                where.add(cb.equal(root.get("districtCode"), q.district().strip()));
            }
            if (q.priority() != null) {
                where.add(cb.equal(root.get("priority"), q.priority()));
            }
            if (q.overdue() != null) {
                where.add(cb.equal(root.get("overdue"), q.overdue()));
            }
            if (q.dueBefore() != null) {
                where.add(cb.lessThan(root.get("dueAt"), q.dueBefore()));
            }
            if (q.q() != null && !q.q().isBlank()) {
                String text = q.q().strip();
                where.add(cb.or(cb.like(root.get("graduateName"), LikePatterns.containing(text), '\\'),
                        cb.equal(root.get("caseNumber"), text.toUpperCase(Locale.ROOT))));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /**
     * The candidate groups whose unclaimed tasks a caller works: a district's caseworkers (and its
     * supervisors) those of {@code caseworkers-<district>}; a district's federation officers the
     * disability track's ({@code dpf-officers-<district>}) and those of the federation track that
     * older one-to-one assistances still run ({@code dpf-<district>}); none for a city supervisor,
     * an administrator or a helper.
     */
    /**
     * The key under which {@link LargeCounts} keeps a total: the query and what of the caller
     * {@link #specification} reads. Callers whose specification is the same share one total: the
     * supervisors of the city (and the administrators), the caseworkers of a district, its supervisors.
     * Without it each caller counted their own, so every supervisor's first dashboard counted its
     * sixteen totals again (about 2.3 s at a million open tasks). A caller's name is in the key where the
     * specification names them: their own tasks, and the roles that see only theirs and their groups'.
     */
    static String countKey(TaskQuery query, CurrentUser caller) {
        String who = caller.seesWholeCity() ? "city"
                : caller.role() + ":" + caller.districtCode() + ":" + caller.universityCode();
        boolean namesCaller = query.scope() == TaskQuery.Scope.MINE || !caller.seesWholeCity()
                && (caller.role() == Role.DPF_OFFICER || caller.role() == Role.COUNSELOR || caller.role() == Role.HELPER);
        return query + "|" + who + (namesCaller ? "|" + caller.username() : "");
    }

    static List<String> groupsOf(CurrentUser caller) {
        return switch (caller.role()) {
            case CASEWORKER -> List.of("caseworkers-" + caller.districtCode());
            case COUNSELOR -> List.of("counselors-" + caller.universityCode());
            case SUPERVISOR -> caller.districtCode() == null ? List.of()
                    : List.of("caseworkers-" + caller.districtCode());
            case DPF_OFFICER -> List.of("dpf-officers-" + caller.districtCode(),
                    CaseTask.FEDERATION_GROUPS + caller.districtCode());
            case HELPER, ADMIN -> List.of();
        };
    }

    private static List<CaseTask> views(List<CaseTaskRow> rows) {
        return List.copyOf(rows);
    }

    private static ConflictException claimedByAnother(CaseTaskRow task) {
        return new ConflictException("problem.taskClaimed", Map.of("assignee", task.getAssignee()), task.getAssignee());
    }

    private static ConflictException alreadyCompleted(String id) {
        return new ConflictException("problem.taskCompleted", Map.of(), id);
    }

}
