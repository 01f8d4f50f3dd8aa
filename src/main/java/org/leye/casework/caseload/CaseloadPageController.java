package org.leye.casework.caseload;

import jakarta.validation.Valid;

import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.problem.NotFoundException;
import org.leye.casework.web.PageController;
import org.leye.casework.web.Pages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisors' caseload page: the caseworkers of the district (of the city for a city supervisor)
 * with their open and overdue tasks and the cases they answer for, and a form that moves all of one
 * caseworker's work and cases to another, or back to the pool, through the same {@link Reassignment}
 * as {@code POST /api/tasks/reassign}.
 */
@PageController
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class CaseloadPageController {

    static final String FORM = "reassign";

    private final Caseload caseload;
    private final Reassignment reassignment;
    private final CurrentUsers users;

    CaseloadPageController(Caseload caseload, Reassignment reassignment, CurrentUsers users) {
        this.caseload = caseload;
        this.reassignment = reassignment;
        this.users = users;
    }

    /** A district outside the caller's scope, or none known, is the 404 page, as on every page. */
    @GetMapping("/caseload")
    String caseload(@RequestParam(required = false) String district, Model model) {
        if (!model.containsAttribute(FORM)) {
            model.addAttribute(FORM, new ReassignForm());
        }
        return show(district, model);
    }

    /** Moved, back to the caseload with a notice of how many tasks and cases; refused, the page with each message by its field. */
    @PostMapping("/caseload/reassign")
    String reassign(@Valid @ModelAttribute(FORM) ReassignForm form, BindingResult result,
            @RequestParam(required = false) String district, Model model, RedirectAttributes redirect) {
        CurrentUser caller = users.current();
        return Pages.submit(result, null, () -> {
            Reassignment.Result moved = reassignment.reassign(form.request(), caller);
            redirect.addFlashAttribute("notice", "web.caseload.reassigned");
            redirect.addFlashAttribute("noticeArg", moved.reassigned() + " / " + moved.cases());
            if (district != null && !district.isBlank()) {
                redirect.addAttribute("district", district.strip());
            }
            return "redirect:/caseload";
        }).orElseGet(() -> {
            model.addAttribute("problemKey", "web.form.fix");
            return show(district, model);
        });
    }

    private String show(String district, Model model) {
        Caseload.View view;
        try {
            view = caseload.of(district, users.current());
        } catch (InvalidFieldException outside) {
            throw new NotFoundException("district", district);
        }
        model.addAttribute("load", view);
        return "caseload/caseload";
    }
}
