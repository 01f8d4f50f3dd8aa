package org.leye.casework.cases;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;

import org.leye.casework.graduates.GraduateRegistry;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.shared.problem.BusinessRuleException;
import org.leye.casework.shared.problem.NotFoundException;
import org.leye.casework.web.PageController;
import org.leye.casework.web.Pages;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case on a graduate's page (shown by {@link GraduateCasePart}): its destination form, and its
 * process as a picture, as BPMN and as the steps it waits in, each scoped like the graduate.
 */
@PageController
class CasePageController {

    static final String FORM = "destination";

    private final CaseLifecycle cases;
    private final GraduateRegistry registry;
    private final ProcessDiagram diagram;
    private final CurrentUsers users;
    private final CaseOwnership ownership;
    private final Pages pages;

    CasePageController(CaseLifecycle cases, GraduateRegistry registry, ProcessDiagram diagram, CurrentUsers users,
            CaseOwnership ownership, Pages pages) {
        this.ownership = ownership;
        this.pages = pages;
        this.cases = cases;
        this.registry = registry;
        this.diagram = diagram;
        this.users = users;
    }

    /**
     * Registers the destination. Done, the graduate's page says so; refused, it shows the form
     * again with each message next to its field (the form and its errors kept across the redirect).
     */
    @PostMapping("/graduates/{id}/destination")
    String registerDestination(@PathVariable long id, @Valid @ModelAttribute(FORM) DestinationForm form,
            BindingResult result, RedirectAttributes redirect) {
        CurrentUser caller = users.current();
        if (!registry.visible(id, caller)) {
            throw new NotFoundException("graduate", id); // the 404 page outside the caller's scope, whatever was sent
        }
        return Pages.submit(result, null, () -> {
            cases.registerDestination(id, form.command(), caller);
            redirect.addFlashAttribute("notice", "web.destination.registered");
            return "redirect:/graduates/" + id;
        }).orElseGet(() -> Pages.backWithRefused(redirect, FORM, form, result, "/graduates/" + id + "#destination"));
    }

    /**
     * A supervisor names the case's responsible caseworker, through the same {@link CaseOwnership} as
     * {@code PUT /api/cases/{id}/owner}; back to the graduate's page with a notice, or the refusal
     * above the form. The 404 page for a graduate without a case or outside the caller's scope.
     */
    @PostMapping("/graduates/{id}/owner")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    String changeOwner(@PathVariable long id, @RequestParam(required = false) String username,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        CurrentUser caller = users.current();
        if (!registry.visible(id, caller)) {
            throw new NotFoundException("graduate", id);
        }
        CaseSummary file = cases.findCase(id).orElseThrow(() -> new NotFoundException("case", id));
        try {
            ownership.change(file.id(), new CaseOwnership.ChangeOwner(username == null ? "" : username, reason), caller);
            redirect.addFlashAttribute("notice", "web.case.owner.changed");
        } catch (BusinessRuleException refused) {
            redirect.addFlashAttribute("ownerProblem", pages.message(refused));
        }
        return "redirect:/graduates/" + id + "#owner-section";
    }

    /** The process diagram with the current steps highlighted. */
    @GetMapping("/graduates/{id}/diagram.svg")
    ResponseEntity<String> diagram(@PathVariable long id) {
        Optional<String> pid = cases.processInstanceOf(id, users.current());
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .body(diagram.svg(pid.orElse(null), CaseLifecycle.PROCESS_KEY));
    }

    /** The model's XML that the case runs, for a BPMN viewer. */
    @GetMapping("/graduates/{id}/process.bpmn")
    ResponseEntity<String> model(@PathVariable long id) {
        Optional<String> pid = cases.processInstanceOf(id, users.current());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .body(diagram.xml(pid.orElse(null), CaseLifecycle.PROCESS_KEY));
    }

    /** The active activity ids of the case, for a BPMN viewer. */
    @GetMapping("/graduates/{id}/activities")
    ResponseEntity<List<String>> activities(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(diagram.activeActivities(cases.processInstanceOf(id, users.current()).orElse(null)));
    }
}
