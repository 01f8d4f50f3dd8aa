package org.leye.casework.tasks;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.leye.casework.employers.EmployerDirectory;
import org.leye.casework.graduates.GraduateRegistry;
import org.leye.casework.graduates.GraduateView;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.security.Role;
import org.leye.casework.shared.CityTime;
import org.leye.casework.shared.problem.BusinessRuleException;
import org.leye.casework.shared.problem.ConflictException;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.problem.NotFoundException;
import org.leye.casework.web.PageController;
import org.leye.casework.web.Pages;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The page of a task: who it is about, and the form that its type's handler declares
 * ({@link TaskForm}), shown one fragment per kind of field. The answers are sent to
 * {@link TaskList#complete} as the API sends them; a refusal comes back as messages next to the
 * fields. Any role may open it; the task list answers a task outside the caller's scope as unknown.
 */
@PageController
@PreAuthorize("hasAnyRole('CASEWORKER', 'SUPERVISOR', 'COUNSELOR', 'HELPER', 'DPF_OFFICER', 'ADMIN')")
class TaskPageController {

    /** Who the task is about, as the task page shows it, and the page that shows them in full. */
    record About(Long id, String name, String phone, String university, String link) {
    }

    private final TaskList taskList;
    private final TaskHandlers handlers;
    private final GraduateRegistry registry;
    private final EmployerDirectory employers;
    private final CurrentUsers users;
    private final Pages pages;
    private final Clock clock;

    TaskPageController(TaskList taskList, TaskHandlers handlers, GraduateRegistry registry,
            EmployerDirectory employers, CurrentUsers users, Pages pages, Clock clock) {
        this.taskList = taskList;
        this.handlers = handlers;
        this.registry = registry;
        this.employers = employers;
        this.users = users;
        this.pages = pages;
        this.clock = clock;
    }

    /** The form, its dates proposing today in the city. */
    @GetMapping("/tasks/{id}")
    String task(@PathVariable String id, @RequestParam(required = false) String employerQ, Model model) {
        CurrentUser caller = users.current();
        CaseTask task;
        try {
            task = taskList.get(id, caller);
        } catch (ConflictException completed) {
            return done(completed, model);
        }
        return fresh(task, employerQ, model, caller);
    }

    /**
     * The task's page with the graduate's whole phone number, for the caseworker to whom the 131
     * task is assigned, to call them: read through {@link GraduateRegistry#fullPhone}, audited as the
     * API's identity reading (one entry each time), and shown in this answer only; nothing keeps it
     * (no session, no flash), so the page opened again shows the masked number. The 404 page for
     * anyone else (another caseworker, a supervisor, a counselor ...), with nothing read or audited.
     */
    @PostMapping("/tasks/{id}/phone")
    String phone(@PathVariable String id, Model model) {
        CurrentUser caller = users.current();
        if (caller.role() != Role.CASEWORKER) {
            throw new NotFoundException("task", id);
        }
        CaseTask task;
        try {
            task = taskList.get(id, caller);
        } catch (ConflictException completed) {
            return done(completed, model);
        }
        if (!mayShowPhone(task, caller)) {
            throw new NotFoundException("task", id);
        }
        model.addAttribute("fullPhone", registry.fullPhone(task.getGraduateId(), caller));
        return fresh(task, null, model, caller);
    }

    /** The caseworker to whom a 131 case's task is assigned may read the graduate's whole phone on it. */
    private static boolean mayShowPhone(CaseTask task, CurrentUser caller) {
        return caller.role() == Role.CASEWORKER && task.getCaseId() != null
                && caller.username().equals(task.getAssignee());
    }

    /** The page with an empty form, its dates proposing today in the city. */
    private String fresh(CaseTask task, String employerQ, Model model, CurrentUser caller) {
        TaskForm form = handlers.of(task.getType()).form(task, caller);
        Map<String, String> values = new HashMap<>();
        String today = CityTime.today(clock).toString();
        form.fields().stream().filter(f -> f.kind() == TaskForm.Kind.DATE).forEach(f -> values.put(f.name(), today));
        return show(task, form, values, Map.of(), null, employerQ, model, caller);
    }

    /**
     * The answers bind to a map rather than a record: which fields there are is declared per task
     * type by its handler, which reads and validates them as its own record, exactly as it reads
     * the API's JSON. Parameters outside the declared fields are ignored.
     */
    @PostMapping("/tasks/{id}/complete")
    String complete(@PathVariable String id, @RequestParam MultiValueMap<String, String> answers, Model model,
            RedirectAttributes redirect) {
        CurrentUser caller = users.current();
        CaseTask task;
        try {
            task = taskList.get(id, caller);
        } catch (ConflictException completed) {
            return done(completed, model);
        }
        TaskCompletionHandler handler = handlers.of(task.getType());
        TaskForm form = handler.form(task, caller);
        Map<String, String> values = new LinkedHashMap<>();
        ObjectNode json = read(form, answers, values);
        String employerQ = answers.getFirst("employerQ");
        try {
            taskList.complete(id, json, caller);
        } catch (InvalidFieldException e) {
            return show(task, form, values, pages.fieldErrors(e), null, employerQ, model, caller);
        } catch (BusinessRuleException e) {
            // a refused employer (blacklisted): said at the top and next to the employer chosen
            String message = pages.message(e);
            Map<String, String> errors = form.fields().stream().filter(f -> f.kind() == TaskForm.Kind.EMPLOYER)
                    .findFirst().map(f -> Map.of(f.idParameter(), message)).orElse(Map.of());
            return show(task, form, values, errors, message, employerQ, model, caller);
        } catch (ConflictException e) {
            return show(task, form, values, Map.of(), pages.message(e), employerQ, model, caller);
        }
        redirect.addFlashAttribute("notice", "web.task.completed");
        redirect.addFlashAttribute("noticeArg", task.getName() + " · "
                + (task.getCaseNumber() != null ? task.getCaseNumber() : task.getGraduateName()));
        return handler.subject(task, caller).map(s -> "redirect:" + s.link()).orElse("redirect:/inbox");
    }

    /**
     * The answers to the form's fields as the API's JSON (text stripped, blanks left out, a
     * {@link TaskForm.Kind#CHOICES} as a list, an employer's id as a number), and as the page shows
     * them again after a refusal.
     */
    private static ObjectNode read(TaskForm form, MultiValueMap<String, String> answers, Map<String, String> values) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        for (TaskForm.Field field : form.fields()) {
            switch (field.kind()) {
                case CHOICES -> {
                    List<String> chosen = answers.getOrDefault(field.name(), List.of()).stream()
                            .filter(v -> !v.isBlank()).map(String::strip).toList();
                    values.put(field.name(), String.join(",", chosen));
                    ArrayNode array = json.putArray(field.name());
                    chosen.forEach(array::add);
                }
                case EMPLOYER -> {
                    String employerId = answers.getFirst(field.idParameter());
                    if (employerId != null && employerId.strip().matches("\\d{1,18}")) {
                        values.put(field.idParameter(), employerId);
                        json.put(field.idParameter(), Long.parseLong(employerId.strip()));
                    } else {
                        text(field.idParameter(), employerId, json, values);
                    }
                    text(field.name(), answers.getFirst(field.name()), json, values);
                }
                default -> text(field.name(), answers.getFirst(field.name()), json, values);
            }
        }
        return json;
    }

    private static void text(String name, String value, ObjectNode json, Map<String, String> values) {
        if (value != null && !value.isBlank()) {
            values.put(name, value);
            json.put(name, value.strip());
        }
    }

    private String done(ConflictException completed, Model model) {
        model.addAttribute("problem", pages.message(completed));
        return "tasks/done";
    }

    /**
     * The graduate as the caller may see them; one whose record is closed to the caller (a helper
     * reaches their students through the assistance only) as the task's handler shows them.
     */
    private About about(CaseTask task, CurrentUser caller) {
        try {
            GraduateView g = registry.view(task.getGraduateId(), caller);
            return new About(g.id(), g.name(), g.phone(), g.university(), "/graduates/" + g.id());
        } catch (NotFoundException notInRegistryScope) {
            TaskCompletionHandler.Subject s = handlers.of(task.getType()).subject(task, caller)
                    .orElseThrow(() -> notInRegistryScope);
            return new About(task.getGraduateId(), s.name(), null, s.university(), s.link());
        }
    }

    private String show(CaseTask task, TaskForm form, Map<String, String> values, Map<String, String> errors,
            String problem, String employerQ, Model model, CurrentUser caller) {
        About graduate = about(task, caller);
        model.addAttribute("task", task);
        model.addAttribute("graduate", graduate);
        // the button that shows the whole number, where there is a masked one and it is not shown already
        model.addAttribute("mayShowPhone", graduate.phone() != null && !model.containsAttribute("fullPhone")
                && mayShowPhone(task, caller));
        model.addAttribute("form", form);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        if (problem != null) {
            model.addAttribute("problem", problem);
        }
        if (form.has(TaskForm.Kind.EMPLOYER)) {
            model.addAttribute("employerQ", employerQ == null ? "" : employerQ);
            model.addAttribute("employers", employers.search(employerQ, PageRequest.of(0, 20, Sort.by("name", "id")))
                    .getContent());
        }
        model.addAttribute("mayComplete", task.getAssignee() == null || task.getAssignee().equals(caller.username()));
        return "tasks/task";
    }
}
