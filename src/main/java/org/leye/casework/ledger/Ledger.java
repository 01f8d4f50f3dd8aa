package org.leye.casework.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.leye.casework.graduates.GraduateChanges;
import org.leye.casework.graduates.GraduateSummary;
import org.leye.casework.shared.IdNumbersInText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes ledger entries in the caller's transaction (a task completion, a destination, a close),
 * so that the fact and its entry commit or fail together.
 */
@Service
public class Ledger {

    private final LedgerEntries entries;
    private final GraduateChanges graduates;
    private final ObjectMapper json;
    private final Clock clock;
    private final PlacementPeriods periods;

    Ledger(LedgerEntries entries, GraduateChanges graduates, ObjectMapper json, Clock clock, PlacementPeriods periods) {
        this.entries = entries;
        this.periods = periods;
        this.graduates = graduates;
        this.json = json;
        this.clock = clock;
    }

    /** What to record; {@code taskId} makes the entry unique per completed task. */
    public record Record(Long graduateId, Long caseId, LedgerEntryType type, String actor, String taskId,
            Long employerId, Map<String, Object> details) {

        public static Record of(Long graduateId, Long caseId, LedgerEntryType type, String actor) {
            return new Record(graduateId, caseId, type, actor, null, null, Map.of());
        }

        public Record task(String id) {
            return new Record(graduateId, caseId, type, actor, id, employerId, details);
        }

        public Record employer(Long id) {
            return new Record(graduateId, caseId, type, actor, taskId, id, details);
        }

        /** A detail of the entry; an ID number quoted in a text is masked ({@link IdNumbersInText}). */
        public Record with(String key, Object value) {
            Map<String, Object> more = new LinkedHashMap<>(details);
            if (value != null) {
                more.put(key, value instanceof String text ? IdNumbersInText.mask(text) : value);
            }
            return new Record(graduateId, caseId, type, actor, taskId, employerId, more);
        }
    }

    /**
     * Appends one entry. It carries the graduate's district at this moment (read from the graduate
     * in this transaction, so a move recorded after {@code GraduateChanges.moveTo} carries the new one) and,
     * for a DESTINATION, the destination code of its {@code code} detail and whether its
     * {@code publicWelfare} detail flags a public-welfare post: the reports read them
     * "as of" a date without looking at the graduate's current record. An entry that changes the
     * graduate's district or destination rebuilds their placement spans ({@link PlacementPeriods}),
     * one that the graduate's row carries for the compliance report (a helper assigned) writes it, and
     * a service or a merge evaluates their 131 again ({@link Service131Policy}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long record(Record r) {
        String district = r.graduateId() == null ? null
                : graduates.find(r.graduateId()).map(GraduateSummary::districtCode).orElse(null);
        String destination = r.type() == LedgerEntryType.DESTINATION && r.details().get("code") != null
                ? r.details().get("code").toString() : null;
        boolean publicWelfare = r.type() == LedgerEntryType.DESTINATION
                && Boolean.TRUE.equals(r.details().get("publicWelfare"));
        // The graduate's row is locked before the entry whose copies on it are written after it: the entry's
        // insert takes a shared lock on the row (its foreign key), and two transactions each holding that
        // lock and asking for the exclusive one deadlock (two services of one graduate recorded at once)
        Optional<PlacementPeriods.Carried131> carried131 = Optional.empty();
        if (r.graduateId() != null && r.type() != LedgerEntryType.REGISTERED) {
            if (PlacementPeriods.changes(r.type()) || PlacementPeriods.carries(r.type())) {
                periods.lock(r.graduateId());
            } else if (PlacementPeriods.bearsOn131(r.type())) {
                carried131 = periods.lockFor131(r.graduateId());
            }
        }
        LedgerEntry entry = entries.saveAndFlush(new LedgerEntry(r.graduateId(), r.caseId(), r.type(),
                Instant.now(clock), r.actor(), r.taskId(), r.employerId(), write(r.details()), district, destination,
                publicWelfare));
        if (r.graduateId() != null && r.type() == LedgerEntryType.REGISTERED) {
            periods.registered(r.graduateId(), entry.getId());
        } else if (r.graduateId() != null && PlacementPeriods.changes(r.type())) {
            periods.rebuild(r.graduateId());
        } else if (r.graduateId() != null && PlacementPeriods.carries(r.type())) {
            periods.carry(r.graduateId());
        } else if (r.graduateId() != null && PlacementPeriods.bearsOn131(r.type())) {
            periods.met131(r.graduateId(), carried131);
        }
        return entry.getId();
    }

    @Transactional(readOnly = true)
    public List<LedgerEntryView> of(Long graduateId) {
        return entries.findByGraduateIdOrderByAtAscIdAsc(graduateId).stream().map(this::view).toList();
    }

    /**
     * The combined ledger of several graduates in time order: a kept graduate's with those of the
     * graduates merged into it. Entries are never re-pointed; the merge is a mapping that reads follow.
     */
    @Transactional(readOnly = true)
    public List<LedgerEntryView> of(Collection<Long> graduateIds) {
        return entries.findByGraduateIdInOrderByAtAscIdAsc(graduateIds).stream().map(this::view).toList();
    }

    /**
     * The graduate's 131 now, by the one rule ({@link Service131Policy}): their services and those of the
     * duplicates merged into them, whatever case they were recorded in. The page, the API and (through
     * {@code graduate.met131_at}) the reports all read it.
     */
    @Transactional(readOnly = true)
    public Compliance compliance(long graduateId) {
        return periods.compliance(graduateId);
    }

    /**
     * The graduate's case was flagged in difficulty without an entry that carries it (a close, a
     * reopening, a hand-over do; an opening is {@link #caseOpened}): writes the case's state on the graduate's row again, for the early
     * warning ({@link PlacementPeriods#carry}), after flushing the change of the case.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void caseChanged(long graduateId) {
        entries.flush();
        periods.carry(graduateId);
    }

    /**
     * A case opened for the graduate in this transaction, its row inserted already: the graduate's
     * row carries it as {@link #caseChanged} would, without flushing the changes still pending.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void caseOpened(long graduateId) {
        periods.caseOpened(graduateId);
    }

    /** Evaluates the graduate's 131 again and writes when it was met (see {@link PlacementPeriods#met131}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Instant> met131(long graduateId) {
        return periods.met131(graduateId);
    }

    /**
     * The graduates referred to or placed with an employer, by id: those with a REFERRAL or DESTINATION
     * entry naming it (ix_ledger_entry_employer), and those whose current destination is registered under
     * its name (ix_graduate_destination_employer; a destination recorded before destinations named their
     * employer's id). A merged duplicate answers as the graduate they were merged into.
     */
    @Transactional(readOnly = true)
    public List<Long> graduatesWithEmployer(long employerId, String employerName) {
        return entries.graduatesWithEmployer(employerId, employerName).stream().map(Number::longValue).distinct()
                .sorted().toList();
    }

    @Transactional(readOnly = true)
    public Optional<LedgerEntryView> forTask(String taskId) {
        return entries.findFirstByTaskId(taskId).map(this::view);
    }

    private LedgerEntryView view(LedgerEntry e) {
        return new LedgerEntryView(e.getId(), e.getGraduateId(), e.getCaseId(), e.getType(), e.getAt(), e.getActor(),
                e.getTaskId(), e.getEmployerId(), details(e), e.getDistrictCode(), e.getDestinationCode());
    }

    private Map<String, Object> details(LedgerEntry entry) {
        if (entry.getDetails() == null || entry.getDetails().isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(entry.getDetails(), new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable ledger entry " + entry.getId(), e);
        }
    }

    private String write(Map<String, Object> details) {
        if (details == null || details.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Ledger details not serialisable", e);
        }
    }
}
