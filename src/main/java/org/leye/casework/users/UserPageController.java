package org.leye.casework.users;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;

import org.leye.casework.reference.District;
import org.leye.casework.reference.ReferenceData;
import org.leye.casework.reference.ReferenceData.UniversityName;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.security.Role;
import org.leye.casework.security.UserAccountView;
import org.leye.casework.security.UserAccounts;
import org.leye.casework.web.PageController;
import org.leye.casework.web.Pages;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The accounts a caller manages, through the same {@link UserAccounts} as {@code /api/users}: the
 * list, a new account, and one account's page ({@code /users/{username}}, where a notification
 * about a user links) to change it. Whoever manages no account, and an account the caller does not
 * manage, get the 404 page.
 */
@PageController
class UserPageController {

    static final String FORM = "account";

    private static final String RESET = "reset";

    private final UserAccounts accounts;
    private final CurrentUsers users;
    private final ReferenceData reference;

    UserPageController(UserAccounts accounts, CurrentUsers users, ReferenceData reference) {
        this.accounts = accounts;
        this.users = users;
        this.reference = reference;
    }

    /** The fields as typed, stripped, blank as none ({@link UserForm} is a stripped form); the password as typed. */
    @InitBinder(FORM)
    void passwordAsTyped(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, "password", PasswordForm.AS_TYPED);
    }

    @GetMapping("/users")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
            @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser caller = users.current();
        model.addAttribute("accounts", accounts.list(q, role, caller, PageRequest.of(Math.max(page, 0), 50,
                Sort.by("username"))));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("role", role);
        model.addAttribute("roles", roles(caller));
        return "users/list";
    }

    @GetMapping("/users/new")
    String newAccount(Model model) {
        CurrentUser caller = users.current();
        requireManager(caller);
        UserForm form = new UserForm();
        // the scope the caller manages, chosen already where there is one
        form.setDistrict(caller.role() == Role.SUPERVISOR ? caller.districtCode() : null);
        form.setUniversity(caller.role() == Role.COUNSELOR ? caller.universityCode() : null);
        form.setRole(caller.role() == Role.COUNSELOR ? Role.HELPER
                : caller.role() == Role.SUPERVISOR ? Role.CASEWORKER : null);
        model.addAttribute(FORM, form);
        return form(caller, model);
    }

    /** Created, to the account's page with a notice; refused, the form again with each message by its field. */
    @PostMapping("/users/new")
    String create(@Validated(UserForm.New.class) @ModelAttribute(FORM) UserForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        CurrentUser caller = users.current();
        return Pages.submit(result, "username", () -> {
            UserAccountView created = accounts.create(form.toNewAccount(), caller);
            redirect.addFlashAttribute("notice", "web.users.created");
            redirect.addFlashAttribute("noticeArg", created.username());
            return "redirect:/users/" + created.username();
        }).orElseGet(() -> form(caller, model));
    }

    @GetMapping("/users/{username}")
    String show(@PathVariable String username, Model model) {
        CurrentUser caller = users.current();
        UserAccountView account = accounts.get(username, caller);
        model.addAttribute(FORM, UserForm.of(account));
        return edit(account, caller, model);
    }

    /** Saved, back to the account's page with a notice; refused, the page again with each message by its field. */
    @PostMapping("/users/{username}")
    String change(@PathVariable String username, @Valid @ModelAttribute(FORM) UserForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        CurrentUser caller = users.current();
        UserAccountView account = accounts.get(username, caller);
        return Pages.submit(result, null, () -> {
            accounts.update(username, form.toChange(), caller);
            redirect.addFlashAttribute("notice", "web.users.saved");
            redirect.addFlashAttribute("noticeArg", account.username());
            return "redirect:/users/" + account.username();
        }).orElseGet(() -> {
            form.setUsername(account.username());
            return edit(account, caller, model);
        });
    }

    /**
     * A new password chosen for the user, who changes it at the next sign-in: back to the account's page
     * with a notice; refused, the page again with the message by the password field.
     */
    @PostMapping("/users/{username}/password")
    String resetPassword(@PathVariable String username, @Valid @ModelAttribute(RESET) ResetForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CurrentUser caller = users.current();
        UserAccountView account = accounts.get(username, caller);
        return Pages.submit(result, null, () -> {
            accounts.resetPassword(username, form.getPassword(), caller);
            redirect.addFlashAttribute("notice", "web.users.passwordReset");
            redirect.addFlashAttribute("noticeArg", account.username());
            return "redirect:/users/" + account.username();
        }).orElseGet(() -> {
            model.addAttribute(FORM, UserForm.of(account));
            return edit(account, caller, model);
        });
    }

    /** The password an account's manager chooses for its user, taken as typed (spaces are part of it). */
    static class ResetForm {

        @NotEmpty(message = "{validation.required}")
        private String password;

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    private String edit(UserAccountView account, CurrentUser caller, Model model) {
        if (!model.containsAttribute(RESET)) {
            model.addAttribute(RESET, new ResetForm());
        }
        model.addAttribute("shown", account);
        model.addAttribute("own", account.username().equalsIgnoreCase(caller.username()));
        return form(caller, model);
    }

    private String form(CurrentUser caller, Model model) {
        model.addAttribute("roles", roles(caller));
        model.addAttribute("districts", caller.role() == Role.SUPERVISOR
                ? reference.district(caller.districtCode()).stream().toList()
                : caller.role() == Role.COUNSELOR ? List.<District>of() : reference.districts());
        model.addAttribute("universities", caller.role() == Role.COUNSELOR
                ? reference.universityName(caller.universityCode()).stream().toList()
                : caller.role() == Role.SUPERVISOR ? List.<UniversityName>of() : reference.universityNames());
        return "users/form";
    }

    private List<Role> roles(CurrentUser caller) {
        requireManager(caller);
        return accounts.rolesGranted(caller).stream().sorted().toList();
    }

    private void requireManager(CurrentUser caller) {
        if (!accounts.managesAccounts(caller)) {
            throw new org.springframework.security.access.AccessDeniedException("manages no accounts");
        }
    }
}
