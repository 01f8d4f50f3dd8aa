package org.leye.casework.assistance;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Valid;

import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.shared.web.PageRequests;
import org.leye.casework.shared.web.PageResponse;
import org.springframework.data.domain.Sort;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** One-to-one assistance over HTTP (API.md "One-to-one assistance"). */
@RestController
@RequestMapping("/api/assistance")
class AssistanceController {

    private final AssistanceService assistance;
    private final EvidenceService evidence;
    private final CurrentUsers users;

    AssistanceController(AssistanceService assistance, EvidenceService evidence, CurrentUsers users) {
        this.assistance = assistance;
        this.evidence = evidence;
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

    /** An evidence file (PDF, PNG or JPEG) added by anyone who sees the assistance. */
    @PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AssistanceView.EvidenceFile> addEvidence(@PathVariable Long id,
            @RequestPart(name = EvidenceService.FIELD, required = false) MultipartFile file) throws IOException {
        AssistanceView.EvidenceFile added = file == null
                ? evidence.add(id, null, null, null, users.current())
                : evidence.add(id, file.getOriginalFilename(), file.getContentType(), file.getBytes(), users.current());
        return ResponseEntity.created(URI.create("/api/assistance/" + id + "/evidence/" + added.id())).body(added);
    }

    /** An evidence file, for the named helper, supervisors in scope and administrators only; audited. */
    @GetMapping("/{id}/evidence/{fileId}")
    ResponseEntity<byte[]> evidence(@PathVariable Long id, @PathVariable Long fileId) {
        return download(evidence.download(id, fileId, users.current()));
    }

    /** A file as an attachment that no browser renders in the application's origin. */
    static ResponseEntity<byte[]> download(EvidenceFiles.Content content) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.file().type()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.file().name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").cacheControl(CacheControl.noStore())
                .body(content.bytes());
    }
}
