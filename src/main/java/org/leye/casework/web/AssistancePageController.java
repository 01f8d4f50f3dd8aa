package org.leye.casework.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.leye.casework.assistance.AssistanceService;
import org.leye.casework.assistance.AssistanceStatus;
import org.leye.casework.assistance.AssistanceView;
import org.leye.casework.assistance.RegisterAssistance;
import org.leye.casework.graduates.Degree;
import org.leye.casework.graduates.Difficulty;
import org.leye.casework.reference.ReferenceData;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.security.Role;
import org.leye.casework.shared.problem.ConflictException;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.tasks.CaseTask;
import org.leye.casework.tasks.TaskList;
import org.leye.casework.tasks.TaskQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One-to-one assistance (一对一帮扶) for counselors and helpers, through the same
 * {@link AssistanceService} as {@code /api/assistance}: a counselor registers a student in
 * difficulty and sees their university's students; a helper sees the students assigned to them.
 * The process's tasks (name a helper, plan, follow-ups, the federation's steps) are completed on
 * the task page; this page lists the open ones the caller may do.
 */
@PageController
class AssistancePageController {

    private final AssistanceService assistance;
    private final TaskList taskList;
    private final ReferenceData reference;
    private final Validator validator;
    private final CurrentUsers users;
    private final Pages pages;

    AssistancePageController(AssistanceService assistance, TaskList taskList,
            ReferenceData reference, Validator validator, CurrentUsers users, Pages pages) {
        this.assistance = assistance;
        this.taskList = taskList;
        this.reference = reference;
        this.validator = validator;
        this.users = users;
        this.pages = pages;
    }

    @GetMapping("/assistance")
    String list(@RequestParam(required = false) AssistanceStatus status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size, Model model) {
        CurrentUser caller = users.current();
        Page<AssistanceView.Summary> result = assistance.list(status, PageRequest.of(Math.max(page, 0),
                Math.min(Math.max(size, 1), 200),
                Sort.by(Sort.Direction.DESC, "registeredAt").and(Sort.by("id"))), caller);
        model.addAttribute("assistances", result);
        model.addAttribute("status", status);
        model.addAttribute("statuses", AssistanceStatus.values());
        model.addAttribute("figures", assistance.figures(null, caller));
        model.addAttribute("mayRegister", caller.role() == Role.COUNSELOR || caller.role() == Role.ADMIN);
        return "assistance/list";
    }

    @GetMapping("/assistance/{id}")
    String show(@PathVariable Long id, Model model) {
        CurrentUser caller = users.current();
        AssistanceView view = assistance.get(id, caller);
        model.addAttribute("a", view);
        model.addAttribute("district", reference.district(view.district()).map(d -> d.getName()).orElse(view.district()));
        model.addAttribute("tasks", openTasks(view, caller));
        return "assistance/show";
    }

    /** The student's open tasks that the caller may see (the task list's own scope). */
    private List<CaseTask> openTasks(AssistanceView view, CurrentUser caller) {
        return taskList.list(new TaskQuery(TaskQuery.Scope.ALL, null, null, null, null, view.graduateName(), null),
                PageRequest.of(0, 50, TaskList.sort(TaskQuery.SortOrder.DUE)), caller).getContent().stream()
                .filter(t -> view.graduateId().equals(t.getGraduateId())).toList();
    }

    @GetMapping("/assistance/new")
    String form(Model model) {
        CurrentUser caller = users.current();
        Pages.require(caller, Role.COUNSELOR, Role.ADMIN);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("graduationYear", String.valueOf(LocalDate.now(Pages.ZONE).getYear()
                + (LocalDate.now(Pages.ZONE).getMonthValue() > 6 ? 1 : 0)));
        if (caller.universityCode() != null) {
            values.put("university", caller.universityCode());
        }
        return showForm(values, List.of(), Map.of(), null, model, caller);
    }

    @PostMapping("/assistance/new")
    String register(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        CurrentUser caller = users.current();
        Pages.require(caller, Role.COUNSELOR, Role.ADMIN);
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("name", "idNumber", "phone", "university", "major", "degree", "graduationYear",
                "district", "address", "evidence", "leavingSchoolDate")) {
            String v = params.getFirst(field);
            values.put(field, v == null ? "" : v.strip());
        }
        List<String> difficulties = params.getOrDefault("difficulties", List.of());
        Map<String, String> errors = new LinkedHashMap<>();
        RegisterAssistance command = new RegisterAssistance(blank(values.get("name")), blank(values.get("idNumber")),
                null, blank(values.get("phone")), blank(values.get("university")), blank(values.get("major")),
                parse(Degree.class, values.get("degree"), "degree", errors), year(values.get("graduationYear"), errors),
                blank(values.get("district")), blank(values.get("address")),
                difficulties.stream().map(d -> parse(Difficulty.class, d, "difficulties", errors)).toList(),
                blank(values.get("evidence")), date(values.get("leavingSchoolDate"), errors));
        for (ConstraintViolation<RegisterAssistance> v : validator.validate(command)) {
            String field = v.getPropertyPath().toString().replaceAll("[\\[<.].*", "");
            errors.merge(field, v.getMessage(), (a, b) -> a + "；" + b);
        }
        if (errors.isEmpty()) {
            try {
                Long id = assistance.registerStudent(command, caller);
                redirect.addFlashAttribute("notice", "web.assistance.registered");
                return "redirect:/assistance/" + id;
            } catch (InvalidFieldException e) {
                errors.putAll(pages.fieldErrors(e));
            } catch (ConflictException e) {
                errors.put("idNumber", pages.message(e));
            }
        }
        return showForm(values, difficulties, errors, "web.form.fix", model, caller);
    }

    private String showForm(Map<String, String> values, List<String> difficulties, Map<String, String> errors,
            String problemKey, Model model, CurrentUser caller) {
        model.addAttribute("values", values);
        model.addAttribute("chosenDifficulties", difficulties);
        model.addAttribute("errors", errors);
        if (problemKey != null) {
            model.addAttribute("problemKey", problemKey);
        }
        model.addAttribute("degrees", Degree.values());
        model.addAttribute("difficulties", Difficulty.values());
        model.addAttribute("universities", caller.role() == Role.COUNSELOR
                ? reference.university(caller.universityCode()).stream().toList()
                : List.copyOf(reference.universities()));
        model.addAttribute("districts", reference.districts());
        return "assistance/new";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private Integer year(String s, Map<String, String> errors) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            errors.putAll(pages.fieldErrors(new InvalidFieldException("graduationYear", "validation.typeMismatch")));
            return null;
        }
    }

    private LocalDate date(String s, Map<String, String> errors) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            errors.putAll(pages.fieldErrors(new InvalidFieldException("leavingSchoolDate", "validation.typeMismatch")));
            return null;
        }
    }

    private <E extends Enum<E>> E parse(Class<E> type, String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.putAll(pages.fieldErrors(new InvalidFieldException(field, "validation.typeMismatch")));
            return null;
        }
    }
}
