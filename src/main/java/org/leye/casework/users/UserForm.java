package org.leye.casework.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.leye.casework.security.NewUserAccount;
import org.leye.casework.security.Role;
import org.leye.casework.security.UserAccountChange;
import org.leye.casework.security.UserAccountView;
import org.leye.casework.web.StrippedForm;

/**
 * The users page's form, in the page's messages: a new account (all fields) or the change of one
 * (no user name or password: a changed account's role, district and university are as chosen, so a
 * blank one is none). The password's policy, the scope's fit and who may grant what, the service checks.
 */
@StrippedForm
class UserForm {

    @NotBlank(message = "{validation.required}", groups = New.class)
    @Pattern(regexp = NewUserAccount.USERNAME, message = "{leye.validation.username}", groups = New.class)
    private String username;

    @NotBlank(message = "{validation.required}")
    @Size(max = 64, message = "{web.validation.tooLong}")
    private String displayName;

    @NotNull(message = "{validation.required}")
    private Role role;

    private String district;

    private String university;

    @Email(message = "{web.validation.email}")
    @Size(max = 128, message = "{web.validation.tooLong}")
    private String email;

    @NotBlank(message = "{validation.required}", groups = New.class)
    private String password;

    private boolean enabled = true;

    /** The checks of a new account only (its user name and password). */
    interface New extends jakarta.validation.groups.Default {
    }

    static UserForm of(UserAccountView account) {
        UserForm form = new UserForm();
        form.username = account.username();
        form.displayName = account.displayName();
        form.role = account.role();
        form.district = account.district();
        form.university = account.university();
        form.email = account.email();
        form.enabled = account.enabled();
        return form;
    }

    NewUserAccount toNewAccount() {
        return new NewUserAccount(username, displayName, role, district, university, email, password);
    }

    UserAccountChange toChange() {
        return new UserAccountChange(enabled, role, district == null ? "" : district,
                university == null ? "" : university, displayName, email == null ? "" : email);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district;
    }

    public String getUniversity() {
        return university;
    }

    public void setUniversity(String university) {
        this.university = university;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
