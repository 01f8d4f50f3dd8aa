package org.leye.casework.graduates;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;

import org.leye.casework.audit.AuditLog;
import org.leye.casework.notifications.Notifications;
import org.leye.casework.reference.District;
import org.leye.casework.reference.ReferenceData;
import org.leye.casework.reference.University;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;
import org.leye.casework.shared.CityTime;
import org.leye.casework.shared.IdNumbersInText;
import org.leye.casework.shared.Text;
import org.leye.casework.shared.crypto.PersonalDataCipher;
import org.leye.casework.shared.jpa.LikePatterns;
import org.leye.casework.shared.problem.ConflictException;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers graduates and finds them within the caller's scope. A graduate outside the scope is
 * answered exactly like an unknown id. Logs name ids only, never personal data.
 */
@Service
public class GraduateRegistry {

    private static final Logger log = LoggerFactory.getLogger(GraduateRegistry.class);
    /** The message of the 409 that names nobody: the person is registered outside the caller's scope. */
    public static final String REGISTERED_ELSEWHERE = "problem.registeredElsewhere";

    private final Graduates graduates;
    private final ReferenceData reference;
    private final PersonalDataCipher cipher;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditLog audit;
    private final GraduateMapper views;
    private final DuplicateFinder duplicates;
    private final Notifications notifications;
    private final TransactionTemplate transaction;
    private final TransactionTemplate newTransaction;

    GraduateRegistry(Graduates graduates, ReferenceData reference, PersonalDataCipher cipher,
            ApplicationEventPublisher events, Clock clock, AuditLog audit, GraduateMapper views,
            DuplicateFinder duplicates, Notifications notifications, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.views = views;
        this.notifications = notifications;
        this.transaction = new TransactionTemplate(transactions);
        this.newTransaction = new TransactionTemplate(transactions);
        newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.duplicates = duplicates;
        this.graduates = graduates;
        this.reference = reference;
        this.cipher = cipher;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Registers one graduate and, through {@link GraduateRegistered}, opens the 131 case in the
     * same transaction.
     *
     * @throws ConflictException when the ID number is already registered ({@link #alreadyRegistered})
     */
    public GraduateSummary register(RegisterGraduate command, CurrentUser caller) {
        return GraduateSummary.of(registerRecord(command, caller));
    }

    /** {@link #register}, answering the record, for this module's pages and API that show it. */
    Graduate registerRecord(RegisterGraduate command, CurrentUser caller) {
        return registerOnce(command, caller, false);
    }

    /**
     * Registers a final-year student in difficulty for one-to-one assistance (source
     * {@code ASSISTANCE}): the graduate record and its REGISTERED entry, but no 131 case yet; the
     * case opens when the student is handed over on leaving school.
     */
    public GraduateSummary registerStillAtSchool(RegisterGraduate command, CurrentUser caller) {
        return GraduateSummary.of(registerOnce(command, caller, true));
    }

    /**
     * Registers in the caller's transaction or a new one. Another registration of the same ID
     * number committed between the look-up and the insert fails the insert on the unique index:
     * that is answered here, once for every caller, as the duplicate it is.
     */
    private Graduate registerOnce(RegisterGraduate command, CurrentUser caller, boolean caseDeferred) {
        try {
            return transaction.execute(s -> register(command, caller, caseDeferred));
        } catch (DataIntegrityViolationException raced) {
            Optional<Long> existing = newTransaction.execute(s -> idOf(command.idNumber()));
            throw existing.map(id -> alreadyRegistered(id, caller)).orElseThrow(() -> raced);
        }
    }

    private Graduate register(RegisterGraduate command, CurrentUser caller, boolean caseDeferred) {
        Graduate graduate = newGraduate(command, caller);
        DuplicateFinder.Lookup lookup = duplicates.lookup(graduate.getIdNumberHash(), graduate.getNameFold(),
                graduate.getNameBirthHash(), graduate.getPhoneHash(), ResidentIds.normalize(command.idNumber()));
        if (lookup.sameIdNumber().isPresent()) {
            throw alreadyRegistered(lookup.sameIdNumber().get(), caller);
        }
        graduates.saveAndFlush(graduate);
        log.info("Registered graduate {} in district {} by {}", graduate.getId(), graduate.getDistrictCode(),
                caller.username());
        events.publishEvent(new GraduateRegistered(graduate.getId(), graduate.getWillingToWork(),
                graduate.getSources().iterator().next(), caseDeferred));
        for (DuplicateFinder.Match match : lookup.probable()) {
            log.info("Graduate {} is probably graduate {} registered again ({})", graduate.getId(), match.existingId(),
                    match.reason());
            events.publishEvent(new ProbableDuplicateFound(graduate.getId(), match.existingId(), match.reason(),
                    match.idDistance()));
        }
        return graduate;
    }

    /**
     * A graduate in difficulty as the services for them need it (the caller's transaction); empty
     * for one in no difficulty.
     */
    @Transactional(readOnly = true)
    public Optional<GraduateInDifficulty> inDifficulty(long graduateId) {
        return graduates.findById(graduateId).filter(Graduate::inDifficulty).map(g -> new GraduateInDifficulty(
                g.getId(), g.getDistrictCode(), g.getUniversityCode(), g.getDifficulties()));
    }

    /**
     * 两个百分百, the route "found in difficulty later": adds difficulty categories to the record of a
     * graduate within the caller's scope (else {@link NotFoundException}) and publishes
     * {@link GraduateFoundInDifficulty} in this transaction, so that the ledger entry, the 131 case's
     * flag and the bureau's assistance commit with it. Categories already on the record change
     * nothing and publish nothing (the same request again is answered alike). A graduate placed
     * already is refused ({@link ConflictException}): there is nothing left to place them in, and a
     * helper could not be named. Logs the id and how many categories, never which.
     */
    @Transactional
    public GraduateView recordDifficulties(long graduateId, RecordDifficulties command, CurrentUser caller) {
        Graduate graduate = get(graduateId, caller);
        List<Difficulty> found = command.difficulties() == null ? List.of() : command.difficulties();
        if (found.stream().allMatch(graduate.getDifficulties()::contains)) {
            return views.toView(graduate);
        }
        if (graduate.getStatus() == GraduateStatus.PLACED) {
            throw new ConflictException("problem.graduatePlaced", Map.of(), graduateId);
        }
        List<Difficulty> added = graduate.addDifficulties(found, Instant.now(clock));
        graduates.saveAndFlush(graduate);
        events.publishEvent(new GraduateFoundInDifficulty(graduate.getId(), added,
                IdNumbersInText.mask(command.evidence().strip()), caller.username()));
        log.info("Graduate {} found in difficulty later: {} categories added by {}", graduate.getId(), added.size(),
                caller.username());
        return views.toView(graduate);
    }

    /** The graduates merged into this one (their ledger entries belong to its ledger). */
    @Transactional(readOnly = true)
    public List<Long> mergedInto(Long keptId) {
        return graduates.findIdsMergedInto(keptId);
    }

    /**
     * The 409 of an ID number already registered. A caller who may see that graduate is told which
     * ({@code existingId}); anyone else learns only that the person is registered elsewhere in the
     * city (no id, name or district: out of scope looks like not found), the attempt is audited and
     * the owning district's supervisors are told. Those two are written in a transaction of their
     * own, since the registration's rolls back.
     */
    public ConflictException alreadyRegistered(Long existingId, CurrentUser caller) {
        if (Boolean.TRUE.equals(newTransaction.execute(s -> visible(existingId, caller)))) {
            return new ConflictException("problem.duplicateIdNumber", Map.of("existingId", existingId), existingId);
        }
        newTransaction.executeWithoutResult(s -> registeredElsewhere(existingId, caller));
        return new ConflictException(REGISTERED_ELSEWHERE, Map.of());
    }

    /** Whether the graduate is within the caller's scope (what {@link #get} would answer). */
    @Transactional(readOnly = true)
    public boolean visible(Long graduateId, CurrentUser caller) {
        return graduates.findById(graduateId)
                .filter(g -> caller.canSee(g.getDistrictCode(), g.getUniversityCode()))
                .filter(g -> !hiddenFromDistrict(g, caller))
                .isPresent();
    }

    /**
     * Someone outside the graduate's scope named them again (a registration or a hand-over row): the
     * attempt is audited and the owning district's supervisors are told. In the caller's transaction.
     */
    @Transactional
    public void registeredElsewhere(Long existingId, CurrentUser caller) {
        Graduate existing = graduates.findById(existingId).orElseThrow(() -> new NotFoundException("graduate", existingId));
        String by = caller.districtCode() != null
                ? reference.district(caller.districtCode()).map(District::name).orElse(caller.districtCode())
                : caller.universityCode() != null
                        ? reference.university(caller.universityCode()).map(University::name).orElse(caller.universityCode())
                        : caller.username();
        audit.record(caller.username(), AuditLog.REGISTERED_ELSEWHERE, existingId,
                caller.districtCode() != null ? "district=" + caller.districtCode()
                        : caller.universityCode() != null ? "university=" + caller.universityCode() : "city");
        notifications.registeredElsewhere(existing.getDistrictCode(), existingId, existing.getName(),
                existing.getCaseNumber(), by);
        log.info("Graduate {} of district {} named again by {} outside their scope", existingId,
                existing.getDistrictCode(), caller.username());
    }

    /** The id of the graduate registered with this ID number, if any (for a duplicate found at commit). */
    @Transactional(readOnly = true)
    public Optional<Long> idOf(String idNumber) {
        return graduates.findIdByIdNumberHash(cipher.hash(ResidentIds.normalize(idNumber)));
    }

    /**
     * The ids of the graduates already registered with any of these ID numbers, keyed by the
     * normalised ID number: one query for a whole batch (hand-over files).
     */
    @Transactional(readOnly = true)
    public Map<String, Long> idsOf(Collection<String> idNumbers) {
        Map<String, String> byHash = new HashMap<>();
        for (String idNumber : idNumbers) {
            String normalized = ResidentIds.normalize(idNumber);
            byHash.put(cipher.hash(normalized), normalized);
        }
        Map<String, Long> ids = new HashMap<>();
        if (byHash.isEmpty()) {
            return ids;
        }
        for (Object[] hashAndId : graduates.findIdsByIdNumberHashIn(byHash.keySet())) {
            ids.put(byHash.get((String) hashAndId[0]), (Long) hashAndId[1]);
        }
        return ids;
    }

    /**
     * What a registration's duplicate checks compare: the ID number, the folded name with the birth
     * date, and the phone. Two registrations sharing none of these cannot find each other as
     * duplicates, probable or certain, so they may run side by side (hand-over lanes); two sharing
     * one must run one after the other. Held in memory only: never log them.
     */
    public static List<String> duplicateKeys(RegisterGraduate command) {
        List<String> keys = new ArrayList<>(3);
        if (command.idNumber() != null) {
            String idNumber = ResidentIds.normalize(command.idNumber());
            keys.add("I" + idNumber);
            if (command.name() != null && ResidentIds.isValid(idNumber)) {
                keys.add("B" + NameFold.of(command.name()) + '\u001F' + ResidentIds.birthDate(idNumber));
            }
        }
        if (command.phone() != null) {
            keys.add("P" + Phones.normalize(command.phone()));
        }
        return keys;
    }

    /**
     * The graduate came to the service again by another route (a hand-over of someone already
     * registered): the source is kept and no second case is opened. Answers whether it was new.
     */
    @Transactional
    public boolean addSource(Long graduateId, Source source) {
        Graduate graduate = graduates.findById(graduateId).orElseThrow(() -> new NotFoundException("graduate", graduateId));
        return graduate.addSource(source);
    }

    /**
     * One graduate's record as shown, for a caller who may see it (else {@link NotFoundException});
     * the read is in the audit log (VIEW_RECORD), in the same transaction.
     */
    @Transactional
    public GraduateView read(long id, CurrentUser caller) {
        GraduateView view = views.toView(get(id, caller));
        audit.recordRead(caller.username(), view.id());
        return view;
    }

    /**
     * One graduate's record as shown beside the work on it (a task, a destination registered), for
     * a caller who may see it (else {@link NotFoundException}); not audited, as {@link #read} is.
     */
    @Transactional(readOnly = true)
    public GraduateView view(long id, CurrentUser caller) {
        return views.toView(get(id, caller));
    }

    /**
     * A graduate that the caller may see, as other modules read it; {@link NotFoundException}
     * otherwise. Not audited: it shows no personal identifier.
     */
    @Transactional(readOnly = true)
    public GraduateSummary summary(long id, CurrentUser caller) {
        return GraduateSummary.of(get(id, caller));
    }

    @Transactional(readOnly = true)
    Graduate get(Long id, CurrentUser caller) {
        return graduates.findById(id)
                .filter(g -> caller.canSee(g.getDistrictCode(), g.getUniversityCode()))
                .filter(g -> !hiddenFromDistrict(g, caller))
                .orElseThrow(() -> new NotFoundException("graduate", id));
    }

    @Transactional(readOnly = true)
    public Page<Graduate> search(GraduateSearch search, Pageable page, CurrentUser caller) {
        return graduates.findAll(scoped(search, caller), page);
    }

    /** Search by the exact ID number: only its keyed hash reaches the query. */
    @Transactional(readOnly = true)
    public Page<Graduate> search(GraduateSearch search, String idNumber, Pageable page, CurrentUser caller) {
        String hash = idNumber == null || idNumber.isBlank() ? null : cipher.hash(ResidentIds.normalize(idNumber));
        return search(new GraduateSearch(search.district(), search.status(), search.difficulty(), search.q(), hash),
                page, caller);
    }

    /**
     * The whole ID number and phone, for the roles that serve the graduate (never counselors);
     * every such read is in the audit log.
     */
    @Transactional
    public FullIdentity fullIdentity(Long id, CurrentUser caller) {
        Graduate g = identityRead(id, caller);
        return new FullIdentity(g.getId(), g.getName(), cipher.decrypt(g.getIdNumberEnc(), Graduate.ID_NUMBER_COLUMN),
                cipher.decrypt(g.getPhoneEnc(), Graduate.PHONE_COLUMN));
    }

    /**
     * The whole phone number alone (to call the graduate from a task), for the same roles as
     * {@link #fullIdentity} and audited as it is; the ID number is not decrypted.
     */
    @Transactional
    public String fullPhone(long id, CurrentUser caller) {
        return cipher.decrypt(identityRead(id, caller).getPhoneEnc(), Graduate.PHONE_COLUMN);
    }

    /** A graduate whose whole identifiers the caller may read (never a counselor), the reading audited. */
    private Graduate identityRead(Long id, CurrentUser caller) {
        Graduate g = get(id, caller);
        if (caller.role() == Role.COUNSELOR) {
            throw new org.springframework.security.access.AccessDeniedException("identity");
        }
        audit.record(caller.username(), AuditLog.VIEW_IDENTITY, g.getId(), null);
        return g;
    }

    /** The full personal identifiers of one graduate. */
    public record FullIdentity(Long id, String name, String idNumber, String phone) {
    }

    private Graduate newGraduate(RegisterGraduate c, CurrentUser caller) {
        List<InvalidFieldException.FieldError> errors = new ArrayList<>();
        String idNumber = ResidentIds.normalize(c.idNumber());
        Gender gender = ResidentIds.gender(idNumber);
        if (c.gender() != null && c.gender() != gender) {
            errors.add(new InvalidFieldException.FieldError("gender", "validation.genderDisagrees"));
        }
        LocalDate birthDate = ResidentIds.birthDate(idNumber);
        int currentYear = CityTime.today(clock).getYear(); // the city's year: from 00:00 to 08:00 on 1 January UTC is still in the old one
        if (c.graduationYear() > currentYear + 1) {
            errors.add(new InvalidFieldException.FieldError("graduationYear", "validation.graduationYear", currentYear + 1));
        }
        String districtCode = resolveDistrict(c.district(), caller, errors);
        Optional<University> university = reference.university(c.university());
        String universityCode = university.map(University::code).orElse(null);
        String universityName = university.map(University::name).orElse(c.university().strip());
        if (caller.role() == Role.COUNSELOR && !caller.universityCode().equals(universityCode)) {
            errors.add(new InvalidFieldException.FieldError("university", "validation.outsideUniversity"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        String phone = Phones.normalize(c.phone());
        Graduate.Identity identity = new Graduate.Identity(c.name().strip(), NameSortKeys.of(c.name()),
                cipher.hash(idNumber), cipher.encrypt(idNumber, Graduate.ID_NUMBER_COLUMN), ResidentIds.mask(idNumber),
                cipher.hash(DuplicateFinder.nameBirth(NameFold.of(c.name()), birthDate)), gender,
                cipher.encrypt(phone, Graduate.PHONE_COLUMN), cipher.hash(phone), Phones.mask(phone));
        Graduate.Study study = new Graduate.Study(universityCode, universityName, Text.blankToNull(c.major()), c.degree(),
                c.graduationYear());
        Set<Difficulty> difficulties = c.difficulties() == null ? Set.of() : new HashSet<>(c.difficulties());
        Source source = c.source() != null ? c.source()
                : caller.role() == Role.COUNSELOR ? Source.HANDOVER : Source.JOB_SEEKING_REGISTRATION;
        // a hand-over row without a stated willingness is unconfirmed (null) until contact establishes it;
        // elsewhere a registration without one is willing, as before
        Boolean willing = c.willingToWork() != null ? c.willingToWork() : source == Source.HANDOVER ? null : Boolean.TRUE;
        return new Graduate(identity, study, districtCode, Text.blankToNull(c.address()), difficulties, source, willing,
                caller.username(), Instant.now(clock));
    }

    private String resolveDistrict(String given, CurrentUser caller, List<InvalidFieldException.FieldError> errors) {
        if (given == null || given.isBlank()) {
            if (caller.districtCode() != null) {
                return caller.districtCode();
            }
            errors.add(new InvalidFieldException.FieldError("district", "validation.required"));
            return null;
        }
        Optional<District> district = reference.district(given);
        if (district.isEmpty()) {
            errors.add(new InvalidFieldException.FieldError("district", "validation.unknownDistrict"));
            return null;
        }
        String code = district.get().code();
        if ((caller.role() == Role.CASEWORKER || caller.role() == Role.SUPERVISOR) && caller.districtCode() != null
                && !caller.districtCode().equals(code)) {
            errors.add(new InvalidFieldException.FieldError("district", "validation.outsideDistrict"));
        }
        return code;
    }

    /** District staff see a student of the one-to-one assistance only once handed over (with a case). */
    private static boolean hiddenFromDistrict(Graduate g, CurrentUser caller) {
        return (caller.role() == Role.CASEWORKER || caller.role() == Role.SUPERVISOR) && !caller.seesWholeCity()
                && g.stillWithAssistance();
    }

    static Specification<Graduate> scoped(GraduateSearch s, CurrentUser caller) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (!caller.seesWholeCity()) {
                if (caller.role() == Role.COUNSELOR) {
                    where.add(cb.equal(root.get("universityCode"), caller.universityCode()));
                } else if (caller.role() == Role.HELPER || caller.role() == Role.DPF_OFFICER) {
                    // a helper reaches their students through the assistance, a federation officer the
                    // district's disabled graduates through the disability track's tasks
                    where.add(cb.disjunction());
                } else {
                    where.add(cb.equal(root.get("districtCode"), caller.districtCode()));
                    where.add(cb.or(cb.isNotNull(root.get("caseNumber")),
                            cb.not(cb.isMember(Source.ASSISTANCE, root.<java.util.Collection<Source>>get("sources")))));
                }
            }
            if (s.district() != null && !s.district().isBlank()) {
                where.add(cb.equal(root.get("districtCode"), s.district().strip()));
            }
            if (s.idNumberHash() != null) {
                where.add(cb.equal(root.get("idNumberHash"), s.idNumberHash()));
            }
            if (s.status() != null) {
                where.add(cb.equal(root.get("status"), s.status()));
            }
            if (s.difficulty() != null) {
                var difficulties = root.join("difficulties", JoinType.INNER);
                where.add(cb.equal(difficulties, s.difficulty()));
                query.distinct(true);
            }
            if (s.q() != null && !s.q().isBlank()) {
                String q = s.q().strip();
                String pattern = LikePatterns.containing(q);
                where.add(cb.or(cb.like(root.get("name"), pattern, '\\'),
                        cb.equal(root.get("caseNumber"), q.toUpperCase(java.util.Locale.ROOT))));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
