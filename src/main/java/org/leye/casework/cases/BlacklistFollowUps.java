package org.leye.casework.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.leye.casework.employers.EmployerBlacklisted;
import org.leye.casework.ledger.Ledger;
import org.leye.casework.ledger.LedgerEntryType;
import org.leye.casework.shared.ApplicationCaller;
import org.leye.casework.shared.ProcessAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When an employer is put on the recruitment blacklist, in the blacklisting's transaction: every
 * graduate referred to it or placed with it ({@link Ledger#graduatesWithEmployer}) gets an
 * EMPLOYER_BLACKLISTED entry, from which their referrals to it stop counting toward the 131 (the one
 * rule, {@code ledger.Service131Policy}, which writes the graduate's met131_at that the reports count;
 * the case keeps the same), and a follow-up (黑名单单位回访, {@code bpmn/blacklist-follow-up.bpmn}) for the
 * caseworkers of their case's district, whether the case is open or closed. A graduate without a 131
 * case (placed straight from school) has the entry and no follow-up: the 131's contact form needs a case.
 */
@Service
@ProcessAdapter
class BlacklistFollowUps {

    static final String PROCESS_KEY = "blacklistFollowUp";
    /** The employer blacklisted, for the follow-up's reader in Cockpit; no gateway reads it. */
    static final String EMPLOYER_ID = "employerId";

    private static final Logger log = LoggerFactory.getLogger(BlacklistFollowUps.class);

    private final Ledger ledger;
    private final CaseFiles cases;
    private final RuntimeService runtime;

    BlacklistFollowUps(Ledger ledger, CaseFiles cases, RuntimeService runtime) {
        this.ledger = ledger;
        this.cases = cases;
        this.runtime = runtime;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void employerBlacklisted(EmployerBlacklisted event) {
        List<Long> graduates = ledger.graduatesWithEmployer(event.employerId(), event.name());
        for (long graduateId : graduates) {
            Optional<CaseFile> file = cases.findByGraduateId(graduateId);
            ledger.record(Ledger.Record.of(graduateId, file.map(CaseFile::getId).orElse(null),
                    LedgerEntryType.EMPLOYER_BLACKLISTED, event.by()).employer(event.employerId())
                    .with("employerId", event.employerId()).with("employer", event.name()).with("reason", event.reason()));
            file.ifPresent(f -> followUp(f, event));
        }
        log.info("Employer {} blacklisted: {} graduates referred to or placed with it followed up", event.employerId(),
                graduates.size());
    }

    private void followUp(CaseFile file, EmployerBlacklisted event) {
        Instant met = ledger.met131(file.getGraduateId()).orElse(null);
        file.met131Recounted(met);
        Map<String, Object> vars = Service131Variables.ofCase(file);
        vars.put(EMPLOYER_ID, event.employerId());
        ApplicationCaller.call(() -> runtime.startProcessInstanceByKey(PROCESS_KEY,
                file.getCaseNumber() + "-HB" + event.employerId(), vars));
    }
}
