package org.leye.casework.users;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.leye.casework.security.CurrentUsers;
import org.leye.casework.security.UserAccounts;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own password: any signed-in user, also (and first of all) one who must choose theirs. */
@RestController
class AccountController {

    private final UserAccounts accounts;
    private final CurrentUsers users;

    AccountController(UserAccounts accounts, CurrentUsers users) {
        this.accounts = accounts;
        this.users = users;
    }

    /** The body of {@code PUT /api/me/password}. */
    record NewPassword(@NotNull String currentPassword, @NotNull String newPassword) {

        @Override
        public String toString() {
            return "NewPassword[***]";
        }
    }

    @PutMapping("/api/me/password")
    ResponseEntity<Void> changePassword(@Valid @RequestBody NewPassword body) {
        accounts.changeOwnPassword(users.current(), body.currentPassword(), body.newPassword());
        return ResponseEntity.noContent().build();
    }
}
