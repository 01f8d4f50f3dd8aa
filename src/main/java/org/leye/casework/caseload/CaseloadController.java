package org.leye.casework.caseload;

import org.leye.casework.security.CurrentUsers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Caseload and bulk reassignment for supervisors (API.md "Caseload, notifications, duplicates"). */
@RestController
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class CaseloadController {

    private final Caseload caseload;
    private final Reassignment reassignment;
    private final CurrentUsers users;

    CaseloadController(Caseload caseload, Reassignment reassignment, CurrentUsers users) {
        this.caseload = caseload;
        this.reassignment = reassignment;
        this.users = users;
    }

    @GetMapping("/api/caseload")
    Caseload.View caseload(@RequestParam(required = false) String district) {
        return caseload.of(district, users.current());
    }

    /**
     * {@code {taskIds: [...], assignee, reason}} or {@code {fromAssignee, assignee, reason}} (all of a
     * caseworker's open work); {@code assignee} null puts the tasks back to the district's group.
     */
    @PostMapping("/api/tasks/reassign")
    Reassignment.Result reassign(@RequestBody Reassignment.Request body) {
        return reassignment.reassign(body, users.current());
    }
}
