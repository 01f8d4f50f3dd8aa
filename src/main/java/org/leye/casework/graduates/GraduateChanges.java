package org.leye.casework.graduates;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.leye.casework.shared.problem.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The changes to a graduate's record that other modules' work brings about (a case opened,
 * closed or reopened, a destination, a move, a merge), made in the caller's transaction so that
 * the change and the work commit or fail together; and the graduates as other modules read them.
 * No scope is applied here: the caller has checked it (see {@link GraduateRegistry#summary}). A change
 * without the caller's transaction is refused ({@link Propagation#MANDATORY}); the reads join it or open their own.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class GraduateChanges {

    private final Graduates graduates;

    GraduateChanges(Graduates graduates) {
        this.graduates = graduates;
    }

    /** The graduate as the caller's transaction sees it, a change made in it included. */
    @Transactional(readOnly = true)
    public Optional<GraduateSummary> find(Long id) {
        return id == null ? Optional.empty() : graduates.findById(id).map(GraduateSummary::of);
    }

    /** One graduate that must exist (its id came from our own tables). */
    @Transactional(readOnly = true)
    public GraduateSummary get(long id) {
        return GraduateSummary.of(graduate(id));
    }

    /** Several graduates in one query, in no particular order. */
    @Transactional(readOnly = true)
    public List<GraduateSummary> all(Collection<Long> ids) {
        return graduates.findAllById(ids).stream().map(GraduateSummary::of).toList();
    }

    /** The ids of every graduate registered (for seeding demo data). */
    @Transactional(readOnly = true)
    public List<Long> allIds() {
        return graduates.findAll().stream().map(Graduate::getId).toList();
    }

    @Transactional(readOnly = true)
    public long count() {
        return graduates.count();
    }

    public void caseOpened(long id, String caseNumber) {
        graduate(id).caseOpened(caseNumber);
    }

    /** The graduate's case has another responsible caseworker (null: none), as its owner changed. */
    public void caseOwnerChanged(long id, String owner) {
        graduate(id).caseOwnedBy(owner);
    }

    public void caseClosed(long id) {
        graduate(id).caseClosed();
    }

    public void caseReopened(long id) {
        graduate(id).caseReopened();
    }

    /** Answers whether the source was new (a graduate that came by another route already has a case). */
    public boolean addSource(long id, Source source) {
        return graduate(id).addSource(source);
    }

    /** Registers the destination and answers the graduate as registered, and whether it places them. */
    public Registered registerDestination(long id, Destination destination, boolean publicWelfare, LocalDate date,
            String employer) {
        Graduate graduate = graduate(id);
        boolean placed = graduate.registerDestination(destination, publicWelfare, date, employer);
        return new Registered(GraduateSummary.of(graduate), placed);
    }

    /** A destination registered: the graduate after it, and whether it placed them. */
    public record Registered(GraduateSummary graduate, boolean placed) {
    }

    public void moveTo(long id, String districtCode) {
        graduate(id).moveTo(districtCode);
    }

    public void mergeInto(long id, Long keptId) {
        graduate(id).mergeInto(keptId);
    }

    public void unmerge(long id) {
        graduate(id).unmerge();
    }

    private Graduate graduate(long id) {
        return graduates.findById(id).orElseThrow(() -> new NotFoundException("graduate", id));
    }
}
