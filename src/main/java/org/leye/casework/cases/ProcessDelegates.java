package org.leye.casework.cases;

import java.time.Clock;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leye.casework.graduates.Graduates;
import org.leye.casework.ledger.Ledger;
import org.leye.casework.ledger.LedgerEntryType;
import org.leye.casework.ledger.PlacementPeriods;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of the 131 model: thin translations from the engine to the case. */
@Configuration
class ProcessDelegates {

    static final String SYSTEM = "system";

    /** 标记失联: repeated failed contact attempts put the case in lost contact (retried monthly). */
    @Bean
    JavaDelegate markLostContact(CaseFiles cases, Graduates graduates, Ledger ledger) {
        return execution -> {
            CaseFile file = caseOf(execution, cases);
            if (file.getStatus() == CaseStatus.LOST_CONTACT) {
                return; // a monthly retry that failed again: still lost, nothing new to record
            }
            file.markLostContact();
            graduates.findById(file.getGraduateId()).ifPresent(g -> g.markLostContact());
            ledger.record(Ledger.Record.of(file.getGraduateId(), file.getId(), LedgerEntryType.LOST_CONTACT, SYSTEM)
                    .with("failedAttempts", file.getFailedContactAttempts()));
        };
    }

    /**
     * 记录131达标: guidance, three referrals and a training or internship are done. The placement
     * spans carry the 131 too, so they are rebuilt once the date is written.
     */
    @Bean
    JavaDelegate record131Met(CaseFiles cases, Clock clock, PlacementPeriods periods) {
        return execution -> {
            CaseFile file = caseOf(execution, cases);
            file.met131(Instant.now(clock));
            cases.flush();
            periods.rebuild(file.getGraduateId());
        };
    }

    private static CaseFile caseOf(DelegateExecution execution, CaseFiles cases) {
        Object id = execution.getVariable(Service131Variables.CASE_ID);
        if (id instanceof Number n) {
            return cases.findById(n.longValue()).orElseThrow();
        }
        return cases.findByCaseNumber(execution.getProcessBusinessKey()).orElseThrow();
    }
}
