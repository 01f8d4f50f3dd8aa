package org.leye.casework.handover;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;

import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
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

/**
 * Students in difficulty registered in bulk from a counselor's list (API.md "One-to-one
 * assistance"): a hand-over of the kind {@link HandoverKind#STUDENTS_IN_DIFFICULTY}, each row
 * registered as {@code POST /api/assistance} registers one. Here and not in assistance, whose
 * service the rows go through: the hand-over uses assistance, never the other way round.
 */
@RestController
@RequestMapping("/api/assistance/uploads")
class StudentUploadController {

    /** Who registers students in difficulty: the roles of {@code POST /api/assistance}. */
    static final String REGISTRARS = "hasAnyRole('COUNSELOR', 'ADMIN')";

    private final HandoverService service;
    private final CurrentUsers users;

    StudentUploadController(HandoverService service, CurrentUsers users) {
        this.service = service;
        this.users = users;
    }

    /**
     * 202 with the upload as far as it has got, for a new file; 200 with the earlier upload of the
     * same content, whose rows are not registered again.
     */
    @PreAuthorize(REGISTRARS)
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<HandoverService.StudentUploadView> upload(@RequestPart("file") MultipartFile file, Locale locale)
            throws IOException {
        CurrentUser caller = users.current();
        HandoverService.Received received;
        try (InputStream in = file.getInputStream()) {
            received = service.receive(HandoverKind.STUDENTS_IN_DIFFICULTY, file.getOriginalFilename(), in, caller);
        }
        return ResponseEntity.status(received.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/assistance/uploads/" + received.id()))
                .body(service.studentUpload(received.id(), caller, locale));
    }

    @GetMapping("/{id}")
    HandoverService.StudentUploadView get(@PathVariable long id, Locale locale) {
        return service.studentUpload(id, users.current(), locale);
    }
}
