package org.leye.casework.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.leye.casework.assistance.AssistanceService;
import org.leye.casework.assistance.AssistanceView;
import org.leye.casework.assistance.HelperKind;
import org.leye.casework.employers.EmployerDirectory;
import org.leye.casework.graduates.GraduateMapper;
import org.leye.casework.graduates.GraduateRegistry;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.shared.problem.BusinessRuleException;
import org.leye.casework.shared.problem.ConflictException;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.problem.NotFoundException;
import org.leye.casework.tasks.CaseTask;
import org.leye.casework.tasks.TaskList;
import org.leye.casework.tasks.TaskType;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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
 * One page per task type with its form. The form is sent to {@link TaskList#complete} as the API
 * sends it; a refusal comes back as messages next to the fields.
 */
@PageController
class TaskPageController {

    /** The fields each form sends; anything else in the request is ignored. */
    static final Map<TaskType, List<String>> FIELDS = new EnumMap<>(Map.ofEntries(
            Map.entry(TaskType.FIRST_CONTACT, List.of("reached", "willingness", "note")),
            Map.entry(TaskType.FOLLOW_UP, List.of("reached", "willingness", "note")),
            Map.entry(TaskType.GUIDANCE, List.of("date", "topic", "note")),
            Map.entry(TaskType.REFERRAL, List.of("employerId", "employer", "position", "outcome", "note")),
            Map.entry(TaskType.TRAINING_OR_INTERNSHIP, List.of("kind", "provider", "program", "startDate", "note")),
            Map.entry(TaskType.PUBLIC_WELFARE_PLACEMENT, List.of("employer", "position", "startDate", "note")),
            // one-to-one assistance (assistance.AssistanceForms)
            Map.entry(TaskType.ASSIGN_HELPER, List.of("helper", "helperKind", "note")),
            Map.entry(TaskType.ASSISTANCE_PLAN, List.of("needs", "targetJobs", "actions")),
            Map.entry(TaskType.ASSISTANCE_FOLLOW_UP, List.of("date", "contact", "help", "jobsRecommended", "note")),
            Map.entry(TaskType.DPF_FILE, List.of("date", "reference", "note")),
            Map.entry(TaskType.DPF_SURVEY, List.of("date", "reference", "note")),
            Map.entry(TaskType.DPF_TRACKING, List.of("date", "reference", "note")),
            Map.entry(TaskType.DPF_SERVICE, List.of("date", "reference", "note"))));

    /** The tasks of the one-to-one assistance: done, the page returns to the student's assistance. */
    static final Set<TaskType> ASSISTANCE = EnumSet.of(TaskType.ASSIGN_HELPER, TaskType.ASSISTANCE_PLAN,
            TaskType.ASSISTANCE_FOLLOW_UP, TaskType.DPF_FILE, TaskType.DPF_SURVEY, TaskType.DPF_TRACKING,
            TaskType.DPF_SERVICE);

    /** The choices of the assistance forms (assistance.AssistanceForms, assistance.HelperKind). */
    static final List<String> CONTACTS = List.of("MEETING", "PHONE", "ONLINE", "VISIT");
    static final List<String> HELPS = List.of("GUIDANCE", "JOB_RECOMMENDATION", "TRAINING", "PSYCHOLOGICAL_SUPPORT",
            "FINANCIAL_AID", "OTHER");

    private static final Set<String> NUMBERS = Set.of("employerId");
    /** Fields sent as a list (several checkboxes). */
    private static final Set<String> LISTS = Set.of("help");
    private static final Set<TaskType> DATED = EnumSet.of(TaskType.GUIDANCE, TaskType.ASSISTANCE_FOLLOW_UP,
            TaskType.DPF_FILE, TaskType.DPF_SURVEY, TaskType.DPF_TRACKING, TaskType.DPF_SERVICE);

    /** Who the task is about, as the task page shows it; a helper's student links to the assistance. */
    record About(Long id, String name, String phone, String university, String link) {
    }

    private final TaskList taskList;
    private final GraduateRegistry registry;
    private final GraduateMapper graduates;
    private final EmployerDirectory employers;
    private final AssistanceService assistance;
    private final CurrentUsers users;
    private final Pages pages;
    private final Clock clock;

    TaskPageController(TaskList taskList, GraduateRegistry registry, GraduateMapper graduates,
            EmployerDirectory employers, AssistanceService assistance, CurrentUsers users, Pages pages, Clock clock) {
        this.taskList = taskList;
        this.registry = registry;
        this.graduates = graduates;
        this.employers = employers;
        this.assistance = assistance;
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
        if (DATED.contains(task.getType())) {
            values.put("date", LocalDate.now(clock.withZone(Pages.ZONE)).toString());
        } else if (task.getType() == TaskType.TRAINING_OR_INTERNSHIP
                || task.getType() == TaskType.PUBLIC_WELFARE_PLACEMENT) {
            values.put("startDate", LocalDate.now(clock.withZone(Pages.ZONE)).toString());
        }
        return show(task, values, Map.of(), null, employerQ, model, caller);
    }

    @PostMapping("/tasks/{id}/complete")
    String complete(@PathVariable String id, @RequestParam MultiValueMap<String, String> all, Model model,
            RedirectAttributes redirect) {
        Map<String, String> params = all.toSingleValueMap();
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
            if (LISTS.contains(field)) {
                List<String> chosen = all.getOrDefault(field, List.of()).stream().filter(v -> !v.isBlank())
                        .map(String::strip).toList();
                values.put(field, String.join(",", chosen));
                ArrayNode array = form.putArray(field);
                chosen.forEach(array::add);
                continue;
            }
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
        if (ASSISTANCE.contains(task.getType())) {
            redirect.addFlashAttribute("noticeArg", task.getName() + " · " + task.getGraduateName());
            return assistance.ofGraduate(task.getGraduateId(), caller).map(a -> "redirect:/assistance/" + a)
                    .orElse("redirect:/inbox");
        }
        redirect.addFlashAttribute("noticeArg", task.getName() + " · " + task.getCaseNumber());
        return "redirect:/inbox";
    }

    /**
     * The graduate as the caller may see them; a helper, who reaches their students through the
     * assistance only, gets the student from the assistance (name, masked phone, university).
     */
    private About about(CaseTask task, CurrentUser caller) {
        try {
            var g = graduates.toView(registry.get(task.getGraduateId(), caller));
            return new About(g.id(), g.name(), g.phone(), g.university(), "/graduates/" + g.id());
        } catch (NotFoundException notInRegistryScope) {
            Long id = assistance.ofGraduate(task.getGraduateId(), caller).orElseThrow(() -> notInRegistryScope);
            AssistanceView a = assistance.get(id, caller);
            return new About(a.graduateId(), a.graduateName(), null, a.university(), "/assistance/" + id);
        }
    }

    private String show(CaseTask task, Map<String, String> values, Map<String, String> errors, String problem,
            String employerQ, Model model, CurrentUser caller) {
        model.addAttribute("task", task);
        model.addAttribute("graduate", about(task, caller));
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
        if (task.getType() == TaskType.ASSIGN_HELPER) {
            AssistanceView a = assistance.ofGraduate(task.getGraduateId(), caller).map(x -> assistance.get(x, caller))
                    .orElse(null);
            model.addAttribute("helpers", a == null ? List.of() : users.helpersOf(a.universityCode()));
            model.addAttribute("helperKinds", HelperKind.values());
        }
        model.addAttribute("contacts", CONTACTS);
        model.addAttribute("helps", HELPS);
        model.addAttribute("chosenHelp", List.of(values.getOrDefault("help", "").split(",")));
        model.addAttribute("mayComplete", task.getAssignee() == null || task.getAssignee().equals(caller.username()));
        // one template, one section per task type (its form)
        return FIELDS.containsKey(task.getType()) ? "tasks/task" : "tasks/other";
    }
}
