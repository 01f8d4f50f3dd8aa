package org.leye.casework.audit;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Append-only: save and read, no update, no delete. */
interface AuditEntries extends Repository<AuditEntry, Long> {

    AuditEntry save(AuditEntry entry);

    /** Every filter optional; {@code from} inclusive, {@code to} exclusive. */
    @Query("select a from AuditEntry a where (:graduateId is null or a.graduateId = :graduateId)"
            + " and (:actor is null or a.actor = :actor) and (:action is null or a.action = :action)"
            + " and (:from is null or a.at >= :from) and (:to is null or a.at < :to)")
    Page<AuditEntry> search(Long graduateId, String actor, String action, Instant from, Instant to, Pageable page);
}
