package org.leye.casework.handover;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.leye.casework.security.CurrentUsers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Hand-over files over HTTP (API.md "Handover"). */
@RestController
@RequestMapping("/api/handovers")
class HandoverController {

    private final HandoverService service;
    private final CurrentUsers users;

    HandoverController(HandoverService service, CurrentUsers users) {
        this.service = service;
        this.users = users;
    }

    /** 202 with {@code {id, status}} for a new file; 200 with the earlier hand-over for the same content. */
    @PreAuthorize("hasAnyRole('CASEWORKER', 'COUNSELOR', 'SUPERVISOR', 'ADMIN')")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Accepted> upload(@RequestPart("file") MultipartFile file) throws IOException {
        HandoverService.Received received;
        try (InputStream in = file.getInputStream()) {
            received = service.receive(file.getOriginalFilename(), in, users.current());
        }
        return ResponseEntity.status(received.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/handovers/" + received.id()))
                .body(new Accepted(received.id(), received.status()));
    }

    /** The answer to an upload. */
    record Accepted(Long id, HandoverStatus status) {
    }

    @GetMapping("/{id}")
    HandoverService.HandoverView get(@PathVariable long id, Locale locale) {
        return service.view(id, users.current(), locale);
    }

    /** The rejected rows as CSV (UTF-8 with BOM) with the file's header and an error column. */
    @GetMapping("/{id}/rejected")
    void rejected(@PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
        var caller = users.current();
        service.checkVisible(id, caller);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"handover-" + id + "-rejected.csv\"");
        service.writeRejected(id, caller, locale, response.getOutputStream());
    }
}
