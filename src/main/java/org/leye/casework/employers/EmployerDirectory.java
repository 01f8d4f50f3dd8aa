package org.leye.casework.employers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.leye.casework.reference.ReferenceData;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.shared.Text;
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
import org.springframework.stereotype.Service;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** Employers: registered once by name, searchable, blacklisted by a supervisor. */
@Service
public class EmployerDirectory {

    private static final Logger log = LoggerFactory.getLogger(EmployerDirectory.class);

    private final Employers employers;
    private final ReferenceData reference;
    private final EmployerMapper views;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    EmployerDirectory(Employers employers, ReferenceData reference, EmployerMapper views, Clock clock,
            JdbcTemplate jdbc) {
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

    @Transactional
    public Employer blacklist(Long id, String reason, CurrentUser caller) {
        Employer employer = get(id);
        employer.blacklist(reason.strip(), caller.username(), Instant.now(clock));
        log.info("Employer {} blacklisted by {}", id, caller.username());
        return employer;
    }

    @Transactional
    public Employer lift(Long id, CurrentUser caller) {
        Employer employer = get(id);
        employer.lift();
        log.info("Employer {} taken off the blacklist by {}", id, caller.username());
        return employer;
    }

    /**
     * The employer a referral names: a registered one by id, or one by name, registered now if new.
     * A blacklisted employer is refused (422).
     */
    @Transactional
    public EmployerView forReferral(Long employerId, String employerName, CurrentUser caller) {
        Employer employer;
        if (employerId != null) {
            employer = employers.findById(employerId)
                    .orElseThrow(() -> new InvalidFieldException("employerId", "validation.unknownEmployer"));
        } else if (!blank(employerName)) {
            String name = employerName.strip();
            employer = employers.findByName(name).orElseGet(() -> registerForReferral(name, caller));
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

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

}
