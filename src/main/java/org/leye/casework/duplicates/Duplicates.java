package org.leye.casework.duplicates;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.leye.casework.cases.CaseFile;
import org.leye.casework.cases.CaseLifecycle;
import org.leye.casework.cases.CloseReason;
import org.leye.casework.cases.GraduateMoved;
import org.leye.casework.graduates.Graduate;
import org.leye.casework.graduates.Graduates;
import org.leye.casework.graduates.ProbableDuplicateFound;
import org.leye.casework.ledger.Ledger;
import org.leye.casework.ledger.LedgerEntryType;
import org.leye.casework.notifications.Notifications;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.shared.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Probable duplicates found at registration, and their merge, dismissal and undo.
 * <p>
 * A merge never rewrites the ledger: the merged graduate is marked {@code merged_into} the kept
 * one, whose ledger reads follow that mapping (both ledgers combined in time order); the merged
 * graduate's case is closed through {@link CaseLifecycle} (its process instance ends), and one
 * MERGED entry in the kept graduate's ledger records it. Undo clears the mapping, reopens the case
 * the merge closed (a new process instance, as any reopen) and records MERGE_UNDONE.
 * A supervisor sees a pair when both graduates are in their district; a city supervisor or an
 * administrator sees every pair.
 */
@Service
class Duplicates {

    private static final Logger log = LoggerFactory.getLogger(Duplicates.class);

    private final DuplicateCandidates candidates;
    private final GraduateMerges merges;
    private final Graduates graduates;
    private final CaseLifecycle cases;
    private final Ledger ledger;
    private final Notifications notifications;
    private final MessageSource messages;
    private final Clock clock;

    Duplicates(DuplicateCandidates candidates, GraduateMerges merges, Graduates graduates, CaseLifecycle cases,
            Ledger ledger, Notifications notifications, MessageSource messages, Clock clock) {
        this.candidates = candidates;
        this.merges = merges;
        this.graduates = graduates;
        this.cases = cases;
        this.ledger = ledger;
        this.notifications = notifications;
        this.messages = messages;
        this.clock = clock;
    }

    /** A graduate's pairs follow them to their new district: the old district's supervisors no longer see them. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(GraduateMoved moved) {
        candidates.findByGraduateIdOrOtherGraduateIdOrderById(moved.graduateId(), moved.graduateId())
                .forEach(pair -> pair.graduateMoved(moved.graduateId(), moved.to()));
    }

    /** Stores the pair (earlier graduate first) and tells the district's supervisors. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ProbableDuplicateFound event) {
        if (candidates.existsByGraduateIdAndOtherGraduateId(event.existingId(), event.graduateId())) {
            return;
        }
        Graduate existing = graduates.findById(event.existingId()).orElseThrow();
        Graduate fresh = graduates.findById(event.graduateId()).orElseThrow();
        DuplicateCandidate pair = candidates.save(new DuplicateCandidate(existing.getId(), existing.getDistrictCode(),
                fresh.getId(), fresh.getDistrictCode(), event.reason(), Instant.now(clock)));
        String text = messages.getMessage("notification.duplicate",
                new Object[] { fresh.getName(), existing.getId(), fresh.getId() }, Locale.SIMPLIFIED_CHINESE);
        notifications.toGroup("supervisors-" + fresh.getDistrictCode(), "DUPLICATE_FOUND", text,
                "/duplicates/" + pair.getId());
    }

    @Transactional(readOnly = true)
    public Page<DuplicateView> list(DuplicateCandidate.Status status, Pageable page, CurrentUser caller) {
        Page<DuplicateCandidate> found = caller.seesWholeCity() ? candidates.findByStatus(status, page)
                : candidates.findByStatusAndDistrictCodeAndOtherDistrict(status, caller.districtCode(),
                        caller.districtCode(), page);
        return found.map(this::view);
    }

    /** The pairs of one graduate with this status, within the caller's scope. */
    @Transactional(readOnly = true)
    public List<DuplicateView> ofGraduate(Long graduateId, DuplicateCandidate.Status status, CurrentUser caller) {
        return candidates.findByGraduateIdOrOtherGraduateIdOrderById(graduateId, graduateId).stream()
                .filter(p -> p.getStatus() == status).filter(p -> visible(p, caller)).map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public DuplicateView get(Long id, CurrentUser caller) {
        return view(candidate(id, caller));
    }

    /**
     * Merges the pair: keeps {@code keepId} (default: the graduate registered first) and merges the
     * other into it.
     */
    @Transactional
    public MergeView merge(Long id, Long keepId, CurrentUser caller) {
        DuplicateCandidate pair = candidate(id, caller);
        Long keptId = keepId == null ? pair.getGraduateId() : keepId;
        if (!pair.involves(keptId)) {
            throw new org.leye.casework.shared.problem.InvalidFieldException("keep", "validation.keepOneOfPair");
        }
        Long mergedId = keptId.equals(pair.getGraduateId()) ? pair.getOtherGraduateId() : pair.getGraduateId();
        Instant now = Instant.now(clock);
        pair.merged(caller.username(), now);
        Graduate kept = graduates.findById(keptId).orElseThrow();
        Graduate merged = graduates.findById(mergedId).orElseThrow();
        if (kept.getMergedInto() != null) {
            throw new org.leye.casework.shared.problem.ConflictException("problem.alreadyMerged", java.util.Map.of(),
                    kept.getId());
        }
        merged.mergeInto(kept.getId());
        Optional<CaseFile> mergedCase = cases.findCase(merged.getId());
        boolean closeCase = mergedCase.map(CaseFile::isOpen).orElse(false);
        if (closeCase) {
            cases.close(merged, CloseReason.DUPLICATE, "merged into graduate " + kept.getId(), caller);
        }
        GraduateMerge merge = merges.saveAndFlush(new GraduateMerge(pair.getId(), kept.getId(), merged.getId(),
                closeCase, caller.username(), now));
        ledger.record(Ledger.Record.of(kept.getId(), cases.findCase(kept.getId()).map(CaseFile::getId).orElse(null),
                LedgerEntryType.MERGED, caller.username()).with("mergeId", merge.getId())
                .with("duplicateId", pair.getId()).with("mergedGraduateId", merged.getId())
                .with("mergedCaseNumber", merged.getCaseNumber()).with("closedCase", closeCase));
        log.info("Graduate {} merged into {} by {} (merge {})", merged.getId(), kept.getId(), caller.username(),
                merge.getId());
        return new MergeView(merge.getId(), pair.getId(), kept.getId(), merged.getId(), closeCase, null);
    }

    @Transactional
    public DuplicateView dismiss(Long id, CurrentUser caller) {
        DuplicateCandidate pair = candidate(id, caller);
        pair.dismissed(caller.username(), Instant.now(clock));
        log.info("Duplicate pair {} dismissed by {}", id, caller.username());
        return view(pair);
    }

    /** Undoes a merge: both graduates stand on their own again, the closed case is reopened, the pair is open. */
    @Transactional
    public MergeView undo(Long mergeId, CurrentUser caller) {
        GraduateMerge merge = merges.findById(mergeId).orElseThrow(() -> new NotFoundException("merge", mergeId));
        Graduate kept = graduates.findById(merge.getKeptId()).orElseThrow();
        Graduate merged = graduates.findById(merge.getMergedId()).orElseThrow();
        if (!caller.canSee(kept.getDistrictCode(), kept.getUniversityCode())
                || !caller.canSee(merged.getDistrictCode(), merged.getUniversityCode())) {
            throw new NotFoundException("merge", mergeId);
        }
        Instant now = Instant.now(clock);
        merge.undo(caller.username(), now);
        merged.unmerge();
        if (merge.isClosedCase()) {
            cases.reopen(merged, "merge " + merge.getId() + " undone", caller);
        }
        candidates.findById(merge.getCandidateId()).ifPresent(DuplicateCandidate::reopened);
        ledger.record(Ledger.Record.of(kept.getId(), cases.findCase(kept.getId()).map(CaseFile::getId).orElse(null),
                LedgerEntryType.MERGE_UNDONE, caller.username()).with("mergeId", merge.getId())
                .with("mergedGraduateId", merged.getId()));
        log.info("Merge {} undone by {}", mergeId, caller.username());
        return new MergeView(merge.getId(), merge.getCandidateId(), kept.getId(), merged.getId(), merge.isClosedCase(),
                now);
    }

    private DuplicateCandidate candidate(Long id, CurrentUser caller) {
        return candidates.findById(id).filter(p -> visible(p, caller))
                .orElseThrow(() -> new NotFoundException("duplicate", id));
    }

    private static boolean visible(DuplicateCandidate p, CurrentUser caller) {
        return caller.seesWholeCity()
                || (caller.canSee(p.getDistrictCode(), null) && caller.canSee(p.getOtherDistrict(), null));
    }

    private DuplicateView view(DuplicateCandidate p) {
        List<Graduate> pair = List.of(graduates.findById(p.getGraduateId()).orElseThrow(),
                graduates.findById(p.getOtherGraduateId()).orElseThrow());
        return new DuplicateView(p.getId(), pair.stream().map(Graduate::getId).toList(),
                pair.stream().map(Graduate::getName).toList(), pair.stream().map(Graduate::getCaseNumber).toList(),
                p.getReason(), p.getStatus().name(), p.getFoundAt(), p.getDecidedBy(), p.getDecidedAt());
    }

    /** A probable duplicate pair (API.md): the graduate registered first, then the later one. */
    record DuplicateView(Long id, List<Long> graduateIds, List<String> names, List<String> caseNumbers, String reason,
            String status, Instant foundAt, String decidedBy, Instant decidedAt) {
    }

    /** A merge: the kept and the merged graduate, whether the merged one's case was closed, and when it was undone. */
    record MergeView(Long id, Long duplicateId, Long keptId, Long mergedId, boolean closedCase, Instant undoneAt) {
    }
}
