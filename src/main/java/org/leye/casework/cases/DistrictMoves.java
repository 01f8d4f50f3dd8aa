package org.leye.casework.cases;

import java.util.Objects;

import org.leye.casework.graduates.GraduateChanges;
import org.leye.casework.graduates.GraduateRegistry;
import org.leye.casework.graduates.GraduateSummary;
import org.leye.casework.graduates.GraduateView;
import org.leye.casework.ledger.Ledger;
import org.leye.casework.ledger.LedgerEntryType;
import org.leye.casework.reference.District;
import org.leye.casework.reference.ReferenceData;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.shared.ApplicationCaller;
import org.leye.casework.shared.ProcessAdapter;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A graduate moves to another district (household registration or residence): the graduate and
 * the case follow, and one DISTRICT_CHANGED entry (from, to) records when, so that reports as of
 * an earlier date still count the graduate where they were. The open tasks move to the new
 * district's caseworkers (unclaimed, through the engine so the inbox follows), and the process
 * variables change so that later tasks go there too; the engine takes these changes from the
 * application only ({@link ApplicationCaller}). {@link GraduateMoved} tells the capabilities that
 * keep their own copy of the district.
 */
@Service
@ProcessAdapter
public class DistrictMoves {

    private static final Logger log = LoggerFactory.getLogger(DistrictMoves.class);

    private final GraduateRegistry registry;
    private final GraduateChanges graduates;
    private final CaseLifecycle cases;
    private final Ledger ledger;
    private final ReferenceData reference;

    private final org.camunda.bpm.engine.RuntimeService runtime;
    private final org.leye.casework.tasks.OpenTasks openTasks;
    private final ApplicationEventPublisher events;
    private final CaseOwnership ownership;

    DistrictMoves(GraduateRegistry registry, GraduateChanges graduates, CaseLifecycle cases, Ledger ledger,
            ReferenceData reference, org.camunda.bpm.engine.RuntimeService runtime,
            org.leye.casework.tasks.OpenTasks openTasks,
            ApplicationEventPublisher events, CaseOwnership ownership) {
        this.ownership = ownership;
        this.registry = registry;
        this.graduates = graduates;
        this.events = events;
        this.runtime = runtime;
        this.openTasks = openTasks;
        this.cases = cases;
        this.ledger = ledger;
        this.reference = reference;
    }

    /**
     * Moves a graduate within the caller's scope (else {@link org.leye.casework.shared.problem.NotFoundException})
     * to the district, and answers the graduate as moved; nothing changes when they are in that
     * district already.
     */
    @Transactional
    public GraduateView move(long graduateId, MoveGraduate command, CurrentUser by) {
        GraduateSummary graduate = registry.summary(graduateId, by);
        move(graduate, command.district(), command.reason(), by);
        return registry.view(graduateId, by);
    }

    /** Answers whether the graduate moved (false when already in that district). */
    private boolean move(GraduateSummary graduate, String district, String reason, CurrentUser caller) {
        String to = reference.district(district).map(District::code)
                .orElseThrow(() -> new InvalidFieldException("district", "validation.unknownDistrict"));
        String from = graduate.districtCode();
        if (Objects.equals(from, to)) {
            return false;
        }
        graduates.moveTo(graduate.id(), to);
        var file = cases.fileOf(graduate.id());
        file.ifPresent(c -> c.moveTo(to));
        file.filter(CaseFile::isOpen).ifPresent(c -> moveWork(c, from, to));
        file.ifPresent(ownership::movedDistrict); // the owner, a caseworker of the old district, cleared
        ledger.record(Ledger.Record.of(graduate.id(), file.map(CaseFile::getId).orElse(null),
                LedgerEntryType.DISTRICT_CHANGED, caller.username()).with("from", from).with("to", to)
                .with("reason", reason));
        events.publishEvent(new GraduateMoved(graduate.id(), from, to));
        log.info("Graduate {} moved from district {} to {} by {}", graduate.id(), from, to, caller.username());
        return true;
    }

    private void moveWork(CaseFile file, String from, String to) {
        String oldGroup = "caseworkers-" + from;
        String newGroup = "caseworkers-" + to;
        ApplicationCaller.run(() -> {
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(file.getCaseNumber()).active().list()
                    .forEach(pi -> runtime.setVariables(pi.getId(), java.util.Map.of(Service131Variables.DISTRICT, to,
                            Service131Variables.CANDIDATE_GROUP, newGroup, Service131Variables.SUPERVISOR_GROUP,
                            "supervisors-" + to)));
        });
        // the old district's caseworker no longer serves them: the case's tasks go to the new district's pool
        openTasks.moveToDistrict(openTasks.ofCase(file.getId()), to, java.util.Map.of(oldGroup, newGroup));
    }
}
