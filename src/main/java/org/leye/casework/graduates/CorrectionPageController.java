package org.leye.casework.graduates;

import java.util.Optional;

import jakarta.validation.Valid;

import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.shared.problem.BusinessRuleException;
import org.leye.casework.web.PageController;
import org.leye.casework.web.Pages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The edit page of a graduate's record ({@link GraduateCorrections}): the correctable fields, for
 * those who may correct them (caseworkers and supervisors of the graduate's district, counselors of
 * their university, administrators); anyone else, or a graduate outside the caller's scope, gets the
 * 404 page.
 */
@PageController
@PreAuthorize("hasAnyRole('CASEWORKER', 'COUNSELOR', 'SUPERVISOR', 'ADMIN')")
class CorrectionPageController {

    private static final String FORM = "form";

    private final GraduateRegistry registry;
    private final GraduateCorrections corrections;
    private final CurrentUsers users;

    CorrectionPageController(GraduateRegistry registry, GraduateCorrections corrections, CurrentUsers users) {
        this.registry = registry;
        this.corrections = corrections;
        this.users = users;
    }

    @GetMapping("/graduates/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        GraduateView graduate = registry.view(id, users.current());
        model.addAttribute(FORM, CorrectionForm.of(graduate));
        return page(graduate, model);
    }

    /** Saved, the graduate's page says so; refused, the form again with each message by its field. */
    @PostMapping("/graduates/{id}/edit")
    String correct(@PathVariable long id, @Valid @ModelAttribute(FORM) CorrectionForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        CurrentUser caller = users.current();
        GraduateView graduate = registry.view(id, caller); // the 404 page outside the caller's scope, whatever was sent
        Optional<String> done;
        try {
            done = Pages.submit(result, "version", () -> {
                long before = graduate.version();
                GraduateView after = corrections.correct(id, form.command(), caller);
                redirect.addFlashAttribute("notice", after.version() == before ? "web.correct.unchanged" : "web.correct.saved");
                return "redirect:/graduates/" + id;
            });
        } catch (BusinessRuleException refused) {
            Pages.reject(result, "willingToWork", refused);
            done = Optional.empty();
        }
        return done.orElseGet(() -> page(graduate, model));
    }

    private static String page(GraduateView graduate, Model model) {
        model.addAttribute("graduate", graduate);
        model.addAttribute("degrees", Degree.values());
        model.addAttribute("difficulties", Difficulty.values());
        return "graduate-edit";
    }
}
