package org.leye.casework.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Append-only: save and read, no update, no delete. */
interface AuditEntries extends Repository<AuditEntry, Long> {

    AuditEntry save(AuditEntry entry);

    @Query("select a from AuditEntry a where (:graduateId is null or a.graduateId = :graduateId)"
            + " and (:actor is null or a.actor = :actor)")
    Page<AuditEntry> search(Long graduateId, String actor, Pageable page);
}
