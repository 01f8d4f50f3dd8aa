package org.leye.casework.audit;

import java.time.Instant;

import org.leye.casework.shared.web.PageRequests;
import org.leye.casework.shared.web.PageResponse;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, for administrators only. */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    PageResponse<Entry> search(@RequestParam(required = false) Long graduateId,
            @RequestParam(required = false) String actor, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        var result = audit.search(graduateId, actor,
                PageRequests.of(page, size, Sort.by(Sort.Order.desc("at"), Sort.Order.desc("id"))));
        return PageResponse.of(result, e -> new Entry(e.getId(), e.getAt(), e.getActor(), e.getAction(),
                e.getGraduateId(), e.getDetail()));
    }

    record Entry(Long id, Instant at, String actor, String action, Long graduateId, String detail) {
    }
}
