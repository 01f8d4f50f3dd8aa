package org.leye.casework.cohorts;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.leye.casework.audit.AuditLog;
import org.leye.casework.reference.ReferenceData;
import org.leye.casework.reference.ReferenceData.UniversityName;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.problem.InvalidFieldException.FieldError;
import org.leye.casework.shared.problem.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cohorts' totals from the education department, per graduation year and university: set one
 * at a time, or a year's table at once from its file (all rows or none). Only the city's
 * supervisors and administrators read or change them (universities are not districts, so a
 * district supervisor has no cohort). Every change is in the audit log as {@code COHORT_CHANGED};
 * writing the same figures again changes nothing and records nothing.
 */
@Service
public class Cohorts {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 9999;
    static final long MAX_GRADUATES = 1_000_000;
    static final String AUDIT_TARGET = "cohort_totals";

    private final CohortTotals totals;
    private final ReferenceData reference;
    private final AuditLog audit;
    private final Clock clock;

    Cohorts(CohortTotals totals, ReferenceData reference, AuditLog audit, Clock clock) {
        this.totals = totals;
        this.reference = reference;
        this.audit = audit;
        this.clock = clock;
    }

    /** What one university's row of a year became: created, changed, or as it was. */
    enum Outcome {
        CREATED, CHANGED, UNCHANGED
    }

    record Written(CohortTotalView totals, Outcome outcome) {
    }

    /** What an upload did, row by row in file order. */
    record Uploaded(int graduationYear, int created, int changed, int unchanged, List<CohortTotalView> rows) {
    }

    /** Sets one university's totals of a year; 404 for an unknown university. */
    @Transactional
    public CohortTotalView put(int graduationYear, String universityCode, int graduates, int placedAtLeaving,
            CurrentUser caller) {
        requireCity(caller);
        checkYear(graduationYear);
        UniversityName university = reference.universityName(universityCode)
                .orElseThrow(() -> new NotFoundException("university", universityCode.strip()));
        List<FieldError> errors = new ArrayList<>();
        checkCounts("", graduates, placedAtLeaving, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return write(graduationYear, university, graduates, placedAtLeaving, "api", caller).totals();
    }

    /** A year's totals, by university code; empty without a table loaded. */
    @Transactional(readOnly = true)
    public List<CohortTotalView> list(int graduationYear, CurrentUser caller) {
        requireCity(caller);
        return totals(graduationYear);
    }

    /**
     * A year's totals for the reports, which decide themselves who sees the cohort figures: by
     * university code; empty without a table loaded.
     */
    @Transactional(readOnly = true)
    public List<CohortTotalView> totals(int graduationYear) {
        return totals.findByYear(graduationYear).stream().map(this::view).toList();
    }

    /**
     * Loads a year's table from the education department's file (CSV or .xlsx, a row per university:
     * the university's code or name, its graduates, those placed at leaving). Every row is checked
     * before anything is written: one bad row refuses the file with every row's errors (400, fields
     * {@code rows[n].university}, {@code rows[n].graduates}, {@code rows[n].placedAtLeaving}, n the
     * row as the user sees it) and changes nothing. Loading the same file again changes nothing.
     * Universities not in the file keep what they had.
     */
    @Transactional
    public Uploaded upload(int graduationYear, InputStream file, CurrentUser caller) throws IOException {
        requireCity(caller);
        checkYear(graduationYear);
        List<CohortFile.Row> rows = CohortFile.read(file);
        List<FieldError> errors = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CohortFile.Row row : rows) {
            String at = "rows[" + row.number() + "].";
            Optional<UniversityName> university = reference.universityName(row.university());
            if (university.isEmpty()) {
                errors.add(new FieldError(at + "university", "validation.cohort.unknownUniversity", row.university()));
            } else if (seen.putIfAbsent(university.get().code(), row.number()) != null) {
                errors.add(new FieldError(at + "university", "validation.cohort.repeatedUniversity",
                        seen.get(university.get().code())));
            }
            Long graduates = count(row.graduates(), at + "graduates", errors);
            Long placed = count(row.placedAtLeaving(), at + "placedAtLeaving", errors);
            if (graduates != null && placed != null) {
                checkCounts(at, graduates, placed, errors);
            }
            if (university.isPresent() && graduates != null && placed != null) {
                parsed.add(new Parsed(university.get(), graduates.intValue(), placed.intValue()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        int created = 0, changed = 0, unchanged = 0;
        List<CohortTotalView> written = new ArrayList<>();
        for (Parsed p : parsed) {
            Written w = write(graduationYear, p.university(), p.graduates(), p.placedAtLeaving(), "upload", caller);
            switch (w.outcome()) {
                case CREATED -> created++;
                case CHANGED -> changed++;
                case UNCHANGED -> unchanged++;
            }
            written.add(w.totals());
        }
        return new Uploaded(graduationYear, created, changed, unchanged, written);
    }

    private record Parsed(UniversityName university, int graduates, int placedAtLeaving) {
    }

    private Written write(int year, UniversityName university, int graduates, int placedAtLeaving, String via,
            CurrentUser caller) {
        CohortTotal total = totals.find(year, university.code()).orElseGet(() -> new CohortTotal(year, university.code()));
        boolean created = total.isNew();
        String before = created ? "none" : total.getGraduates() + "/" + total.getPlacedAtLeaving();
        if (!total.change(graduates, placedAtLeaving, caller.username(), Instant.now(clock))) {
            return new Written(view(total), Outcome.UNCHANGED);
        }
        total = totals.save(total);
        audit.recordChange(caller.username(), AuditLog.COHORT_CHANGED, AUDIT_TARGET,
                "graduationYear=" + year + " university=" + university.code(),
                "graduates/placedAtLeaving " + before + " -> " + graduates + "/" + placedAtLeaving + " (" + via + ")");
        return new Written(view(total), created ? Outcome.CREATED : Outcome.CHANGED);
    }

    /** A whole number of people from a cell: digits, or what a spreadsheet writes for one (100.0). */
    private static Long count(String cell, String field, List<FieldError> errors) {
        String s = cell == null ? "" : cell.strip().replace(",", "");
        if (s.isEmpty()) {
            errors.add(new FieldError(field, "validation.required"));
            return null;
        }
        if (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2);
        }
        if (!s.matches("\\d{1,9}") || Long.parseLong(s) > MAX_GRADUATES) {
            errors.add(new FieldError(field, "validation.cohort.count", MAX_GRADUATES));
            return null;
        }
        return Long.parseLong(s);
    }

    private static void checkCounts(String at, long graduates, long placedAtLeaving, List<FieldError> errors) {
        if (placedAtLeaving > graduates) {
            errors.add(new FieldError(at + "placedAtLeaving", "validation.cohort.placedAboveGraduates", graduates));
        }
    }

    private static void checkYear(int graduationYear) {
        if (graduationYear < MIN_YEAR || graduationYear > MAX_YEAR) {
            throw new InvalidFieldException("graduationYear", "validation.cohort.year", MIN_YEAR);
        }
    }

    /** The city's figures: a district supervisor (or any other role) is refused, 403 on the API. */
    private static void requireCity(CurrentUser caller) {
        if (!caller.seesWholeCity()) {
            throw new AccessDeniedException("cohort totals are the city's");
        }
    }

    private CohortTotalView view(CohortTotal t) {
        String name = reference.universityName(t.getUniversityCode()).map(UniversityName::name)
                .orElse(t.getUniversityCode());
        return new CohortTotalView(t.getGraduationYear(), t.getUniversityCode(), name, t.getGraduates(),
                t.getPlacedAtLeaving(), t.getUpdatedBy(), t.getUpdatedAt());
    }
}
