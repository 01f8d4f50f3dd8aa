package org.leye.casework.cases;

import java.time.Clock;
import java.time.Instant;

import org.leye.casework.graduates.GraduateLostContact;
import org.leye.casework.ledger.Ledger;
import org.leye.casework.ledger.LedgerEntryType;
import org.leye.casework.ledger.PlacementPeriods;
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
    private final PlacementPeriods periods;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseProgress(CaseFiles cases, Ledger ledger, PlacementPeriods periods, ApplicationEventPublisher events,
            Clock clock) {
        this.cases = cases;
        this.ledger = ledger;
        this.periods = periods;
        this.events = events;
        this.clock = clock;
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
     * 记录131达标: guidance, three referrals and a training or internship are done. The placement
     * spans carry the 131 too, so they are rebuilt once the date is written.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void met131(CaseRef ref) {
        CaseFile file = find(ref);
        file.met131(Instant.now(clock));
        cases.flush();
        periods.rebuild(file.getGraduateId());
    }

    private CaseFile find(CaseRef ref) {
        return ref.id() != null ? cases.findById(ref.id()).orElseThrow()
                : cases.findByCaseNumber(ref.caseNumber()).orElseThrow();
    }
}
