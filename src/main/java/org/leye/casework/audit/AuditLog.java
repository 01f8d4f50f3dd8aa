package org.leye.casework.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.leye.casework.shared.Text;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit trail of access to personal data (PIPL): who read a graduate's record or their whole
 * ID number and phone, and who exported or downloaded which file over what, and when. A read is
 * written in the reading transaction (or right after it, one insert); an export when it ends, with
 * the rows it wrote, also when the client went away in the middle. Entries never hold personal
 * data: ids, user names, report names, district and hand-over codes, counts.
 */
@Service
public class AuditLog {

    /** The whole ID number and phone of a graduate read. */
    public static final String VIEW_IDENTITY = "VIEW_IDENTITY";
    /** A graduate's record read (masked), by the API or the graduate's page. */
    public static final String VIEW_RECORD = "VIEW_RECORD";
    /** A file written out: a report export, the download of a hand-over's rejected rows or of an assistance's evidence. */
    public static final String EXPORT = "EXPORT";
    /** Someone outside a graduate's scope named them again (a registration, a hand-over row): the answer said only "elsewhere". */
    public static final String REGISTERED_ELSEWHERE = "REGISTERED_ELSEWHERE";
    /** A user account created (security.UserAccounts, the first administrator's start-up). */
    public static final String USER_CREATED = "USER_CREATED";
    /**
     * A user disabled or enabled, given another role or scope, display name or e-mail address by
     * whoever manages them, or their password changed by themselves (security.UserAccounts).
     */
    public static final String USER_CHANGED = "USER_CHANGED";
    /** A university's graduate totals of a year set or corrected (cohorts.Cohorts), by hand or by an upload. */
    public static final String COHORT_CHANGED = "COHORT_CHANGED";
    /** A graduate's record corrected (graduates.GraduateCorrections); the detail names the fields, never their values. */
    public static final String RECORD_CORRECTED = "RECORD_CORRECTED";
    /** The actions that {@code GET /api/audit?action=} accepts. */
    public static final List<String> ACTIONS = List.of(VIEW_IDENTITY, VIEW_RECORD, EXPORT, REGISTERED_ELSEWHERE,
            USER_CREATED, USER_CHANGED, COHORT_CHANGED, RECORD_CORRECTED);

    private final AuditEntries entries;
    private final Clock clock;

    AuditLog(AuditEntries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, String action, Long graduateId, String detail) {
        writable();
        entries.save(new AuditEntry(Instant.now(clock), actor, action, graduateId, detail));
    }

    /** A read of one graduate's record. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordRead(String actor, long graduateId) {
        writable();
        entries.save(new AuditEntry(Instant.now(clock), actor, VIEW_RECORD, graduateId, null));
    }

    /**
     * A file written out.
     *
     * @param target what was written: {@code ledger}, {@code quarterly}, {@code handover.rejected}
     * @param scope  what it covered, e.g. {@code district=440785 graduationYear=2024}, {@code city quarter=2024Q3},
     *               {@code handover=17}; codes and filters only
     * @param rows   the data rows written (the header not counted)
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordExport(String actor, String target, String scope, int rows) {
        writable();
        entries.save(new AuditEntry(Instant.now(clock), actor, EXPORT, null, null, target, scope, rows));
    }

    /**
     * One of a graduate's files downloaded, such as an assistance's evidence: an {@link #EXPORT} of
     * one file, found again by the graduate.
     *
     * @param target what was read: {@code assistance.evidence}
     * @param scope  which file, e.g. {@code assistance=12 file=3}; ids only, never the file's name
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordDownload(String actor, long graduateId, String target, String scope) {
        writable();
        entries.save(new AuditEntry(Instant.now(clock), actor, EXPORT, graduateId, null, target, scope, 1));
    }

    /**
     * A change of reference figures that are not personal data, such as a cohort's totals.
     *
     * @param target what was changed: {@code cohort_totals}
     * @param scope  which of them, e.g. {@code graduationYear=2026 university=WYU}
     * @param detail the change, e.g. {@code graduates 0->100, placedAtLeaving 0->80 (upload)}
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordChange(String actor, String action, String target, String scope, String detail) {
        writable();
        entries.save(new AuditEntry(Instant.now(clock), actor, action, null, detail, target, scope, null));
    }

    /**
     * Refuses to join a read-only transaction: MySQL refuses the insert there, while H2 lets it
     * pass, so a read-only caller would lose its entries in production only.
     */
    private static void writable() {
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            throw new IllegalStateException("An audit entry cannot be written in a read-only transaction");
        }
    }

    /** Every filter optional: {@code action} one of {@link #ACTIONS}; {@code from} inclusive, {@code to} exclusive. */
    @Transactional(readOnly = true)
    public Page<AuditEntry> search(Long graduateId, String actor, String action, Instant from, Instant to,
            Pageable page) {
        return entries.search(graduateId, Text.blankToNull(actor), action, from, to,
                page);
    }
}
