package org.leye.casework.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.leye.casework.employers.EmployerDirectory;
import org.leye.casework.graduates.GraduateMapper;
import org.leye.casework.graduates.GraduateRegistry;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.shared.web.BusinessRuleException;
import org.leye.casework.shared.web.ConflictException;
import org.leye.casework.shared.web.InvalidFieldException;
import org.leye.casework.shared.web.NotFoundException;
import org.leye.casework.tasks.CaseTask;
import org.leye.casework.tasks.TaskList;
import org.leye.casework.tasks.TaskType;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One page per task type with its form. The form is sent to {@link TaskList#complete} as the API
 * sends it; a refusal comes back as messages next to the fields.
 */
@Controller
class TaskPageController {

    /** The fields each form sends; anything else in the request is ignored. */
    static final Map<TaskType, List<String>> FIELDS = new EnumMap<>(Map.of(
            TaskType.FIRST_CONTACT, List.of("reached", "willingness", "note"),
            TaskType.FOLLOW_UP, List.of("reached", "willingness", "note"),
            TaskType.GUIDANCE, List.of("date", "topic", "note"),
            TaskType.REFERRAL, List.of("employerId", "employer", "position", "outcome", "note"),
            TaskType.TRAINING_OR_INTERNSHIP, List.of("kind", "provider", "program", "startDate", "note"),
            TaskType.PUBLIC_WELFARE_PLACEMENT, List.of("employer", "position", "startDate", "note")));

    private static final Set<String> NUMBERS = Set.of("employerId");

    private final TaskList taskList;
    private final GraduateRegistry registry;
    private final GraduateMapper graduates;
    private final EmployerDirectory employers;
    private final CurrentUsers users;
    private final Pages pages;
    private final Clock clock;

    TaskPageController(TaskList taskList, GraduateRegistry registry, GraduateMapper graduates,
            EmployerDirectory employers, CurrentUsers users, Pages pages, Clock clock) {
        this.taskList = taskList;
        this.registry = registry;
        this.graduates = graduates;
        this.employers = employers;
        this.users = users;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/tasks/{id}")
    String task(@PathVariable String id, @RequestParam(required = false) String employerQ, Model model) {
        CurrentUser caller = users.current();
        CaseTask task;
        try {
            task = taskList.get(id, caller);
        } catch (ConflictException completed) {
            model.addAttribute("problem", pages.message(completed));
            return "tasks/done";
        }
        Map<String, String> values = new HashMap<>();
        if (task.getType() == TaskType.GUIDANCE || task.getType() == TaskType.TRAINING_OR_INTERNSHIP
                || task.getType() == TaskType.PUBLIC_WELFARE_PLACEMENT) {
            values.put(task.getType() == TaskType.GUIDANCE ? "date" : "startDate", LocalDate.now(clock).toString());
        }
        return show(task, values, Map.of(), null, employerQ, model, caller);
    }

    @PostMapping("/tasks/{id}/complete")
    String complete(@PathVariable String id, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect) {
        CurrentUser caller = users.current();
        CaseTask task;
        try {
            task = taskList.get(id, caller);
        } catch (ConflictException completed) {
            model.addAttribute("problem", pages.message(completed));
            return "tasks/done";
        }
        Map<String, String> values = new LinkedHashMap<>();
        ObjectNode form = JsonNodeFactory.instance.objectNode();
        for (String field : FIELDS.getOrDefault(task.getType(), List.of())) {
            String value = params.get(field);
            if (value != null && !value.isBlank()) {
                values.put(field, value);
                if (NUMBERS.contains(field) && value.strip().matches("\\d{1,18}")) {
                    form.put(field, Long.parseLong(value.strip()));
                } else {
                    form.put(field, value.strip());
                }
            }
        }
        try {
            taskList.complete(id, form, caller);
        } catch (InvalidFieldException e) {
            return show(task, values, pages.fieldErrors(e), null, params.get("employerQ"), model, caller);
        } catch (BusinessRuleException e) {
            String message = pages.message(e);
            return show(task, values, Map.of("employerId", message), message, params.get("employerQ"), model, caller);
        } catch (ConflictException e) {
            return show(task, values, Map.of(), pages.message(e), params.get("employerQ"), model, caller);
        }
        redirect.addFlashAttribute("notice", "web.task.completed");
        redirect.addFlashAttribute("noticeArg", task.getName() + " · " + task.getCaseNumber());
        return "redirect:/inbox";
    }

    private String show(CaseTask task, Map<String, String> values, Map<String, String> errors, String problem,
            String employerQ, Model model, CurrentUser caller) {
        model.addAttribute("task", task);
        boolean form = FIELDS.containsKey(task.getType());
        try {
            model.addAttribute("graduate", graduates.toView(registry.get(task.getGraduateId(), caller)));
        } catch (NotFoundException notTheirs) {
            // a helper works the tasks assigned to them but does not open the graduate's record:
            // the page names the student from the task alone
            if (form) {
                throw notTheirs;
            }
        }
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        if (problem != null) {
            model.addAttribute("problem", problem);
        }
        if (task.getType() == TaskType.REFERRAL) {
            model.addAttribute("employerQ", employerQ == null ? "" : employerQ);
            model.addAttribute("employers", employers.search(employerQ, PageRequest.of(0, 20, Sort.by("name", "id")))
                    .getContent());
        }
        model.addAttribute("mayComplete", task.getAssignee() == null || task.getAssignee().equals(caller.username()));
        // one template, one section per task type (its form); the assistance tasks come with their issue
        return form ? "tasks/task" : "tasks/other";
    }
}
