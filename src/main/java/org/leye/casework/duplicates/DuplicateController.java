package org.leye.casework.duplicates;

import java.util.List;
import java.util.Locale;

import org.leye.casework.security.CurrentUsers;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.web.PageRequests;
import org.leye.casework.shared.web.PageResponse;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Probable duplicates for supervisors (API.md "Caseload, notifications, duplicates"). */
@RestController
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class DuplicateController {

    private final Duplicates duplicates;
    private final CurrentUsers users;

    DuplicateController(Duplicates duplicates, CurrentUsers users) {
        this.duplicates = duplicates;
        this.users = users;
    }

    @GetMapping("/api/duplicates")
    PageResponse<Duplicates.DuplicateView> list(@RequestParam(defaultValue = "OPEN") String status,
            @RequestParam(required = false) Long graduate,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        DuplicateCandidate.Status s;
        try {
            s = DuplicateCandidate.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("status", "validation.enum",
                    java.util.Arrays.toString(DuplicateCandidate.Status.values()));
        }
        if (graduate != null) {
            List<Duplicates.DuplicateView> of = duplicates.ofGraduate(graduate, s, users.current());
            return new PageResponse<>(of, 0, Math.max(of.size(), 1), of.size());
        }
        var result = duplicates.list(s, PageRequests.of(page, size, Sort.by("foundAt", "id")), users.current());
        return PageResponse.of(result, v -> v);
    }

    @GetMapping("/api/duplicates/{id}")
    Duplicates.DuplicateView get(@PathVariable Long id) {
        return duplicates.get(id, users.current());
    }

    /** Body optional: {@code {keep: graduateId}} names the graduate to keep (default: the one registered first). */
    @PostMapping("/api/duplicates/{id}/merge")
    Duplicates.MergeView merge(@PathVariable Long id, @RequestBody(required = false) MergeRequest body) {
        return duplicates.merge(id, body == null ? null : body.keep(), users.current());
    }

    @PostMapping("/api/duplicates/{id}/dismiss")
    Duplicates.DuplicateView dismiss(@PathVariable Long id) {
        return duplicates.dismiss(id, users.current());
    }

    @PostMapping("/api/merges/{id}/undo")
    Duplicates.MergeView undo(@PathVariable Long id) {
        return duplicates.undo(id, users.current());
    }

    record MergeRequest(Long keep) {
    }
}
