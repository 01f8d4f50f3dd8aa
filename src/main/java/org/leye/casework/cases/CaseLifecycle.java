package org.leye.casework.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.leye.casework.employers.EmployerDirectory;
import org.leye.casework.employers.EmployerView;
import org.leye.casework.graduates.Destination;
import org.leye.casework.graduates.GraduateChanges;
import org.leye.casework.graduates.GraduateCorrected;
import org.leye.casework.graduates.GraduateFoundInDifficulty;
import org.leye.casework.graduates.GraduateRegistered;
import org.leye.casework.graduates.GraduateRegistry;
import org.leye.casework.graduates.GraduateSummary;
import org.leye.casework.graduates.GraduateView;
import org.leye.casework.graduates.Source;
import org.leye.casework.ledger.Ledger;
import org.leye.casework.ledger.LedgerEntryType;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.shared.ApplicationCaller;
import org.leye.casework.shared.CityTime;
import org.leye.casework.shared.ProcessAdapter;
import org.leye.casework.shared.Text;
import org.leye.casework.shared.problem.BusinessRuleException;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens, closes and reopens 131 cases and registers destinations. Each of these writes the case,
 * the graduate, the ledger and the engine in one transaction; its changes to the engine run as the
 * application ({@link ApplicationCaller}), which the engine requires of every casework change.
 * Controllers call the methods that take the graduate's id and a command: they check the graduate
 * is within the caller's scope in that transaction, so that a refusal rolls back whole. The methods
 * that take an id and no command are for work whose transaction has checked that already (a task
 * completed, a merge, a hand-over); the graduate's record changes through {@link GraduateChanges}.
 */
@Service
@ProcessAdapter
public class CaseLifecycle {

    public static final String PROCESS_KEY = "service131";
    static final String MESSAGE_PLACED = "GraduatePlaced";
    static final String MESSAGE_CLOSED = "CaseClosed";

    private static final Logger log = LoggerFactory.getLogger(CaseLifecycle.class);

    private final CaseFiles cases;
    private final GraduateChanges graduates;
    private final GraduateRegistry registry;
    private final Ledger ledger;
    private final org.leye.casework.notifications.Notifications notifications;
    private final RuntimeService runtime;
    private final TaskService taskService;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String numberPrefix;
    private final EmployerDirectory employers;

    CaseLifecycle(CaseFiles cases, GraduateChanges graduates, GraduateRegistry registry, Ledger ledger,
            RuntimeService runtime, TaskService taskService, ApplicationEventPublisher events, Clock clock,
            @Value("${leye.case.number-prefix:JM}") String numberPrefix, org.leye.casework.notifications.Notifications notifications,
            EmployerDirectory employers) {
        this.employers = employers;
        this.notifications = notifications;
        this.cases = cases;
        this.graduates = graduates;
        this.registry = registry;
        this.ledger = ledger;
        this.runtime = runtime;
        this.taskService = taskService;
        this.events = events;
        this.clock = clock;
        this.numberPrefix = numberPrefix;
    }

    /**
     * Every registration is in the ledger, and every graduate registered gets a case in the same
     * transaction but a student still at school (deferred to the hand-over). A graduate registered as
     * not willing to work gets the case that one found not seeking at first contact has: follow-ups
     * every 30 days, and the 131 once they want a job.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(GraduateRegistered event) {
        GraduateSummary graduate = graduates.get(event.graduateId());
        ledger.record(Ledger.Record.of(graduate.id(), null, LedgerEntryType.REGISTERED, graduate.registeredBy())
                .with("source", event.source().name()).with("willingToWork", event.willingToWork())
                .with("caseDeferred", event.caseDeferred() ? Boolean.TRUE : null));
        if (event.opensCase()) {
            // registered a moment ago: no case to look for
            openNew(graduate, 0, Boolean.FALSE.equals(event.willingToWork()));
        }
    }

    /**
     * Hands a student in difficulty over from the one-to-one assistance on leaving school without
     * a job, so that nobody falls between the two processes: opens the 131 case (source
     * {@code ASSISTANCE}, priority {@link CaseFile#PRIORITY_HANDED_OVER}); or, if the graduate has
     * a case already, flags it with that priority (its open tasks too) and reopens it if closed.
     * Writes one HANDED_OVER entry in the graduate's ledger, which already holds the assistance.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CaseSummary handOver(long graduateId, String actor, Map<String, Object> details) {
        graduates.addSource(graduateId, Source.ASSISTANCE);
        GraduateSummary graduate = graduates.get(graduateId);
        Optional<CaseFile> existing = cases.findByGraduateId(graduateId);
        CaseFile file;
        String how;
        if (existing.isEmpty()) {
            file = openNew(graduate, CaseFile.PRIORITY_HANDED_OVER, false);
            how = "OPENED";
        } else {
            file = existing.get();
            if (flagInDifficulty(file, CaseFile.PRIORITY_HANDED_OVER)) {
                how = "FLAGGED";
            } else {
                how = "REOPENED";
                ProcessInstance instance = start(file, ledger.compliance(graduateId).met131());
                file.reopen(instance.getId());
                graduates.caseReopened(graduateId);
            }
        }
        Ledger.Record entry = Ledger.Record.of(graduateId, file.getId(), LedgerEntryType.HANDED_OVER, actor)
                .with("caseNumber", file.getCaseNumber()).with("case", how).with("priority", file.getPriority());
        for (Map.Entry<String, Object> d : details.entrySet()) {
            entry = entry.with(d.getKey(), d.getValue());
        }
        ledger.record(entry);
        notifications.handedOver(graduate.districtCode(), graduateId, graduate.name(), file.getCaseNumber());
        log.info("Graduate {} handed over to the 131 service: case {} {}", graduateId, file.getCaseNumber(), how);
        return CaseSummary.of(file);
    }

    /**
     * 两个百分百, found in difficulty later: one DIFFICULTY_RECORDED entry (the categories added, the
     * evidence masked), and the graduate's case, if any, is flagged in difficulty with its priority,
     * so that the 131's public-welfare offer (which reads {@value Service131Variables#IN_DIFFICULTY})
     * and the task list treat them as one.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(GraduateFoundInDifficulty event) {
        Optional<CaseFile> file = cases.findByGraduateId(event.graduateId());
        file.ifPresent(f -> flagInDifficulty(f, CaseFile.PRIORITY_DIFFICULTY));
        if (event.byCorrection()) {
            return; // the correction's GRADUATE_CORRECTED entry records the categories
        }
        ledger.record(Ledger.Record.of(event.graduateId(), file.map(CaseFile::getId).orElse(null),
                LedgerEntryType.DIFFICULTY_RECORDED, event.actor())
                .with("difficulties", event.added().stream().map(Enum::name).toList())
                .with("evidence", event.evidence()));
    }

    /**
     * A correction of the graduate's record: one GRADUATE_CORRECTED entry, in the correction's
     * transaction, with what changed ({@code changes}: field, from, to; the phone masked) and, when it
     * changed the willingness, {@code willingToWork}, which the 131's willingness reads as it reads a
     * contact's ({@link org.leye.casework.ledger.Service131Policy}).
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(GraduateCorrected event) {
        List<Map<String, Object>> changes = new ArrayList<>();
        for (GraduateCorrected.Change c : event.changes()) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("field", c.field());
            change.put("from", c.from());
            change.put("to", c.to());
            changes.add(change);
        }
        ledger.record(Ledger.Record.of(event.graduateId(),
                cases.findByGraduateId(event.graduateId()).map(CaseFile::getId).orElse(null),
                LedgerEntryType.GRADUATE_CORRECTED, event.actor())
                .with("changes", changes).with("willingToWork", event.willingToWork()));
    }

    /**
     * Flags the case in difficulty with at least this priority (never lower); an open case's process
     * instances and open tasks too. Answers whether the case is open.
     */
    private boolean flagInDifficulty(CaseFile file, int atLeast) {
        file.prioritise(atLeast);
        ledger.caseChanged(file.getGraduateId());
        if (!file.isOpen()) {
            return false;
        }
        int priority = file.getPriority();
        ApplicationCaller.run(() -> {
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(file.getCaseNumber()).active()
                    .list().forEach(pi -> runtime.setVariables(pi.getId(),
                            Map.of(Service131Variables.PRIORITY, priority, Service131Variables.IN_DIFFICULTY, true)));
            taskService.createTaskQuery().processInstanceBusinessKey(file.getCaseNumber()).list()
                    .forEach(t -> taskService.setPriority(t.getId(), priority));
        });
        return true;
    }

    private CaseFile openNew(GraduateSummary graduate, int priority, boolean registeredNotWilling) {
        CaseFile file = cases.saveAndFlush(new CaseFile(graduate.id(), graduate.districtCode(),
                graduate.inDifficulty(), Instant.now(clock)));
        if (priority > 0) {
            file.prioritise(priority);
        }
        file.number(numberPrefix, graduate.graduationYear()); // written with the instance id at commit
        graduates.caseOpened(graduate.id(), file.getCaseNumber());
        ProcessInstance instance = start(file, false, registeredNotWilling);
        file.started(instance.getId());
        ledger.caseOpened(graduate.id());
        log.info("Opened case {} for graduate {}", file.getCaseNumber(), graduate.id());
        return file;
    }

    /** The case's process instance, started by the application (security.CaseworkChangeGuard refuses anyone else). */
    private ProcessInstance start(CaseFile file, boolean met131) {
        return start(file, met131, false); // a reopened case starts with a first contact
    }

    private ProcessInstance start(CaseFile file, boolean met131, boolean registeredNotWilling) {
        return ApplicationCaller.call(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, file.getCaseNumber(),
                startVariables(file, met131, registeredNotWilling)));
    }

    /** Correlates a message to every instance of the case, as the application. */
    private void correlate(String message, CaseFile file) {
        ApplicationCaller.run(() -> runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(file.getCaseNumber()).correlateAll());
    }

    private static Map<String, Object> startVariables(CaseFile file, boolean met131, boolean registeredNotWilling) {
        Map<String, Object> vars = Service131Variables.ofCase(file);
        vars.put(Service131Variables.IN_DIFFICULTY, file.isInDifficulty());
        vars.put(Service131Variables.MET_131, met131);
        vars.put(Service131Variables.REACHED, false);
        vars.put(Service131Variables.LOST_CONTACT, false);
        vars.put(Service131Variables.WILLINGNESS, null);
        vars.put(Service131Variables.REGISTERED_NOT_WILLING, registeredNotWilling);
        return vars;
    }

    /**
     * Registers a destination (毕业去向) for a graduate within the caller's scope (else
     * {@link NotFoundException}) and answers the graduate as registered. A placed one closes the
     * open case through the process's interrupting message; 70 to 72 update the record and keep
     * the case open.
     */
    @Transactional
    public GraduateView registerDestination(long graduateId, RegisterDestination command, CurrentUser by) {
        registry.summary(graduateId, by);
        registerDestination(graduateId, command.code(), command.publicWelfarePost(), command.date(),
                command.employer(), by);
        return registry.view(graduateId, by);
    }

    /**
     * Registers a destination for a graduate whose scope the caller's work has checked (see
     * {@link #registerDestination(long, RegisterDestination, CurrentUser)}). A job's employer is the
     * registered one that the text names by credit code (a renamed employer is still found) or by name,
     * and its id goes into the ledger, so that a blacklisting finds the graduates placed with it; a
     * public-welfare post with a blacklisted employer is refused (422).
     */
    @Transactional
    public void registerDestination(long graduateId, String code, boolean publicWelfare, LocalDate date,
            String employer, CurrentUser caller) {
        Destination destination = Destination.ofCode(code)
                .orElseThrow(() -> new InvalidFieldException("code", "validation.destinationCode"));
        if (publicWelfare && !destination.mayBePublicWelfare()) {
            throw new InvalidFieldException("publicWelfare", "validation.publicWelfareNeedsJob");
        }
        if (date != null && date.isAfter(CityTime.today(clock))) {
            throw new InvalidFieldException("date", "validation.notInFuture");
        }
        if (destination.employed() && (employer == null || employer.isBlank())) {
            throw new InvalidFieldException("employer", "validation.employerRequired");
        }
        Optional<EmployerView> known = destination.employed() ? employers.named(employer, "employer") : Optional.empty();
        if (publicWelfare && known.filter(EmployerView::blacklisted).isPresent()) {
            throw new BusinessRuleException("problem.blacklistedEmployerPost", Map.of("employerId", known.get().id()),
                    known.get().name());
        }
        Optional<CaseFile> file = cases.findByGraduateId(graduateId);
        GraduateChanges.Registered registered = graduates.registerDestination(graduateId, destination, publicWelfare,
                date == null ? CityTime.today(clock) : date,
                known.map(EmployerView::name).orElse(Text.blankToNull(employer)));
        GraduateSummary graduate = registered.graduate();
        boolean placed = registered.placed();
        Long employerId = known.map(EmployerView::id).orElse(null);
        ledger.record(Ledger.Record.of(graduateId, file.map(CaseFile::getId).orElse(null),
                LedgerEntryType.DESTINATION, caller.username()).employer(employerId).with("employerId", employerId)
                .with("code", destination.code())
                .with("group", destination.group().name()).with("publicWelfare", publicWelfare ? true : null).with("date", graduate.destinationDate())
                .with("employer", graduate.destinationEmployer()));
        if (placed && file.isPresent() && file.get().isOpen()) {
            CaseFile c = file.get();
            c.close(CloseReason.PLACED, null, Instant.now(clock));
            ledger.record(Ledger.Record.of(graduateId, c.getId(), LedgerEntryType.CLOSED, caller.username())
                    .with("reason", CloseReason.PLACED.name()));
            correlate(MESSAGE_PLACED, c);
            log.info("Case {} closed: graduate placed", c.getCaseNumber());
        }
        if (placed) {
            events.publishEvent(new GraduatePlaced(graduateId, destination.code(), caller.username()));
        }
    }

    /** A supervisor closes the open case of a graduate within their scope, with a reason. */
    @Transactional
    public CaseView close(long graduateId, CloseCase command, CurrentUser by) {
        registry.summary(graduateId, by);
        return close(graduateId, command.reason(), command.note(), by);
    }

    /** Closes the case of a graduate whose scope the caller's work has checked (a merged duplicate's). */
    @Transactional
    public CaseView close(long graduateId, CloseReason reason, String note, CurrentUser caller) {
        if (reason == CloseReason.PLACED) {
            throw new InvalidFieldException("reason", "validation.placedNeedsDestination");
        }
        CaseFile file = caseOf(graduateId);
        file.close(reason, note, Instant.now(clock));
        graduates.caseClosed(graduateId);
        ledger.record(Ledger.Record.of(graduateId, file.getId(), LedgerEntryType.CLOSED, caller.username())
                .with("reason", reason.name()).with("note", note));
        correlate(MESSAGE_CLOSED, file);
        log.info("Case {} closed by {}: {}", file.getCaseNumber(), caller.username(), reason);
        return CaseView.of(file);
    }

    /**
     * A supervisor reopens the closed case of a graduate within their scope: a new process
     * instance with the same case number.
     */
    @Transactional
    public CaseView reopen(long graduateId, ReopenCase command, CurrentUser by) {
        registry.summary(graduateId, by);
        return reopen(graduateId, command.reason(), by);
    }

    /** Reopens the case of a graduate whose scope the caller's work has checked (a merge undone). */
    @Transactional
    public CaseView reopen(long graduateId, String reason, CurrentUser caller) {
        CaseFile file = caseOf(graduateId);
        // services before the reopening, and those of merged duplicates, still count (ledger.Service131Policy)
        boolean met131 = ledger.compliance(graduateId).met131();
        if (!file.isOpen()) {
            ProcessInstance instance = start(file, met131);
            file.reopen(instance.getId());
        } else {
            file.reopen(null); // refuses: the case is open
        }
        graduates.caseReopened(graduateId);
        ledger.record(Ledger.Record.of(graduateId, file.getId(), LedgerEntryType.REOPENED, caller.username())
                .with("reason", reason));
        log.info("Case {} reopened by {}", file.getCaseNumber(), caller.username());
        return CaseView.of(file);
    }

    private CaseFile caseOf(long graduateId) {
        return cases.findByGraduateId(graduateId).orElseThrow(() -> new NotFoundException("case", graduateId));
    }

    /** The graduate's case, for this module's work on it. */
    Optional<CaseFile> fileOf(Long graduateId) {
        return cases.findByGraduateId(graduateId);
    }

    /** Open (not closed) cases per district code, of one district or (null) all: one grouped query. */
    @Transactional(readOnly = true)
    public Map<String, Long> openCasesByDistrict(String districtCode) {
        Map<String, Long> open = new HashMap<>();
        for (Object[] row : cases.openCasesByDistrict(districtCode)) {
            open.put((String) row[0], ((Number) row[1]).longValue());
        }
        return open;
    }

    /** The graduate's case, if they have one. */
    @Transactional(readOnly = true)
    public Optional<CaseSummary> findCase(Long graduateId) {
        return cases.findByGraduateId(graduateId).map(CaseSummary::of);
    }

    /**
     * The process instance that the case of a graduate within the caller's scope runs; none once
     * it has ended. {@link NotFoundException} for a graduate outside the scope or without a case.
     */
    @Transactional(readOnly = true)
    public Optional<String> processInstanceOf(long graduateId, CurrentUser by) {
        registry.summary(graduateId, by);
        return Optional.ofNullable(caseOf(graduateId).getProcessInstanceId());
    }
}
