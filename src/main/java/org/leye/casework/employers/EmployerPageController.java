package org.leye.casework.employers;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;

import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.security.Role;
import org.leye.casework.web.PageController;
import org.leye.casework.web.Pages;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Employers and their blacklist: everyone in the bureau searches and reads an employer's blacklist history,
 * a supervisor blacklists and lifts, each with a reason and evidence.
 */
@PageController
class EmployerPageController {

    static final int REASON_MAX = 500;
    static final int EVIDENCE_MAX = 1000;
    static final String FORM = "blacklist";

    private final EmployerDirectory directory;
    private final CurrentUsers users;
    private final Pages pages;

    EmployerPageController(EmployerDirectory directory, CurrentUsers users, Pages pages) {
        this.directory = directory;
        this.users = users;
        this.pages = pages;
    }

    @GetMapping("/employers")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'SUPERVISOR', 'ADMIN')")
    String employers(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            Model model) {
        CurrentUser caller = users.current();
        model.addAttribute("employers", directory.search(q, PageRequest.of(Math.max(page, 0), 25,
                Sort.by("name", "id"))));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("mayBlacklist", caller.role() == Role.SUPERVISOR);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "employers";
    }

    /** One employer with its blacklist history (who, when, why, evidence), oldest first. */
    @GetMapping("/employers/{id}")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'SUPERVISOR', 'ADMIN')")
    String employer(@PathVariable Long id, Model model) {
        model.addAttribute("employer", directory.get(id));
        model.addAttribute("history", directory.history(id));
        return "employer";
    }

    /**
     * Blacklists the employer and returns to the same search; a reason or evidence refused is shown by
     * that employer's field (its errors are keyed by the field's id, one form per row).
     */
    @PostMapping("/employers/{id}/blacklist")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String blacklist(@PathVariable Long id, @Valid @ModelAttribute(FORM) BlacklistForm form, BindingResult result,
            @RequestParam(required = false) String q, RedirectAttributes redirect) {
        return decide(id, form, result, q, redirect, "", () -> directory.blacklist(id, form.command(), users.current()),
                "web.employers.blacklisted");
    }

    /** Takes the employer off the blacklist, with a reason (and evidence) kept in its history. */
    @PostMapping("/employers/{id}/lift")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String lift(@PathVariable Long id, @Valid @ModelAttribute(FORM) BlacklistForm form, BindingResult result,
            @RequestParam(required = false) String q, RedirectAttributes redirect) {
        return decide(id, form, result, q, redirect, "lift-", () -> directory.lift(id, form.command(), users.current()),
                "web.employers.lifted");
    }

    private String decide(Long id, BlacklistForm form, BindingResult result, String q, RedirectAttributes redirect,
            String prefix, Runnable decision, String notice) {
        redirect.addAttribute("q", q == null ? "" : q);
        Map<String, String> errors = new LinkedHashMap<>();
        for (String field : new String[] { "reason", "evidence" }) {
            FieldError refused = result.getFieldError(field);
            if (refused != null) {
                errors.put(prefix + field + "-" + id, pages.message(refused));
            }
        }
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("errors", errors);
            return "redirect:/employers";
        }
        decision.run();
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/employers";
    }
}
