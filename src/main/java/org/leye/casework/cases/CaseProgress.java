package org.leye.casework.cases;

import org.leye.casework.graduates.GraduateLostContact;
import org.leye.casework.ledger.Ledger;
import org.leye.casework.ledger.LedgerEntryType;
import org.leye.casework.shared.ApplicationCaller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the 131 process records on the case by itself, through its service tasks
 * ({@link MarkLostContact}, {@link Record131Met}), in the engine's transaction.
 */
@Service
class CaseProgress {

    private final CaseFiles cases;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;

    CaseProgress(CaseFiles cases, Ledger ledger, ApplicationEventPublisher events) {
        this.cases = cases;
        this.ledger = ledger;
        this.events = events;
    }

    /**
     * A process instance's case: by the id the instance carries, or by its business key, the case
     * number, for an instance that carries none.
     */
    record CaseRef(Long id, String caseNumber) {

        static CaseRef of(Object idVariable, String businessKey) {
            return new CaseRef(idVariable instanceof Number n ? n.longValue() : null, businessKey);
        }
    }

    /**
     * 标记失联: repeated failed contact attempts put the case in lost contact (retried monthly), and
     * the graduate with it ({@link GraduateLostContact}: the graduates capability changes its own).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lostContact(CaseRef ref) {
        CaseFile file = find(ref);
        if (file.getStatus() == CaseStatus.LOST_CONTACT) {
            return; // a monthly retry that failed again: still lost, nothing new to record
        }
        file.markLostContact();
        events.publishEvent(new GraduateLostContact(file.getGraduateId()));
        ledger.record(Ledger.Record.of(file.getGraduateId(), file.getId(), LedgerEntryType.LOST_CONTACT,
                ApplicationCaller.ACTOR).with("failedAttempts", file.getFailedContactAttempts()));
    }

    /**
     * 记录131达标: the process has had guidance, three referral tasks and a training or internship
     * completed. Whether that meets the 131 is the ledger's rule ({@code ledger.Service131Policy}: three
     * distinct positions, services before a reopening and of merged duplicates count), which also writes
     * the graduate's met131_at and spans; the case keeps the time the rule gives, if met. A process whose
     * referrals went to the same position goes on with further referrals, each evaluated again.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void met131(CaseRef ref) {
        CaseFile file = find(ref);
        ledger.met131(file.getGraduateId()).ifPresent(file::met131);
    }

    private CaseFile find(CaseRef ref) {
        return ref.id() != null ? cases.findById(ref.id()).orElseThrow()
                : cases.findByCaseNumber(ref.caseNumber()).orElseThrow();
    }
}
