package org.leye.casework.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.leye.casework.shared.CityTime;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.web.PageRequests;
import org.leye.casework.shared.web.PageResponse;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log, for administrators only, newest first. Filters, all optional: {@code action}
 * (one of {@link AuditLog#ACTIONS}), {@code actor}, {@code graduateId}, and {@code from} / {@code to}
 * as a day in the city ({@code 2026-03-01}, the whole day) or an instant
 * ({@code 2026-03-01T08:00:00Z}); {@code from} inclusive, {@code to} exclusive for an instant.
 */
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
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var result = audit.search(graduateId, actor, action(action), instant("from", from, false),
                instant("to", to, true),
                PageRequests.of(page, size, Sort.by(Sort.Order.desc("at"), Sort.Order.desc("id"))));
        return PageResponse.of(result, e -> new Entry(e.getId(), e.getAt(), e.getActor(), e.getAction(),
                e.getGraduateId(), e.getTarget(), e.getScope(), e.getRows(), e.getDetail()));
    }

    record Entry(Long id, Instant at, String actor, String action, Long graduateId, String target, String scope,
            Integer rows, String detail) {
    }

    private static String action(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String action = given.strip().toUpperCase(Locale.ROOT);
        if (!AuditLog.ACTIONS.contains(action)) {
            throw new InvalidFieldException("action", "validation.auditAction", String.join(", ", AuditLog.ACTIONS));
        }
        return action;
    }

    /** A day in the city (its start; the next day's for the end of a span) or an ISO instant. */
    private static Instant instant(String field, String given, boolean end) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String value = given.strip();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(CityTime.ZONE).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "validation.dayOrInstant");
        }
    }
}
