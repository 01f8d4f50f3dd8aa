package org.leye.casework.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.security.Role;
import org.leye.casework.shared.Text;
import org.leye.casework.shared.problem.ConflictException;
import org.leye.casework.shared.problem.NotFoundException;
import org.leye.casework.web.PageController;
import org.leye.casework.web.Pages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inbox: my tasks, my group's, or all in my scope; difficulty first by default; claim. */
@PageController
@PreAuthorize("hasAnyRole('CASEWORKER', 'SUPERVISOR', 'COUNSELOR', 'HELPER', 'DPF_OFFICER', 'ADMIN')")
class InboxController {

    static final int PAGE_SIZE = 25;

    /** The task types of the inbox's filter: the 131's. */
    static final List<TaskType> FILTERED_TYPES = List.of(TaskType.FIRST_CONTACT, TaskType.GUIDANCE,
            TaskType.REFERRAL, TaskType.TRAINING_OR_INTERNSHIP, TaskType.FOLLOW_UP, TaskType.PUBLIC_WELFARE_PLACEMENT);

    private final TaskList taskList;
    private final CurrentUsers users;
    private final Pages pages;
    private final Clock clock;

    InboxController(TaskList taskList, CurrentUsers users, Pages pages, Clock clock) {
        this.taskList = taskList;
        this.users = users;
        this.pages = pages;
        this.clock = clock;
    }

    /** The inbox's filters as the form sends them; blank means "any". */
    record Filters(String scope, TaskType type, String priority, Boolean overdue, Integer dueDays, String q,
            String sort, String district) {

        Filters {
            overdue = Boolean.TRUE.equals(overdue); // a checkbox: not sent when unchecked
        }

        TaskQuery.Scope scopeOrDefault(CurrentUser caller) {
            if (scope != null && !scope.isBlank()) {
                try {
                    return TaskQuery.Scope.valueOf(scope.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException ignored) {
                    // fall through to the default
                }
            }
            return caller.role() == Role.SUPERVISOR || caller.role() == Role.ADMIN ? TaskQuery.Scope.ALL
                    : TaskQuery.Scope.CANDIDATE;
        }

        TaskQuery.SortOrder sortOrDefault() {
            if (sort != null) {
                for (TaskQuery.SortOrder o : TaskQuery.SortOrder.values()) {
                    if (o.name().equalsIgnoreCase(sort.strip())) {
                        return o;
                    }
                }
            }
            return TaskQuery.SortOrder.PRIORITY;
        }

        Integer priorityValue() {
            if ("difficulty".equals(priority)) {
                return TaskPriority.DIFFICULTY;
            }
            if ("normal".equals(priority)) {
                return TaskPriority.NORMAL;
            }
            return null;
        }

        /** The task list's query; "due within n days" keeps the tasks due before n + 1 days from now. */
        TaskQuery query(CurrentUser caller, Instant now) {
            Instant dueBefore = dueDays == null || dueDays < 0 ? null : now.plus(Duration.ofDays(dueDays + 1L));
            return new TaskQuery(scopeOrDefault(caller), type, Text.blankToNull(district), priorityValue(),
                    overdue ? Boolean.TRUE : null, Text.blankToNull(q), sortOrDefault(), dueBefore);
        }
    }

    /**
     * The filters bind as their record; one that does not parse (a task type or a number of days
     * that is none) answers like an unknown page, as a malformed page number does.
     */
    @GetMapping("/inbox")
    String inbox(@ModelAttribute("f") Filters f, BindingResult binding, @RequestParam(defaultValue = "0") int page,
            Model model) {
        if (binding.hasErrors()) {
            throw new NotFoundException("page", "inbox");
        }
        CurrentUser caller = users.current();
        TaskQuery query = f.query(caller, Instant.now(clock));
        Page<CaseTask> tasks = taskList.list(query,
                PageRequest.of(Math.max(page, 0), PAGE_SIZE, TaskList.sort(query.sort())), caller);
        model.addAttribute("tasks", tasks);
        model.addAttribute("scope", query.scope().name().toLowerCase(Locale.ROOT));
        model.addAttribute("sortOrder", query.sort().name().toLowerCase(Locale.ROOT));
        model.addAttribute("types", FILTERED_TYPES);
        model.addAttribute("difficultyPriority", TaskPriority.DIFFICULTY);
        return "tasks/inbox";
    }

    @PostMapping("/tasks/{id}/claim")
    String claim(@PathVariable String id, RedirectAttributes redirect) {
        return backToTask(id, () -> taskList.claim(id, users.current()), "web.task.claimed", redirect);
    }

    @PostMapping("/tasks/{id}/unclaim")
    String unclaim(@PathVariable String id, RedirectAttributes redirect) {
        return backToTask(id, () -> taskList.unclaim(id, users.current()), "web.task.unclaimed", redirect);
    }

    /** Back to the task, saying that the action was done, or why it was refused (the task taken meanwhile, say). */
    private String backToTask(String id, Runnable action, String notice, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", pages.message(e));
        }
        return "redirect:/tasks/" + id;
    }
}
