package org.leye.casework.assistance;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import jakarta.validation.Valid;

import org.leye.casework.graduates.RegistrationChoices;
import org.leye.casework.reference.District;
import org.leye.casework.reference.ReferenceData;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.security.Role;
import org.leye.casework.shared.CityTime;
import org.leye.casework.shared.problem.DomainProblem;
import org.leye.casework.shared.problem.NotFoundException;
import org.leye.casework.tasks.CaseTask;
import org.leye.casework.tasks.TaskList;
import org.leye.casework.tasks.TaskQuery;
import org.leye.casework.web.PageController;
import org.leye.casework.web.Pages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
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

    static final String FORM = "form";
    static final String REGISTRARS = "hasAnyRole('COUNSELOR', 'ADMIN')";

    private final AssistanceService assistance;
    private final EvidenceService evidence;
    private final TaskList taskList;
    private final ReferenceData reference;
    private final CurrentUsers users;
    private final Clock clock;
    private final Pages pages;

    AssistancePageController(AssistanceService assistance, EvidenceService evidence, TaskList taskList,
            ReferenceData reference, CurrentUsers users, Clock clock, Pages pages) {
        this.assistance = assistance;
        this.evidence = evidence;
        this.pages = pages;
        this.taskList = taskList;
        this.reference = reference;
        this.users = users;
        this.clock = clock;
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
        model.addAttribute("district", reference.district(view.district()).map(District::name).orElse(view.district()));
        model.addAttribute("tasks", openTasks(view, caller));
        model.addAttribute("mayDownloadEvidence", evidence.mayDownload(id, caller));
        return "assistance/show";
    }

    /** Added, the assistance's page says so; refused, the page again with the reason above the form. */
    @PostMapping("/assistance/{id}/evidence")
    String addEvidence(@PathVariable Long id, @RequestParam(required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) throws IOException {
        try {
            if (file == null) {
                evidence.add(id, null, null, null, users.current());
            } else {
                evidence.add(id, file.getOriginalFilename(), file.getContentType(), file.getBytes(), users.current());
            }
        } catch (DomainProblem refused) {
            if (refused instanceof NotFoundException) {
                throw refused;
            }
            model.addAttribute("evidenceProblem", pages.message(refused));
            return show(id, model);
        }
        redirect.addFlashAttribute("notice", "web.assistance.evidenceAdded");
        return "redirect:/assistance/" + id;
    }

    /** The same file as {@code GET /api/assistance/{id}/evidence/{fileId}}, to the same people, audited. */
    @GetMapping("/assistance/{id}/evidence/{fileId}")
    ResponseEntity<byte[]> evidence(@PathVariable Long id, @PathVariable Long fileId) {
        return AssistanceController.download(evidence.download(id, fileId, users.current()));
    }

    /** The student's open tasks that the caller may see (the task list's own scope). */
    private List<CaseTask> openTasks(AssistanceView view, CurrentUser caller) {
        return taskList.list(new TaskQuery(TaskQuery.Scope.ALL, null, null, null, null, view.graduateName(), null),
                PageRequest.of(0, 50, TaskList.sort(TaskQuery.SortOrder.DUE)), caller).getContent().stream()
                .filter(t -> view.graduateId().equals(t.getGraduateId())).toList();
    }

    @GetMapping("/assistance/new")
    @PreAuthorize(REGISTRARS)
    String form(Model model) {
        CurrentUser caller = users.current();
        model.addAttribute(FORM, AssistanceForm.proposed(caller, CityTime.today(clock)));
        return showForm(model, caller);
    }

    /** Registered, the student's assistance; refused, the form again with each message by its field. */
    @PostMapping("/assistance/new")
    @PreAuthorize(REGISTRARS)
    String register(@Valid @ModelAttribute(FORM) AssistanceForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CurrentUser caller = users.current();
        return Pages.submit(result, "idNumber", () -> {
            Long id = assistance.registerStudent(form.command(), caller);
            redirect.addFlashAttribute("notice", "web.assistance.registered");
            return "redirect:/assistance/" + id;
        }, model, () -> showForm(model, caller));
    }

    private String showForm(Model model, CurrentUser caller) {
        RegistrationChoices.addTo(model, caller, reference, false);
        return "assistance/new";
    }
}
