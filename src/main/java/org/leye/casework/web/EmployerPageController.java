package org.leye.casework.web;

import java.util.Map;

import org.leye.casework.employers.EmployerDirectory;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.security.Role;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Employers and their blacklist: everyone in the bureau searches, a supervisor blacklists and lifts. */
@PageController
class EmployerPageController {

    static final int REASON_MAX = 500;

    private final EmployerDirectory directory;
    private final CurrentUsers users;
    private final Pages pages;

    EmployerPageController(EmployerDirectory directory, CurrentUsers users, Pages pages) {
        this.directory = directory;
        this.users = users;
        this.pages = pages;
    }

    @GetMapping("/employers")
    String employers(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            Model model) {
        CurrentUser caller = users.current();
        Pages.require(caller, Role.CASEWORKER, Role.SUPERVISOR, Role.ADMIN);
        model.addAttribute("employers", directory.search(q, PageRequest.of(Math.max(page, 0), 25,
                Sort.by("name", "id"))));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("mayBlacklist", caller.role() == Role.SUPERVISOR);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "employers";
    }

    @PostMapping("/employers/{id}/blacklist")
    String blacklist(@PathVariable Long id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String q, RedirectAttributes redirect) {
        CurrentUser caller = users.current();
        Pages.require(caller, Role.SUPERVISOR);
        redirect.addAttribute("q", q == null ? "" : q);
        if (reason == null || reason.isBlank() || reason.strip().length() > REASON_MAX) {
            String key = reason == null || reason.isBlank() ? "validation.required" : "web.validation.tooLong";
            redirect.addFlashAttribute("errors",
                    Map.of("reason-" + id, pages.fieldErrors(new InvalidFieldException("reason", key, REASON_MAX))
                            .get("reason")));
            return "redirect:/employers";
        }
        directory.blacklist(id, reason, caller);
        redirect.addFlashAttribute("notice", "web.employers.blacklisted");
        return "redirect:/employers";
    }

    @PostMapping("/employers/{id}/lift")
    String lift(@PathVariable Long id, @RequestParam(required = false) String q, RedirectAttributes redirect) {
        CurrentUser caller = users.current();
        Pages.require(caller, Role.SUPERVISOR);
        directory.lift(id, caller);
        redirect.addAttribute("q", q == null ? "" : q);
        redirect.addFlashAttribute("notice", "web.employers.lifted");
        return "redirect:/employers";
    }
}
