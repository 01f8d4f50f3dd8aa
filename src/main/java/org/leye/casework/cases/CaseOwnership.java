package org.leye.casework.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.leye.casework.graduates.GraduateChanges;
import org.leye.casework.ledger.Ledger;
import org.leye.casework.ledger.LedgerEntryType;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.security.Role;
import org.leye.casework.security.UserAccountChanged;
import org.leye.casework.shared.Text;
import org.leye.casework.shared.problem.BusinessRuleException;
import org.leye.casework.shared.problem.NotFoundException;
import org.leye.casework.tasks.CaseOwners;
import org.leye.casework.tasks.CaseTask;
import org.leye.casework.tasks.OpenTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One caseworker per graduate (一对一): each case's responsible caseworker, its owner. The first
 * caseworker of the district to take the caseworkers' work on a case becomes its owner; the case's
 * later caseworker tasks are assigned to the owner as they are made (tasks.TaskSync asks
 * {@link #ownerOf}), to the district's pool only while there is none. A supervisor names another
 * owner, whose open caseworker tasks of the case go with it; a bulk reassignment moves ownership with
 * the work. An owner whose account is disabled or moved to another district or role no longer answers
 * for the district's cases: they are cleared, so that new tasks go to the pool. Every change but the
 * first taking is one OWNER_CHANGED ledger entry; the owner is written on the graduate's record and
 * the case's open tasks with it, for their views.
 */
@Service
public class CaseOwnership implements CaseOwners {

    private static final Logger log = LoggerFactory.getLogger(CaseOwnership.class);

    private final CaseFiles cases;
    private final GraduateChanges graduates;
    private final OpenTasks openTasks;
    private final Ledger ledger;
    private final CurrentUsers users;

    CaseOwnership(CaseFiles cases, GraduateChanges graduates, OpenTasks openTasks, Ledger ledger, CurrentUsers users) {
        this.cases = cases;
        this.graduates = graduates;
        this.openTasks = openTasks;
        this.ledger = ledger;
        this.users = users;
    }

    /** Another responsible caseworker for a case: {@code PUT /api/cases/{id}/owner}. */
    public record ChangeOwner(
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 64) String username,
            @jakarta.validation.constraints.Size(max = 500) String reason) {
    }

    /** One caseworker's open cases in a district. */
    public record OwnedCases(String districtCode, String owner, long cases) {
    }

    /**
     * By the persistence context's case file (read by its primary key when not there yet), not by a
     * query: a query of {@code case_file} would first flush the transaction's pending changes of
     * the case (its number, at a case start), which are then written a second time with the process
     * instance at commit. The managed case also answers an owner set earlier in the transaction.
     */
    @Override
    public Optional<String> ownerOf(long caseId) {
        return cases.findById(caseId).map(CaseFile::getOwner);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void taken(CaseTask task, CurrentUser by) {
        if (!task.isCaseworkersCaseWork() || by.role() != Role.CASEWORKER
                || !task.getDistrictCode().equals(by.districtCode())) {
            return; // a supervisor working a task, or work that is not the district caseworkers'
        }
        CaseFile file = cases.findById(task.getCaseId()).orElse(null);
        if (file != null && file.getDistrictCode().equals(by.districtCode()) && file.takenBy(by.username())) {
            written(file);
            log.info("Case {} owned by {}, who took its work", file.getCaseNumber(), by.username());
        }
    }

    /**
     * A supervisor names the case's responsible caseworker: an enabled caseworker of the case's
     * district, else {@link BusinessRuleException} naming {@code username}; the case's open caseworker
     * tasks go to them. A district supervisor reaches the cases of their district only, as an
     * administrator and the city's supervisors every case ({@link NotFoundException} otherwise).
     */
    @Transactional
    public CaseView change(long caseId, ChangeOwner command, CurrentUser by) {
        CaseFile file = cases.findById(caseId).filter(c -> inScope(c, by))
                .orElseThrow(() -> new NotFoundException("case", caseId));
        String to = command.username().strip();
        if (users.find(to).filter(u -> u.role() == Role.CASEWORKER && file.getDistrictCode().equals(u.districtCode()))
                .isEmpty()) {
            throw new BusinessRuleException("problem.ownerNotCaseworker", Map.of("username", to), to,
                    file.getDistrictCode());
        }
        String from = file.changeOwner(to);
        List<OpenTasks.Moved> moved = openTasks.assignCaseWork(file.getId(), to);
        if (!Objects.equals(from, to) || !moved.isEmpty()) {
            written(file);
            ledger.record(Ledger.Record.of(file.getGraduateId(), file.getId(), LedgerEntryType.OWNER_CHANGED,
                    by.username()).with("from", from).with("to", to).with("reason", Text.blankToNull(command.reason()))
                    .with("tasks", moved.stream().map(OpenTasks.Moved::taskId).toList()));
            log.info("Case {} owner changed by {}: {} tasks moved", file.getCaseNumber(), by.username(), moved.size());
        }
        return CaseView.of(file);
    }

    /**
     * A bulk reassignment moved the work of these cases to a caseworker (null: back to the pool): the
     * cases go with it, each changed one with an OWNER_CHANGED entry. The caller's scope was checked
     * by the reassignment.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int workMoved(Collection<Long> caseIds, String to, String reason, CurrentUser by) {
        int changed = 0;
        for (Long id : new LinkedHashSet<>(caseIds)) {
            CaseFile file = id == null ? null : cases.findById(id).orElse(null);
            if (file != null && !Objects.equals(file.getOwner(), to)) {
                String from = file.changeOwner(to);
                written(file);
                ledger.record(Ledger.Record.of(file.getGraduateId(), file.getId(), LedgerEntryType.OWNER_CHANGED,
                        by.username()).with("from", from).with("to", to).with("reason", reason));
                changed++;
            }
        }
        return changed;
    }

    /** The cases of one owner, in a district or (null) the whole city. */
    @Transactional(readOnly = true)
    public List<CaseSummary> ownedBy(String owner, String districtCode) {
        return cases.ownedBy(owner, districtCode).stream().map(CaseSummary::of).toList();
    }

    /** Open cases per owner, of a district or (null) the whole city: one grouped query. */
    @Transactional(readOnly = true)
    public List<OwnedCases> ownedCases(String districtCode) {
        List<OwnedCases> owned = new ArrayList<>();
        for (Object[] row : cases.ownedCases(districtCode)) {
            owned.add(new OwnedCases((String) row[0], (String) row[1], ((Number) row[2]).longValue()));
        }
        return owned;
    }

    /**
     * An owner whose account was disabled, or who is no longer a caseworker of the case's district,
     * answers for it no longer: the owner is cleared, and new tasks go to the district's pool.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(UserAccountChanged changed) {
        for (CaseFile file : cases.ownedBy(changed.username(), null)) {
            if (!changed.isCaseworkerOf(file.getDistrictCode())) {
                file.changeOwner(null);
                written(file);
                ledger.record(Ledger.Record.of(file.getGraduateId(), file.getId(), LedgerEntryType.OWNER_CHANGED,
                        changed.by()).with("from", changed.username()).with("cause", "ACCOUNT_CHANGED"));
            }
        }
    }

    /** The graduate moved district: the case's owner, a caseworker of the old district, is cleared. */
    void movedDistrict(CaseFile file) {
        written(file);
    }

    /** The owner as the graduate's record and the case's open tasks show it. */
    private void written(CaseFile file) {
        graduates.caseOwnerChanged(file.getGraduateId(), file.getOwner());
        openTasks.ownerChanged(file.getId(), file.getOwner());
    }

    private static boolean inScope(CaseFile file, CurrentUser by) {
        return by.seesWholeCity()
                || (by.role() == Role.SUPERVISOR && file.getDistrictCode().equals(by.districtCode()));
    }
}
