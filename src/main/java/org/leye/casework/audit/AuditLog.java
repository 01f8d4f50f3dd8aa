package org.leye.casework.audit;

import java.time.Clock;
import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail of access to full personal data (PIPL): who read or exported whose whole ID
 * number and phone, and when. Written in the reading transaction, so no read goes unrecorded.
 */
@Service
public class AuditLog {

    public static final String VIEW_IDENTITY = "VIEW_IDENTITY";
    public static final String EXPORT = "EXPORT";
    /** Someone outside a graduate's scope named them again (a registration, a hand-over row): the answer said only "elsewhere". */
    public static final String REGISTERED_ELSEWHERE = "REGISTERED_ELSEWHERE";
    /** An administrator disabled or enabled a user, or changed their role or scope (security.UserAccounts). */
    public static final String USER_CHANGED = "USER_CHANGED";

    private final AuditEntries entries;
    private final Clock clock;

    AuditLog(AuditEntries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, String action, Long graduateId, String detail) {
        entries.save(new AuditEntry(Instant.now(clock), actor, action, graduateId, detail));
    }

    @Transactional(readOnly = true)
    public Page<AuditEntry> search(Long graduateId, String actor, Pageable page) {
        return entries.search(graduateId, actor == null || actor.isBlank() ? null : actor.strip(), page);
    }
}
