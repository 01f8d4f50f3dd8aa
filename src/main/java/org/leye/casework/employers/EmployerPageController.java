package org.leye.casework.employers;

import java.util.Map;

import jakarta.validation.Valid;

import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.security.Role;
import org.leye.casework.web.PageController;
import org.leye.casework.web.Pages;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Employers and their blacklist: everyone in the bureau searches, a supervisor blacklists and lifts. */
@PageController
class EmployerPageController {

    static final int REASON_MAX = 500;
    static final String FORM = "blacklist";

    private final EmployerDirectory directory;
    private final CurrentUsers users;
    private final Pages pages;

    EmployerPageController(EmployerDirectory directory, CurrentUsers users, Pages pages) {
        this.directory = directory;
        this.users = users;
        this.pages = pages;
    }

    /** The reason as typed, stripped; blank is none. */
    @InitBinder(FORM)
    void strip(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
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

    /**
     * Blacklists the employer and returns to the same search; a reason refused is shown by that
     * employer's reason field (its errors are keyed by the field's id, one form per row).
     */
    @PostMapping("/employers/{id}/blacklist")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String blacklist(@PathVariable Long id, @Valid @ModelAttribute(FORM) BlacklistForm form, BindingResult result,
            @RequestParam(required = false) String q, RedirectAttributes redirect) {
        redirect.addAttribute("q", q == null ? "" : q);
        FieldError refused = result.getFieldError("reason");
        if (refused != null) {
            redirect.addFlashAttribute("errors", Map.of("reason-" + id, pages.message(refused)));
            return "redirect:/employers";
        }
        directory.blacklist(id, form.getReason(), users.current());
        redirect.addFlashAttribute("notice", "web.employers.blacklisted");
        return "redirect:/employers";
    }

    @PostMapping("/employers/{id}/lift")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String lift(@PathVariable Long id, @RequestParam(required = false) String q, RedirectAttributes redirect) {
        directory.lift(id, users.current());
        redirect.addAttribute("q", q == null ? "" : q);
        redirect.addFlashAttribute("notice", "web.employers.lifted");
        return "redirect:/employers";
    }
}
