package org.leye.casework.employers;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

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

/** Employers over HTTP; only a supervisor blacklists and lifts, anyone reads the history. */
@RestController
@RequestMapping("/api/employers")
class EmployerController {

    private final EmployerDirectory directory;
    private final EmployerMapper mapper;
    private final CurrentUsers users;

    EmployerController(EmployerDirectory directory, EmployerMapper mapper, CurrentUsers users) {
        this.directory = directory;
        this.mapper = mapper;
        this.users = users;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('CASEWORKER', 'SUPERVISOR', 'ADMIN')")
    ResponseEntity<EmployerView> register(@Valid @RequestBody RegisterEmployer command) {
        Employer employer = directory.register(command, users.current());
        return ResponseEntity.created(URI.create("/api/employers/" + employer.getId())).body(mapper.toView(employer));
    }

    @GetMapping
    PageResponse<EmployerView> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(directory.search(q, PageRequests.of(page, size, Sort.by("name", "id"))), mapper::toView);
    }

    @GetMapping("/{id}")
    EmployerView get(@PathVariable Long id) {
        return mapper.toView(directory.get(id));
    }

    @GetMapping("/{id}/blacklist-history")
    List<BlacklistRecordView> history(@PathVariable Long id) {
        return directory.history(id);
    }

    @PostMapping("/{id}/blacklist")
    @PreAuthorize("hasRole('SUPERVISOR')")
    EmployerView blacklist(@PathVariable Long id, @Valid @RequestBody BlacklistEmployer command) {
        return mapper.toView(directory.blacklist(id, command, users.current()));
    }

    @PostMapping("/{id}/lift")
    @PreAuthorize("hasRole('SUPERVISOR')")
    EmployerView lift(@PathVariable Long id, @Valid @RequestBody BlacklistEmployer command) {
        return mapper.toView(directory.lift(id, command, users.current()));
    }
}
