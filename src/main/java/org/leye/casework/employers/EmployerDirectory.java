package org.leye.casework.employers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.leye.casework.reference.ReferenceData;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.shared.Text;
import org.leye.casework.shared.IdNumbersInText;
import org.leye.casework.shared.jpa.LikePatterns;
import org.leye.casework.shared.problem.BusinessRuleException;
import org.leye.casework.shared.problem.ConflictException;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Employers: registered once by name (and credit code, when known), searchable, found by either,
 * blacklisted and taken off the blacklist by a supervisor with the history kept.
 */
@Service
public class EmployerDirectory {

    private static final Logger log = LoggerFactory.getLogger(EmployerDirectory.class);

    private final Employers employers;
    private final ReferenceData reference;
    private final EmployerMapper views;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final BlacklistRecords blacklistings;
    private final ApplicationEventPublisher events;

    EmployerDirectory(Employers employers, ReferenceData reference, EmployerMapper views, Clock clock,
            JdbcTemplate jdbc, BlacklistRecords blacklistings, ApplicationEventPublisher events) {
        this.blacklistings = blacklistings;
        this.events = events;
        this.employers = employers;
        this.views = views;
        this.reference = reference;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Transactional
    public Employer register(RegisterEmployer command, CurrentUser caller) {
        String name = command.name().strip();
        employers.findByName(name).ifPresent(e -> {
            throw new ConflictException("problem.duplicateEmployer", Map.of("existingId", e.getId()), name);
        });
        String creditCode = Text.blankToNull(command.creditCode());
        if (creditCode != null) {
            employers.findByCreditCode(creditCode).ifPresent(e -> {
                throw new ConflictException("problem.duplicateEmployer", Map.of("existingId", e.getId()), creditCode);
            });
        }
        String district = null;
        if (!blank(command.district())) {
            district = reference.district(command.district())
                    .orElseThrow(() -> new InvalidFieldException("district", "validation.unknownDistrict")).code();
        }
        Employer employer = employers.saveAndFlush(new Employer(name, creditCode, district,
                Text.blankToNull(command.contact()), caller.username(), Instant.now(clock)));
        log.info("Employer {} registered by {}", employer.getId(), caller.username());
        return employer;
    }

    @Transactional(readOnly = true)
    public Page<Employer> search(String q, Pageable page) {
        String text = Text.blankToNull(q);
        return employers.search(text == null ? null : LikePatterns.containing(text), text, page);
    }

    @Transactional(readOnly = true)
    public Employer get(Long id) {
        return employers.findById(id).orElseThrow(() -> new NotFoundException("employer", id));
    }

    /**
     * Puts the employer on the blacklist (again, with a new reason, when it is on it): a record of who,
     * when, why and on what evidence. A first blacklisting is announced ({@link EmployerBlacklisted}), so
     * that the graduates referred to or placed with it are followed up in this transaction.
     */
    @Transactional
    public Employer blacklist(Long id, BlacklistEmployer command, CurrentUser caller) {
        Employer employer = get(id);
        boolean already = employer.isBlacklisted();
        Instant now = Instant.now(clock);
        String reason = command.reason().strip();
        blacklistings.save(employer.blacklist(reason, evidence(command), caller.username(), now));
        log.info("Employer {} blacklisted by {}", id, caller.username());
        if (!already) {
            events.publishEvent(new EmployerBlacklisted(id, employer.getName(), reason, now, caller.username()));
        }
        return employer;
    }

    /** Takes the employer off the blacklist, with a record of who, when and why (409 when it is not on it). */
    @Transactional
    public Employer lift(Long id, BlacklistEmployer command, CurrentUser caller) {
        Employer employer = get(id);
        blacklistings.save(employer.lift(command.reason().strip(), evidence(command), caller.username(),
                Instant.now(clock)));
        log.info("Employer {} taken off the blacklist by {}", id, caller.username());
        return employer;
    }

    /** The employer's blacklistings and liftings in time order. */
    @Transactional(readOnly = true)
    public List<BlacklistRecordView> history(Long id) {
        get(id);
        return blacklistings.history(id).stream().map(views::toView).toList();
    }

    /**
     * The registered employer that a destination or a public-welfare post names: by its unified social
     * credit code when the text is one (so a renamed employer is still found; an unregistered code is 400
     * on {@code field}), else by its name; empty for a name not registered.
     */
    @Transactional(readOnly = true)
    public Optional<EmployerView> named(String nameOrCode, String field) {
        if (blank(nameOrCode)) {
            return Optional.empty();
        }
        return byNameOrCode(nameOrCode.strip(), field).map(views::toView);
    }

    /**
     * The employer a referral names: a registered one by id, or by its credit code (a renamed employer is
     * still found), or one by name, registered now if new. A blacklisted employer is refused (422).
     */
    @Transactional
    public EmployerView forReferral(Long employerId, String employerName, CurrentUser caller) {
        Employer employer;
        if (employerId != null) {
            employer = employers.findById(employerId)
                    .orElseThrow(() -> new InvalidFieldException("employerId", "validation.unknownEmployer"));
        } else if (!blank(employerName)) {
            String name = employerName.strip();
            employer = byNameOrCode(name, "employer").orElseGet(() -> registerForReferral(name, caller));
        } else {
            throw new InvalidFieldException("employerId", "validation.employerRequired");
        }
        if (employer.isBlacklisted()) {
            throw new BusinessRuleException("problem.blacklistedEmployer",
                    Map.of("employerId", employer.getId()), employer.getName());
        }
        return views.toView(employer);
    }

    /**
     * Registers a referral's new employer, once even when two referrals name it at the same moment.
     * The row is inserted with plain JDBC in the caller's transaction: the second insert waits on the
     * unique name until the first transaction ends, and a refused insert fails that statement only
     * (neither the transaction nor the persistence context), so the loser then reads the winner's
     * committed row (READ COMMITTED). Were the first transaction rolled back, the second insert wins.
     */
    private Employer registerForReferral(String name, CurrentUser caller) {
        try {
            jdbc.update("insert into employer (name, blacklisted, created_at, created_by, version) values (?, false, ?, ?, 0)",
                    name, Timestamp.from(Instant.now(clock)), caller.username());
            Employer employer = employers.findByName(name).orElseThrow();
            log.info("Employer {} registered for a referral by {}", employer.getId(), caller.username());
            return employer;
        } catch (DuplicateKeyException raced) {
            return employers.findByName(name).orElseThrow(() -> raced);
        }
    }

    /**
     * An employer by its credit code when the text has a code's format (a wrong check character or an
     * unregistered code is 400 on {@code field}), else by its exact name.
     */
    private Optional<Employer> byNameOrCode(String text, String field) {
        if (!CreditCodes.looksLikeOne(text)) {
            return employers.findByName(text);
        }
        if (!CreditCodes.isValid(text)) {
            throw new InvalidFieldException(field, "leye.validation.creditCode");
        }
        return Optional.of(employers.findByCreditCode(text)
                .orElseThrow(() -> new InvalidFieldException(field, "validation.unknownCreditCode")));
    }

    private static String evidence(BlacklistEmployer command) {
        return blank(command.evidence()) ? null : IdNumbersInText.mask(command.evidence().strip());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

}
