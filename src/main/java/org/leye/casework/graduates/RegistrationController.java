package org.leye.casework.graduates;

import java.time.Clock;

import jakarta.validation.Valid;

import org.leye.casework.reference.ReferenceData;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.shared.CityTime;
import org.leye.casework.web.PageController;
import org.leye.casework.web.Pages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registers a graduate (a caseworker, a supervisor) or a student in difficulty (a counselor, for
 * their own university) through {@link GraduateRegistry#register}, which opens the 131 case.
 */
@PageController
class RegistrationController {

    static final String FORM = "form";
    static final String ROLES = "hasAnyRole('CASEWORKER', 'COUNSELOR', 'SUPERVISOR')";

    private final GraduateRegistry registry;
    private final ReferenceData reference;
    private final CurrentUsers users;
    private final Clock clock;

    RegistrationController(GraduateRegistry registry, ReferenceData reference, CurrentUsers users, Clock clock) {
        this.registry = registry;
        this.reference = reference;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/graduates/new")
    @PreAuthorize(ROLES)
    String form(Model model) {
        CurrentUser caller = users.current();
        model.addAttribute(FORM, RegistrationForm.proposed(caller, CityTime.today(clock)));
        return show(model, caller);
    }

    /** Registered, the graduate's page; refused, the form again with each message by its field. */
    @PostMapping("/graduates/new")
    @PreAuthorize(ROLES)
    String register(@Valid @ModelAttribute(FORM) RegistrationForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CurrentUser caller = users.current();
        return Pages.submit(result, "idNumber", () -> {
            Graduate graduate = registry.registerRecord(form.command(), caller);
            redirect.addFlashAttribute("notice", "web.register.done");
            return "redirect:/graduates/" + graduate.getId();
        }, model, () -> show(model, caller));
    }

    private String show(Model model, CurrentUser caller) {
        RegistrationChoices.addTo(model, caller, reference, true);
        return "register";
    }
}
