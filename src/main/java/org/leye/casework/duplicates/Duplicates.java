package org.leye.casework.duplicates;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.leye.casework.cases.CaseSummary;
import org.leye.casework.cases.CaseLifecycle;
import org.leye.casework.cases.CloseReason;
import org.leye.casework.cases.GraduateMoved;
import org.leye.casework.graduates.GraduateChanges;
import org.leye.casework.graduates.GraduateSummary;
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
    private final GraduateChanges graduates;
    private final CaseLifecycle cases;
    private final Ledger ledger;
    private final Notifications notifications;
    private final MessageSource messages;
    private final Clock clock;

    Duplicates(DuplicateCandidates candidates, GraduateMerges merges, GraduateChanges graduates, CaseLifecycle cases,
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
        GraduateSummary existing = graduates.get(event.existingId());
        GraduateSummary fresh = graduates.get(event.graduateId());
        DuplicateCandidate pair = candidates.save(new DuplicateCandidate(existing.id(), existing.districtCode(),
                fresh.id(), fresh.districtCode(), event.reason(), Instant.now(clock)));
        String text = messages.getMessage("notification.duplicate",
                new Object[] { fresh.name(), existing.id(), fresh.id() }, Locale.SIMPLIFIED_CHINESE);
        notifications.toGroup("supervisors-" + fresh.districtCode(), "DUPLICATE_FOUND", text,
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
        GraduateSummary kept = graduates.get(keptId);
        GraduateSummary merged = graduates.get(mergedId);
        if (kept.mergedInto() != null) {
            throw new org.leye.casework.shared.problem.ConflictException("problem.alreadyMerged", java.util.Map.of(),
                    kept.id());
        }
        graduates.mergeInto(merged.id(), kept.id());
        Optional<CaseSummary> mergedCase = cases.findCase(merged.id());
        boolean closeCase = mergedCase.map(CaseSummary::open).orElse(false);
        if (closeCase) {
            cases.close(merged.id(), CloseReason.DUPLICATE, "merged into graduate " + kept.id(), caller);
        }
        GraduateMerge merge = merges.saveAndFlush(new GraduateMerge(pair.getId(), kept.id(), merged.id(),
                closeCase, caller.username(), now));
        ledger.record(Ledger.Record.of(kept.id(), cases.findCase(kept.id()).map(CaseSummary::id).orElse(null),
                LedgerEntryType.MERGED, caller.username()).with("mergeId", merge.getId())
                .with("duplicateId", pair.getId()).with("mergedGraduateId", merged.id())
                .with("mergedCaseNumber", merged.caseNumber()).with("closedCase", closeCase));
        log.info("Graduate {} merged into {} by {} (merge {})", merged.id(), kept.id(), caller.username(),
                merge.getId());
        return new MergeView(merge.getId(), pair.getId(), kept.id(), merged.id(), closeCase, null);
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
        GraduateSummary kept = graduates.get(merge.getKeptId());
        GraduateSummary merged = graduates.get(merge.getMergedId());
        if (!caller.canSee(kept.districtCode(), kept.universityCode())
                || !caller.canSee(merged.districtCode(), merged.universityCode())) {
            throw new NotFoundException("merge", mergeId);
        }
        Instant now = Instant.now(clock);
        merge.undo(caller.username(), now);
        graduates.unmerge(merged.id());
        if (merge.isClosedCase()) {
            cases.reopen(merged.id(), "merge " + merge.getId() + " undone", caller);
        }
        candidates.findById(merge.getCandidateId()).ifPresent(DuplicateCandidate::reopened);
        ledger.record(Ledger.Record.of(kept.id(), cases.findCase(kept.id()).map(CaseSummary::id).orElse(null),
                LedgerEntryType.MERGE_UNDONE, caller.username()).with("mergeId", merge.getId())
                .with("mergedGraduateId", merged.id()));
        log.info("Merge {} undone by {}", mergeId, caller.username());
        return new MergeView(merge.getId(), merge.getCandidateId(), kept.id(), merged.id(), merge.isClosedCase(),
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
        List<GraduateSummary> pair = List.of(graduates.get(p.getGraduateId()),
                graduates.get(p.getOtherGraduateId()));
        return new DuplicateView(p.getId(), pair.stream().map(GraduateSummary::id).toList(),
                pair.stream().map(GraduateSummary::name).toList(), pair.stream().map(GraduateSummary::caseNumber).toList(),
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
