package org.leye.casework.assistance;

import java.net.URI;

import jakarta.validation.Valid;

import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.shared.web.PageRequests;
import org.leye.casework.shared.web.PageResponse;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One-to-one assistance over HTTP (API.md "One-to-one assistance"). */
@RestController
@RequestMapping("/api/assistance")
class AssistanceController {

    private final AssistanceService assistance;
    private final CurrentUsers users;

    AssistanceController(AssistanceService assistance, CurrentUsers users) {
        this.assistance = assistance;
        this.users = users;
    }

    /** A counselor registers a student in difficulty of their university. */
    @PostMapping
    @PreAuthorize("hasAnyRole('COUNSELOR', 'ADMIN')")
    ResponseEntity<AssistanceView> register(@Valid @RequestBody RegisterAssistance body) {
        CurrentUser caller = users.current();
        Assistance a = assistance.register(body, caller);
        return ResponseEntity.created(URI.create("/api/assistance/" + a.getId())).body(assistance.get(a.getId(), caller));
    }

    @GetMapping
    PageResponse<AssistanceView.Summary> list(@RequestParam(required = false) AssistanceStatus status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var result = assistance.list(status, PageRequests.of(page, size, Sort.by(Sort.Direction.DESC, "registeredAt")
                .and(Sort.by("id"))), users.current());
        return PageResponse.of(result, s -> s);
    }

    /** Counts for the reports: with and without a helper, overdue follow-ups (scoped to the caller). */
    @GetMapping("/figures")
    AssistanceView.Figures figures(@RequestParam(required = false) String district) {
        return assistance.figures(district, users.current());
    }

    @GetMapping("/{id}")
    AssistanceView get(@PathVariable Long id) {
        return assistance.get(id, users.current());
    }
}
