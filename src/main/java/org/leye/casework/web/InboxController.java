package org.leye.casework.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.leye.casework.cases.CaseFile;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.security.Role;
import org.leye.casework.shared.problem.ConflictException;
import org.leye.casework.tasks.CaseTask;
import org.leye.casework.tasks.TaskList;
import org.leye.casework.tasks.TaskQuery;
import org.leye.casework.tasks.TaskType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inbox: my tasks, my group's, or all in my scope; difficulty first by default; claim. */
@PageController
class InboxController {

    static final int PAGE_SIZE = 25;

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
    record Filters(String scope, TaskType type, String priority, boolean overdue, Integer dueDays, String q,
            String sort, String district) {

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
                return CaseFile.PRIORITY_DIFFICULTY;
            }
            if ("normal".equals(priority)) {
                return CaseFile.PRIORITY_NORMAL;
            }
            return null;
        }
    }

    @GetMapping("/inbox")
    String inbox(@RequestParam(required = false) String scope, @RequestParam(required = false) TaskType type,
            @RequestParam(required = false) String priority, @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) Integer dueDays, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String district,
            @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser caller = users.current();
        Pages.require(caller, Role.CASEWORKER, Role.SUPERVISOR, Role.COUNSELOR, Role.HELPER, Role.ADMIN);
        Filters f = new Filters(scope, type, priority, overdue, dueDays, q, sort, district);
        TaskQuery.Scope s = f.scopeOrDefault(caller);
        TaskQuery.SortOrder order = f.sortOrDefault();
        Instant dueBefore = dueDays == null || dueDays < 0 ? null
                : Instant.now(clock).plus(Duration.ofDays(dueDays + 1L));
        TaskQuery query = new TaskQuery(s, type, blankToNull(district), f.priorityValue(), overdue ? Boolean.TRUE : null,
                blankToNull(q), order, dueBefore);
        Page<CaseTask> tasks = taskList.list(query, PageRequest.of(Math.max(page, 0), PAGE_SIZE, TaskList.sort(order)),
                caller);
        model.addAttribute("tasks", tasks);
        model.addAttribute("f", f);
        model.addAttribute("scope", s.name().toLowerCase(Locale.ROOT));
        model.addAttribute("sortOrder", order.name().toLowerCase(Locale.ROOT));
        model.addAttribute("types", List.of(TaskType.FIRST_CONTACT, TaskType.GUIDANCE, TaskType.REFERRAL,
                TaskType.TRAINING_OR_INTERNSHIP, TaskType.FOLLOW_UP, TaskType.PUBLIC_WELFARE_PLACEMENT));
        model.addAttribute("difficultyPriority", CaseFile.PRIORITY_DIFFICULTY);
        model.addAttribute("now", Instant.now(clock));
        return "inbox";
    }

    @PostMapping("/tasks/{id}/claim")
    String claim(@PathVariable String id, RedirectAttributes redirect) {
        try {
            taskList.claim(id, users.current());
            redirect.addFlashAttribute("notice", "web.task.claimed");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", pages.message(e));
        }
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/tasks/{id}/unclaim")
    String unclaim(@PathVariable String id, RedirectAttributes redirect) {
        try {
            taskList.unclaim(id, users.current());
            redirect.addFlashAttribute("notice", "web.task.unclaimed");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", pages.message(e));
        }
        return "redirect:/tasks/" + id;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
