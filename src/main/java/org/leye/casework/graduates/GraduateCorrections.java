package org.leye.casework.graduates;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.leye.casework.audit.AuditLog;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.shared.IdNumbersInText;
import org.leye.casework.shared.Text;
import org.leye.casework.shared.crypto.PersonalDataCipher;
import org.leye.casework.shared.problem.BusinessRuleException;
import org.leye.casework.shared.problem.ConflictException;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections of a graduate's record: the phone, the address, the major, the degree, the difficulty
 * categories and the willingness to work. Never a silent overwrite: in one transaction the record
 * changes and {@link GraduateCorrected} gives the ledger one entry with what changed (the phone
 * masked); a correction that changes nothing writes nothing. Logs and the audit name the fields,
 * never their values.
 */
@Service
public class GraduateCorrections {

    private static final Logger log = LoggerFactory.getLogger(GraduateCorrections.class);
    /** The audit's action of a correction (its detail: the fields changed). */
    static final String AUDIT_ACTION = AuditLog.RECORD_CORRECTED;

    private final GraduateRegistry registry;
    private final Graduates graduates;
    private final PersonalDataCipher cipher;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final GraduateMapper views;
    private final Clock clock;

    GraduateCorrections(GraduateRegistry registry, Graduates graduates, PersonalDataCipher cipher,
            ApplicationEventPublisher events, AuditLog audit, GraduateMapper views, Clock clock) {
        this.registry = registry;
        this.graduates = graduates;
        this.cipher = cipher;
        this.events = events;
        this.audit = audit;
        this.views = views;
        this.clock = clock;
    }

    /**
     * Corrects the record of a graduate within the caller's scope (else {@link NotFoundException}).
     * Refused: a field required on the record cleared ({@link InvalidFieldException}); a version other
     * than the record's ({@link ConflictException}, someone changed it meanwhile); difficulties added
     * for a graduate placed already ({@link ConflictException}, as {@link GraduateRegistry#recordDifficulties});
     * the willingness of a graduate whose 131 case is open ({@link BusinessRuleException}: the case's
     * contact and follow-up tasks establish it, and its process routes by it). Difficulty categories new
     * to the record start what a graduate found in difficulty gets ({@link GraduateFoundInDifficulty}).
     */
    @Transactional
    public GraduateView correct(long graduateId, CorrectGraduate c, CurrentUser caller) {
        Graduate graduate = registry.get(graduateId, caller);
        required(c);
        if (c.expectedVersion() != null && c.expectedVersion() != graduate.getVersion()) {
            throw new ConflictException("problem.staleVersion", Map.of("version", graduate.getVersion()), graduateId);
        }
        List<GraduateCorrected.Change> changes = new ArrayList<>();
        String phone = c.has("phone") ? Phones.normalize(c.phone()) : null;
        boolean phoneChanged = phone != null && !cipher.hash(phone).equals(graduate.getPhoneHash());
        if (phoneChanged) {
            changes.add(new GraduateCorrected.Change("phone", graduate.getPhoneMasked(), Phones.mask(phone)));
        }
        String address = c.has("address") ? Text.blankToNull(strip(c.address())) : graduate.getAddress();
        String major = c.has("major") ? Text.blankToNull(strip(c.major())) : graduate.getMajor();
        Degree degree = c.has("degree") ? c.degree() : graduate.getDegree();
        changed(changes, "address", graduate.getAddress(), address);
        changed(changes, "major", graduate.getMajor(), major);
        changed(changes, "degree", graduate.getDegree(), degree);
        Set<Difficulty> before = graduate.getDifficulties();
        Set<Difficulty> after = c.has("difficulties") ? difficulties(c.difficulties()) : before;
        List<Difficulty> added = after.stream().filter(d -> !before.contains(d)).sorted().toList();
        if (!after.equals(before)) {
            changes.add(new GraduateCorrected.Change("difficulties", codes(before), codes(after)));
        }
        Boolean willing = c.has("willingToWork") ? c.willingToWork() : graduate.getWillingToWork();
        boolean willingnessChanged = !Objects.equals(willing, graduate.getWillingToWork());
        if (willingnessChanged) {
            changes.add(new GraduateCorrected.Change("willingToWork", graduate.getWillingToWork(), willing));
        }
        if (changes.isEmpty()) {
            return views.toView(graduate);
        }
        if (!added.isEmpty() && graduate.getStatus() == GraduateStatus.PLACED) {
            throw new ConflictException("problem.graduatePlaced", Map.of(), graduateId);
        }
        if (willingnessChanged && caseOpen(graduate)) {
            throw new BusinessRuleException("problem.willingnessInCase", Map.of("field", "willingToWork"), graduateId,
                    graduate.getCaseNumber());
        }
        if (phoneChanged) {
            graduate.correctPhone(cipher.encrypt(phone, Graduate.PHONE_COLUMN), cipher.hash(phone), Phones.mask(phone));
        }
        graduate.correctContactAndStudy(address, major, degree);
        graduate.correctDifficulties(after, Instant.now(clock));
        if (willingnessChanged) {
            graduate.correctWillingness(willing);
        }
        graduates.saveAndFlush(graduate);
        events.publishEvent(new GraduateCorrected(graduateId, List.copyOf(changes),
                willingnessChanged ? willing : null, caller.username()));
        if (!added.isEmpty()) {
            events.publishEvent(new GraduateFoundInDifficulty(graduateId, added, null, caller.username(), true));
        }
        String fields = changes.stream().map(GraduateCorrected.Change::field).collect(Collectors.joining(","));
        audit.record(caller.username(), AUDIT_ACTION, graduateId, "fields=" + fields);
        log.info("Graduate {} corrected by {}: {}", graduateId, caller.username(), fields);
        return views.toView(graduate);
    }

    /** The phone, the degree and the willingness are on every record: a correction cannot clear them. */
    private static void required(CorrectGraduate c) {
        List<InvalidFieldException.FieldError> errors = new ArrayList<>();
        if (c.has("phone") && (c.phone() == null || c.phone().isBlank())) {
            errors.add(new InvalidFieldException.FieldError("phone", "validation.required"));
        }
        if (c.has("degree") && c.degree() == null) {
            errors.add(new InvalidFieldException.FieldError("degree", "validation.required"));
        }
        if (c.has("willingToWork") && c.willingToWork() == null) {
            errors.add(new InvalidFieldException.FieldError("willingToWork", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
    }

    /** A 131 case open: in service or in lost contact (GraduateStatus follows the case). */
    private static boolean caseOpen(Graduate graduate) {
        return graduate.getStatus() == GraduateStatus.IN_SERVICE || graduate.getStatus() == GraduateStatus.LOST_CONTACT;
    }

    private static void changed(List<GraduateCorrected.Change> changes, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            changes.add(new GraduateCorrected.Change(field, ledgerValue(from), ledgerValue(to)));
        }
    }

    /** A value as the ledger keeps it: an enum by its code, an ID number quoted in a text masked. */
    private static Object ledgerValue(Object value) {
        return value instanceof String text ? IdNumbersInText.mask(text)
                : value instanceof Enum<?> code ? code.name() : value;
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static Set<Difficulty> difficulties(List<Difficulty> given) {
        return given.isEmpty() ? Set.of() : EnumSet.copyOf(given);
    }

    private static List<String> codes(Set<Difficulty> difficulties) {
        return difficulties.stream().sorted().map(Enum::name).toList();
    }
}
