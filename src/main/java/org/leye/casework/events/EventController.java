package org.leye.casework.events;

import jakarta.validation.Valid;

import org.leye.casework.security.CurrentUsers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Group events over HTTP (API.md "Group events"): the district's staff and an administrator record them. */
@RestController
@RequestMapping("/api/events")
class EventController {

    private final GroupEvents events;
    private final CurrentUsers users;

    EventController(GroupEvents events, CurrentUsers users) {
        this.events = events;
        this.users = users;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('CASEWORKER', 'SUPERVISOR', 'ADMIN')")
    GroupEventResult record(@Valid @RequestBody RecordGroupEvent event) {
        return events.record(event, users.current());
    }
}
