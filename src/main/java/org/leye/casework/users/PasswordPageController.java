package org.leye.casework.users;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.security.UserAccounts;
import org.leye.casework.web.PageController;
import org.leye.casework.web.Pages;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * One's own password, for everyone signed in; the only page that a user given a password by
 * someone else may open until they have chosen their own (security.PasswordChangeRequiredFilter).
 * A new password ends every session of the user, this one included: they sign in again with it.
 */
@PageController
class PasswordPageController {

    static final String FORM = "password";

    private final UserAccounts accounts;
    private final CurrentUsers users;

    PasswordPageController(UserAccounts accounts, CurrentUsers users) {
        this.accounts = accounts;
        this.users = users;
    }

    @InitBinder(FORM)
    void asTyped(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, PasswordForm.AS_TYPED);
    }

    @GetMapping("/account/password")
    String form(Model model) {
        model.addAttribute(FORM, new PasswordForm());
        return "account/password";
    }

    @PostMapping("/account/password")
    String change(@Valid @ModelAttribute(FORM) PasswordForm form, BindingResult result, HttpServletRequest request,
            Model model) {
        CurrentUser me = users.current();
        return Pages.submit(result, null, () -> {
            accounts.changeOwnPassword(me, form.getCurrentPassword(), form.getNewPassword());
            // the session is ended in the database already; this request's copy goes too
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            return "redirect:/login?passwordChanged";
        }).orElseGet(() -> {
            form.setCurrentPassword(null);
            form.setNewPassword(null);
            form.setConfirmPassword(null);
            return "account/password";
        });
    }
}
