package org.leye.casework.assistance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.criteria.Predicate;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.leye.casework.graduates.Destination;
import org.leye.casework.graduates.Difficulty;
import org.leye.casework.graduates.GraduateChanges;
import org.leye.casework.graduates.GraduateFoundInDifficulty;
import org.leye.casework.graduates.GraduateInDifficulty;
import org.leye.casework.graduates.GraduateRegistered;
import org.leye.casework.graduates.GraduateSummary;
import org.leye.casework.graduates.GraduateRegistry;
import org.leye.casework.ledger.Ledger;
import org.leye.casework.ledger.LedgerEntryView;
import org.leye.casework.ledger.LedgerEntryType;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.security.Role;
import org.leye.casework.shared.ApplicationCaller;
import org.leye.casework.shared.IdNumbersInText;
import org.leye.casework.shared.ProcessAdapter;
import org.leye.casework.shared.Text;
import org.leye.casework.shared.problem.NotFoundException;
import org.leye.casework.tasks.TaskPriority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers students in difficulty for one-to-one assistance, starts the bureau's for a graduate in
 * difficulty who came by another route, and finds them within the caller's scope: a counselor sees
 * their university's students, a helper those assigned to them, district staff the bureau's
 * assistances and a student once handed over, the city everything; a federation officer none (they
 * work the disability track's tasks, {@link DisabilityTracks}). Out of scope answers like unknown.
 */
@Service
@ProcessAdapter
public class AssistanceService {

    static final String PROCESS_KEY = "oneToOneAssistance";
    static final String BUREAU_PROCESS_KEY = "bureauAssistance";
    static final String MESSAGE_PLACED = "StudentPlaced";

    private static final Logger log = LoggerFactory.getLogger(AssistanceService.class);
    private static final Set<LedgerEntryType> DISABILITY_TRACK = Set.of(LedgerEntryType.DPF_FILE,
            LedgerEntryType.DPF_SURVEY, LedgerEntryType.DPF_TRACKING, LedgerEntryType.DPF_SERVICE);

    private final Assistances assistances;
    private final GraduateRegistry registry;
    private final GraduateChanges graduates;
    private final Ledger ledger;
    private final CurrentUsers users;
    private final RuntimeService runtime;
    private final AssistanceTimers timers;
    private final Clock clock;
    private final DisabilityTracks disabilityTracks;
    private final EvidenceFiles evidenceFiles;

    AssistanceService(Assistances assistances, GraduateRegistry registry, GraduateChanges graduates, Ledger ledger,
            CurrentUsers users, RuntimeService runtime, AssistanceTimers timers, Clock clock,
            DisabilityTracks disabilityTracks, EvidenceFiles evidenceFiles) {
        this.assistances = assistances;
        this.registry = registry;
        this.graduates = graduates;
        this.ledger = ledger;
        this.users = users;
        this.runtime = runtime;
        this.timers = timers;
        this.clock = clock;
        this.disabilityTracks = disabilityTracks;
        this.evidenceFiles = evidenceFiles;
    }

    /**
     * Registers the student (no 131 case yet: they are still at school) and starts the assistance
     * process, in one transaction.
     */
    @Transactional
    public Assistance register(RegisterAssistance command, CurrentUser caller) {
        LocalDate leaving = command.leavingSchoolDate() != null ? command.leavingSchoolDate()
                : timers.leavingSchoolOn(command.graduationYear());
        if (!leaving.isAfter(LocalDate.now(clock.withZone(timers.getZone())))) {
            return registerLeaver(command, caller);
        }
        GraduateSummary graduate = registry.registerStillAtSchool(command.graduate(), caller);
        Assistance a = assistances.saveAndFlush(new Assistance(graduate.id(), graduate.universityCode(),
                graduate.districtCode(), IdNumbersInText.mask(command.evidence().strip()),
                graduate.difficulties().contains(Difficulty.DISABILITY), leaving, caller.username(),
                Instant.now(clock)));
        Map<String, Object> vars = new HashMap<>();
        vars.put(AssistanceVariables.ASSISTANCE_ID, a.getId());
        vars.put(AssistanceVariables.GRADUATE_ID, graduate.id());
        vars.put(AssistanceVariables.COUNSELOR_GROUP, "counselors-" + graduate.universityCode());
        vars.put(AssistanceVariables.HELPER, null);
        vars.put(AssistanceVariables.DISABILITY, a.isDisability());
        vars.put(AssistanceVariables.PRIORITY, TaskPriority.DIFFICULTY);
        vars.put(AssistanceVariables.LEAVING_SCHOOL_AT,
                Date.from(leaving.plusDays(1).atStartOfDay(timers.getZone()).toInstant()));
        // as the application: the engine starts no casework process for anyone else
        ProcessInstance instance = ApplicationCaller.call(
                () -> runtime.startProcessInstanceByKey(PROCESS_KEY, a.businessKey(), vars));
        a.started(instance.getId());
        log.info("Assistance {} for graduate {} registered by {}", a.businessKey(), graduate.id(), caller.username());
        return a;
    }

    /**
     * A student in difficulty who has left school already (issue 20) is no longer the school's: the
     * counselor hands them over as a leaver (source {@code HANDOVER}), which opens the 131 case and,
     * through {@link #on(GraduateRegistered)}, the bureau's assistance whose helper the district's
     * caseworkers name. The counselor's evidence goes with it.
     */
    private Assistance registerLeaver(RegisterAssistance command, CurrentUser caller) {
        GraduateSummary graduate = registry.register(command.leaver(), caller);
        Assistance a = assistances.findByGraduateId(graduate.id()).orElseThrow();
        a.evidence(IdNumbersInText.mask(command.evidence().strip()));
        return a;
    }

    /**
     * 两个百分百: a graduate in difficulty registered by any route but the school's assistance (by a
     * caseworker, in a university's hand-over) gets a named helper at the bureau, in the
     * registration's transaction. A student registered at school has theirs already.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(GraduateRegistered event) {
        if (!event.caseDeferred()) {
            registry.inDifficulty(event.graduateId())
                    .ifPresent(g -> startAtBureau(g, null, ApplicationCaller.ACTOR, event.source().name()));
        }
    }

    /**
     * 两个百分百, found in difficulty later: a graduate registered earlier, now in difficulty, gets the
     * bureau's assistance (a named helper, a plan, follow-ups) in the same transaction, unless they
     * have an assistance already (at school, or at the bureau): nothing is started twice.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(GraduateFoundInDifficulty event) {
        Optional<Assistance> existing = assistances.findByGraduateId(event.graduateId());
        if (existing.isPresent()) {
            if (event.added().contains(Difficulty.DISABILITY) && existing.get().getStatus() != AssistanceStatus.PLACED) {
                // a disability found during the assistance, or after the hand-over: the track starts now, once
                existing.get().disabilityFound();
                disabilityTracks.startFor(existing.get().getId());
            }
            return;
        }
        registry.inDifficulty(event.graduateId())
                .ifPresent(g -> startAtBureau(g, event.evidence(), event.actor(), "found in difficulty later"));
    }

    /**
     * Starts the bureau's assistance for a graduate who has none: one registered in this transaction
     * (their row is new), or one found in difficulty later, whose existing assistance the caller has
     * looked for. {@code ux_assistance_graduate} refuses a second one should a caller forget.
     */
    private void startAtBureau(GraduateInDifficulty g, String evidence, String registeredBy, String route) {
        Assistance a = assistances.saveAndFlush(Assistance.atBureau(g.graduateId(), g.universityCode(),
                g.districtCode(), g.disability(), registeredBy, Instant.now(clock)));
        a.evidence(evidence);
        Map<String, Object> vars = new HashMap<>();
        vars.put(AssistanceVariables.ASSISTANCE_ID, a.getId());
        vars.put(AssistanceVariables.GRADUATE_ID, g.graduateId());
        vars.put(AssistanceVariables.HELPER_GROUP, "caseworkers-" + g.districtCode());
        vars.put(AssistanceVariables.HELPER, null);
        vars.put(AssistanceVariables.DISTRICT, g.districtCode());
        vars.put(AssistanceVariables.SUPERVISOR_GROUP, "supervisors-" + g.districtCode());
        vars.put(AssistanceVariables.DISABILITY, a.isDisability());
        vars.put(AssistanceVariables.PRIORITY, TaskPriority.DIFFICULTY);
        ProcessInstance instance = ApplicationCaller.call(
                () -> runtime.startProcessInstanceByKey(BUREAU_PROCESS_KEY, a.businessKey(), vars));
        a.started(instance.getId());
        log.info("Assistance {} at the bureau for graduate {} ({})", a.businessKey(), g.graduateId(), route);
    }

    /** {@link #register}, answering the new assistance's id (for the web pages). */
    @Transactional
    public Long registerStudent(RegisterAssistance command, CurrentUser caller) {
        return register(command, caller).getId();
    }

    /** The ids of a student registered by {@link #registerListed}. */
    public record Registered(long assistanceId, long graduateId) {
    }

    /**
     * {@link #register}, answering the ids of the new assistance and its student: a row of a
     * counselor's list of students in difficulty (the hand-over of that kind) is registered exactly
     * as the single registration registers one.
     */
    @Transactional
    public Registered registerListed(RegisterAssistance command, CurrentUser caller) {
        Assistance a = register(command, caller);
        return new Registered(a.getId(), a.getGraduateId());
    }

    @Transactional(readOnly = true)
    public Page<AssistanceView.Summary> list(AssistanceStatus status, Pageable page, CurrentUser caller) {
        return assistances.findAll(scoped(status, caller), page).map(this::summary);
    }

    @Transactional(readOnly = true)
    public AssistanceView get(Long id, CurrentUser caller) {
        Assistance a = assistances.findById(id).filter(x -> visible(x, caller))
                .orElseThrow(() -> new NotFoundException("assistance", id));
        GraduateSummary g = graduates.get(a.getGraduateId());
        List<AssistanceView.Step> followUps = new ArrayList<>();
        List<AssistanceView.Step> track = new ArrayList<>();
        for (LedgerEntryView e : ledger.of(a.getGraduateId())) {
            AssistanceView.Step step = new AssistanceView.Step(e.type().name(), e.at(), e.actor(), e.details());
            if (e.type() == LedgerEntryType.ASSISTANCE_FOLLOW_UP) {
                followUps.add(step);
            } else if (DISABILITY_TRACK.contains(e.type())) {
                track.add(step);
            }
        }
        AssistanceView.Helper helper = a.getHelper() == null ? null
                : new AssistanceView.Helper(a.getHelper(),
                        users.find(a.getHelper()).map(CurrentUser::displayName).orElse(null), a.getHelperKind(),
                        a.getHelperAssignedAt());
        AssistanceView.Plan plan = a.getPlannedAt() == null ? null
                : new AssistanceView.Plan(a.getPlanNeeds(), a.getPlanTargetJobs(), a.getPlanActions(), a.getPlannedAt());
        return new AssistanceView(a.getId(), g.id(), g.name(), g.universityName(), g.universityCode(),
                g.districtCode(), g.graduationYear(), g.difficulties().stream().sorted().toList(),
                a.getEvidence(), a.isDisability(), a.getRoute(), a.getStatus(), a.getLeavingSchoolOn(), helper,
                plan, followUps,
                track, a.getCaseNumber(), a.getRegisteredBy(), a.getRegisteredAt(), a.getEndedAt(),
                evidenceFiles.of(a.getId()));
    }

    /** The assistance of a graduate, if there is one that the caller may see. */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> ofGraduate(Long graduateId, CurrentUser caller) {
        return assistances.findByGraduateId(graduateId).filter(a -> visible(a, caller)).map(Assistance::getId);
    }

    /**
     * Students in difficulty with and without a helper, overdue follow-ups, and of those placed the
     * employed and those in further study ("two 100%"; the codes mapped in graduates.Destination),
     * within the caller's scope.
     */
    @Transactional(readOnly = true)
    public AssistanceView.Figures figures(String district, CurrentUser caller) {
        String university = null;
        String helper = null;
        String inDistrict = Text.blankToNull(district);
        if (caller.role() == Role.DPF_OFFICER) {
            return AssistanceView.Figures.NONE; // the federation sees no assistance
        }
        if (!caller.seesWholeCity()) {
            switch (caller.role()) {
                case COUNSELOR -> university = caller.universityCode();
                case HELPER -> helper = caller.username();
                case CASEWORKER, SUPERVISOR -> inDistrict = caller.districtCode();
                case DPF_OFFICER, ADMIN -> { }
            }
        }
        Map<AssistanceStatus, Long> byStatus = new EnumMap<>(AssistanceStatus.class);
        long students = 0;
        long withoutHelper = 0;
        for (Object[] row : assistances.countByStatus(university, inDistrict, helper)) {
            long n = ((Number) row[1]).longValue();
            byStatus.put((AssistanceStatus) row[0], n);
            students += n;
            withoutHelper += row[2] == null ? 0 : ((Number) row[2]).longValue();
        }
        long overdue = assistances.countOverdueFollowUps(Instant.now(clock), university, inDistrict, helper);
        long employed = 0;
        long furtherStudy = 0;
        for (Object[] row : assistances.countPlacedByDestination(university, inDistrict, helper)) {
            long n = ((Number) row[1]).longValue();
            java.util.Optional<Destination> destination = Destination.ofCode((String) row[0]);
            employed += destination.filter(Destination::employed).isPresent() ? n : 0;
            furtherStudy += destination.filter(Destination::furtherStudy).isPresent() ? n : 0;
        }
        return new AssistanceView.Figures(students, students - withoutHelper, withoutHelper, overdue, byStatus,
                employed, furtherStudy);
    }

    private AssistanceView.Summary summary(Assistance a) {
        String name = graduates.find(a.getGraduateId()).map(GraduateSummary::name).orElse(null);
        return new AssistanceView.Summary(a.getId(), a.getGraduateId(), name, a.getUniversityCode(),
                a.getDistrictCode(), a.getStatus(), a.isDisability(), a.getHelper(), a.getHelperKind(),
                a.getFollowUps(), a.getLastFollowUpAt(), a.getLeavingSchoolOn(), a.getCaseNumber(),
                a.getRegisteredAt());
    }

    static boolean visible(Assistance a, CurrentUser caller) {
        if (caller.seesWholeCity()) {
            return true;
        }
        return switch (caller.role()) {
            case COUNSELOR -> caller.universityCode().equals(a.getUniversityCode());
            case HELPER -> caller.username().equals(a.getHelper());
            case CASEWORKER, SUPERVISOR -> caller.districtCode().equals(a.getDistrictCode())
                    && (a.getRoute() == AssistanceRoute.BUREAU || a.getStatus() == AssistanceStatus.HANDED_OVER);
            case DPF_OFFICER -> false;
            case ADMIN -> true;
        };
    }

    static Specification<Assistance> scoped(AssistanceStatus status, CurrentUser caller) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (!caller.seesWholeCity()) {
                switch (caller.role()) {
                    case COUNSELOR -> where.add(cb.equal(root.get("universityCode"), caller.universityCode()));
                    case HELPER -> where.add(cb.equal(root.get("helper"), caller.username()));
                    case CASEWORKER, SUPERVISOR -> {
                        where.add(cb.equal(root.get("districtCode"), caller.districtCode()));
                        where.add(cb.or(cb.equal(root.get("route"), AssistanceRoute.BUREAU),
                                cb.equal(root.get("status"), AssistanceStatus.HANDED_OVER)));
                    }
                    case DPF_OFFICER -> where.add(cb.disjunction());
                    case ADMIN -> { }
                }
            }
            if (status != null) {
                where.add(cb.equal(root.get("status"), status));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
