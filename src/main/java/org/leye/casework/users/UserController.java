package org.leye.casework.users;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.leye.casework.security.CurrentUsers;
import org.leye.casework.security.NewUserAccount;
import org.leye.casework.security.Role;
import org.leye.casework.security.UserAccountChange;
import org.leye.casework.security.UserAccountView;
import org.leye.casework.security.UserAccounts;
import org.leye.casework.shared.web.PageRequests;
import org.leye.casework.shared.web.PageResponse;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * User accounts over HTTP, for those who manage them (administrators, district supervisors,
 * counselors: see {@link UserAccounts}); a password is taken, never returned.
 */
@RestController
@RequestMapping("/api/users")
class UserController {

    private final UserAccounts accounts;
    private final CurrentUsers users;

    UserController(UserAccounts accounts, CurrentUsers users) {
        this.accounts = accounts;
        this.users = users;
    }

    @GetMapping
    PageResponse<UserAccountView> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) Role role, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(accounts.list(q, role, users.current(),
                PageRequests.of(page, size, Sort.by("username"))), view -> view);
    }

    @GetMapping("/{username}")
    UserAccountView get(@PathVariable String username) {
        return accounts.get(username, users.current());
    }

    @PostMapping
    ResponseEntity<UserAccountView> create(@Valid @RequestBody NewUserAccount command) {
        UserAccountView created = accounts.create(command, users.current());
        return ResponseEntity.created(URI.create("/api/users/" + created.username())).body(created);
    }

    /** The body of {@code PUT /api/users/{username}/password}: the password the user changes at the next sign-in. */
    record PasswordReset(@NotNull String password) {

        @Override
        public String toString() {
            return "PasswordReset[***]";
        }
    }

    @PutMapping("/{username}/password")
    ResponseEntity<Void> resetPassword(@PathVariable String username, @Valid @RequestBody PasswordReset body) {
        accounts.resetPassword(username, body.password(), users.current());
        return ResponseEntity.noContent().build();
    }

    @PatchMapping("/{username}")
    UserAccountView update(@PathVariable String username, @Valid @RequestBody UserAccountChange change) {
        return accounts.update(username, change, users.current());
    }
}
