package org.leye.casework.graduates;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Parameter;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.web.PageRequests;
import org.leye.casework.shared.web.PageResponse;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The graduate registry over HTTP (API.md "Graduates and cases"). */
@RestController
@RequestMapping("/api/graduates")
class GraduateController {

    private final GraduateRegistry registry;
    private final GraduateMapper mapper;
    private final CurrentUsers users;
    private final GraduateCorrections corrections;

    GraduateController(GraduateRegistry registry, GraduateMapper mapper, CurrentUsers users,
            GraduateCorrections corrections) {
        this.registry = registry;
        this.corrections = corrections;
        this.mapper = mapper;
        this.users = users;
    }

    @PreAuthorize("hasAnyRole('CASEWORKER', 'COUNSELOR', 'SUPERVISOR', 'ADMIN')")
    @PostMapping
    ResponseEntity<GraduateView> register(@Valid @RequestBody RegisterGraduate command) {
        Graduate graduate = registry.registerRecord(command, users.current());
        return ResponseEntity.created(URI.create("/api/graduates/" + graduate.getId())).body(mapper.toView(graduate));
    }

    /** One graduate's record; every read is in the audit log (VIEW_RECORD). */
    @GetMapping("/{id}")
    GraduateView get(@PathVariable long id) {
        return registry.read(id, users.current());
    }

    @GetMapping
    PageResponse<GraduateView> search(@RequestParam(required = false) String district,
            @RequestParam(required = false) GraduateStatus status,
            @RequestParam(required = false) Difficulty difficulty,
            @RequestParam(required = false) String q,
            @Parameter(deprecated = true, description = "Deprecated: an ID number in a URL reaches access logs and"
                    + " browser histories; use POST /api/graduates/lookup. Goes in the next version.")
            @RequestParam(required = false) String idNumber,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(defaultValue = "name") String sort) {
        Sort order = switch (sort) {
            case "name" -> Sort.by("nameSort", "id");
            case "registeredAt" -> Sort.by(Sort.Direction.DESC, "registeredAt").and(Sort.by("id"));
            default -> throw new InvalidFieldException("sort", "validation.sort", "name, registeredAt");
        };
        var result = registry.search(new GraduateSearch(district, status, difficulty, q), idNumber,
                PageRequests.of(page, size, order), users.current());
        return PageResponse.of(result, mapper::toView);
    }

    /**
     * The graduates within the caller's scope registered with this ID number (none or one), the ID
     * number in the body so that it stays out of URLs and access logs.
     */
    @PostMapping("/lookup")
    PageResponse<GraduateView> lookup(@Valid @RequestBody Lookup body) {
        var result = registry.search(new GraduateSearch(null, null, null, null), body.idNumber(),
                PageRequests.of(null, null, Sort.by("nameSort", "id")), users.current());
        return PageResponse.of(result, mapper::toView);
    }

    /** The body of {@code POST /api/graduates/lookup}. */
    record Lookup(@NotBlank @Size(max = 32) String idNumber) {
    }

    /**
     * Difficulty categories found for a graduate registered earlier (两个百分百: found in difficulty
     * later); 200 with the graduate, whose bureau assistance has started if they had none.
     */
    @PreAuthorize("hasAnyRole('CASEWORKER', 'COUNSELOR', 'SUPERVISOR', 'ADMIN')")
    @PostMapping("/{id}/difficulties")
    GraduateView recordDifficulties(@PathVariable long id, @Valid @RequestBody RecordDifficulties body) {
        return registry.recordDifficulties(id, body, users.current());
    }

    /**
     * Corrects the record (a JSON merge patch of the correctable fields, {@link GraduatePatch}); with
     * {@code If-Match} the version it was made on (the view's {@code version}), 409 when it changed since.
     * 200 with the graduate; one ledger entry GRADUATE_CORRECTED when anything changed.
     */
    @PreAuthorize("hasAnyRole('CASEWORKER', 'COUNSELOR', 'SUPERVISOR', 'ADMIN')")
    @PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE })
    GraduateView correct(@PathVariable long id,
            @Parameter(description = "the record's version as the view gives it, \"3\" or 3") @RequestHeader(
                    name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody GraduatePatch patch) {
        if (!patch.notCorrectable().isEmpty()) {
            throw new InvalidFieldException(patch.notCorrectable().stream()
                    .map(member -> new InvalidFieldException.FieldError(member, "validation.notCorrectable")).toList());
        }
        return corrections.correct(id, patch.command(version(ifMatch)), users.current());
    }

    /** The version in an {@code If-Match} header: {@code "3"}, {@code W/"3"} or {@code 3}; none is null. */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        tag = tag.startsWith("W/") ? tag.substring(2) : tag;
        tag = tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1) : tag;
        try {
            return Long.valueOf(tag);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(HttpHeaders.IF_MATCH, "validation.ifMatch");
        }
    }

    /** The whole ID number and phone, for the graduate's caseworkers, supervisors and administrators. */
    @GetMapping("/{id}/identity")
    GraduateRegistry.FullIdentity identity(@PathVariable Long id) {
        return registry.fullIdentity(id, users.current());
    }
}
