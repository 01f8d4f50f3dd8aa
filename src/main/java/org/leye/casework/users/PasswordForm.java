package org.leye.casework.users;

import java.beans.PropertyEditor;
import java.beans.PropertyEditorSupport;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;

/** The page's choice of one's own password: the current one, the new one twice. */
class PasswordForm {

    /** A password as typed: never stripped (spaces are part of it); empty is none. */
    static final PropertyEditor AS_TYPED = new PropertyEditorSupport() {
        @Override
        public void setAsText(String text) {
            setValue(text == null || text.isEmpty() ? null : text);
        }
    };

    @NotBlank(message = "{validation.required}")
    private String currentPassword;

    @NotBlank(message = "{validation.required}")
    private String newPassword;

    private String confirmPassword;

    /** The new password typed the same twice (shown by the second field). */
    @AssertTrue(message = "{web.account.mismatch}")
    public boolean isConfirmed() {
        return newPassword == null || newPassword.equals(confirmPassword);
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }
}
