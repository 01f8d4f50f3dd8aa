package org.leye.casework.cases;

import jakarta.validation.Valid;

import org.leye.casework.security.CurrentUsers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A case's responsible caseworker (一对一), named by a supervisor (API.md "Graduates and cases"). */
@RestController
class CaseOwnerController {

    private final CaseOwnership ownership;
    private final CurrentUsers users;

    CaseOwnerController(CaseOwnership ownership, CurrentUsers users) {
        this.ownership = ownership;
        this.users = users;
    }

    @PutMapping("/api/cases/{id}/owner")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    CaseView changeOwner(@PathVariable long id, @Valid @RequestBody CaseOwnership.ChangeOwner body) {
        return ownership.change(id, body, users.current());
    }
}
