package org.leye.casework.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.leye.casework.audit.AuditLog;
import org.leye.casework.graduates.Difficulty;
import org.leye.casework.reference.District;
import org.leye.casework.reference.ReferenceData;
import org.leye.casework.reference.University;
import org.leye.casework.reports.ReportQueries.Filter;
import org.leye.casework.reports.ReportQueries.LedgerRow;
import org.leye.casework.reports.ReportQueries.Service;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The exports, in the bureau's language (zh-CN) whatever the caller's: the real-name service
 * ledger (实名服务台账), one row per graduate with their services and dates, the quarterly
 * progress report and the progress report on the plan's dates (进展报告). Only the caller's districts; identifiers masked as everywhere else. Each export
 * is in the audit log once it ends, however it ends (a client gone in the middle too): who, which
 * report, over what, and the rows written.
 */
@Component
class ReportExports {

    static final Locale BUREAU = Locale.SIMPLIFIED_CHINESE;
    static final int PAGE = 500;
    static final String DATE_SEPARATOR = "、";

    static final List<String> LEDGER_COLUMNS = List.of("seq", "name", "idNumber", "gender", "phone", "university",
            "major", "degree", "graduationYear", "district", "difficulties", "willing", "caseNumber", "status",
            "registeredOn", "guidanceCount", "guidanceDates", "referralCount", "referralDates", "trainingCount",
            "trainingDates", "publicWelfareDates", "helperDates", "met131", "met131On", "destinationCode",
            "destination", "destinationDate", "employer");

    static final List<String> QUARTERLY_COLUMNS = List.of("districtCode", "district", "graduates", "registered",
            "guidance", "referrals", "training", "publicWelfare", "met131", "placed", "rate", "target");

    static final List<String> PROGRESS_COLUMNS = List.of("checkpoint", "reached", "districtCode", "district",
            "registered", "contacted", "met131", "placed", "placedRate", "inDifficulty", "inDifficultyWithHelper",
            "inDifficultyPlaced", "inDifficultyEmployed", "publicWelfare", "cohortRate", "target", "expected", "targetStatus");

    private final ReportQueries queries;
    private final ReportScope scope;
    private final ReportSettings settings;
    private final ReferenceData reference;
    private final MessageSource messages;
    private final AuditLog audit;
    private final TransactionTemplate readOnly;

    ReportExports(ReportQueries queries, ReportScope scope, ReportSettings settings, ReferenceData reference,
            MessageSource messages, AuditLog audit, PlatformTransactionManager transactions) {
        this.queries = queries;
        this.scope = scope;
        this.settings = settings;
        this.reference = reference;
        this.messages = messages;
        this.audit = audit;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    String label(String key, Object... args) {
        return messages.getMessage(key, args, key, BUREAU);
    }

    /**
     * The ledger export's filters as asked (API.md): a district, a cohort, only the graduates in
     * difficulty, one university (by code or name).
     */
    record LedgerFilters(String district, Integer graduationYear, Boolean inDifficulty, String university) {

        boolean onlyInDifficulty() {
            return Boolean.TRUE.equals(inDifficulty);
        }

        /** The university's code, null for every university; one not in the city's list is refused by name. */
        String universityCode(ReferenceData reference) {
            if (university == null || university.isBlank()) {
                return null;
            }
            return reference.university(university).map(University::code)
                    .orElseThrow(() -> new InvalidFieldException("university", "validation.unknownUniversity"));
        }
    }

    /**
     * Refuses filters before the first byte is written, so that a refusal is still a problem response:
     * a district outside the caller's scope (404, {@link ReportScope}) or an unknown university (400).
     */
    void check(LedgerFilters filters, CurrentUser caller) {
        scope.resolve(filters.district(), caller);
        filters.universityCode(reference);
    }

    /**
     * Writes the ledger of the caller's districts (or the one asked), a page of graduates at a time,
     * in one read-only transaction; then records the export (after that transaction, which cannot write).
     */
    void ledger(LedgerFilters filters, CurrentUser caller, TableWriter out) throws IOException {
        ReportScope.Districts districts = scope.resolve(filters.district(), caller);
        String university = filters.universityCode(reference);
        Filter f = new Filter(districts.district(), filters.graduationYear());
        try {
            readOnly.executeWithoutResult(s -> {
                try {
                    writeLedger(new ReportQueries.LedgerFilter(f, filters.onlyInDifficulty(), university), out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            audit.recordExport(caller.username(), "ledger", scopeOf(districts.district())
                    + (filters.graduationYear() == null ? "" : " graduationYear=" + filters.graduationYear())
                    + (filters.onlyInDifficulty() ? " inDifficulty=true" : "")
                    + (university == null ? "" : " university=" + university), out.dataRows());
        }
    }

    /** What an export covered, for the audit: {@code city} or {@code district=440785}. */
    static String scopeOf(String district) {
        return district == null ? "city" : "district=" + district;
    }

    private void writeLedger(ReportQueries.LedgerFilter f, TableWriter out) throws IOException {
        Map<String, String> districtNames = reference.districts().stream()
                .collect(Collectors.toMap(District::code, District::name));
        out.row(LEDGER_COLUMNS.stream().map(c -> label("report.ledger.col." + c)).toList());
        long after = 0;
        int seq = 0;
        List<String> types = List.of("GUIDANCE", "REFERRAL", "TRAINING", "INTERNSHIP", "HELPER_ASSIGNED");
        while (true) {
            List<LedgerRow> page = queries.ledgerRows(f, after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            List<Long> ids = page.stream().map(LedgerRow::id).toList();
            Map<Long, List<Service>> services = queries.services(ids, types).stream()
                    .collect(Collectors.groupingBy(Service::graduateId));
            Map<Long, List<String>> difficulties = new HashMap<>();
            queries.difficulties(ids).stream()
                    .sorted(Comparator.comparing(e -> Difficulty.valueOf(e.getValue()))) // in the order of the plan
                    .forEach(e -> difficulties.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(label("report.difficulty." + e.getValue())));
            for (LedgerRow g : page) {
                out.row(ledgerRow(++seq, g, services.getOrDefault(g.id(), List.of()),
                        difficulties.getOrDefault(g.id(), List.of()), districtNames));
            }
            after = page.get(page.size() - 1).id();
        }
        out.close();
    }

    private List<Object> ledgerRow(int seq, LedgerRow g, List<Service> services, List<String> difficulties,
            Map<String, String> districtNames) {
        List<String> guidance = dates(services, "GUIDANCE");
        List<String> referrals = dates(services, "REFERRAL");
        List<String> training = dates(services, "TRAINING", "INTERNSHIP");
        List<Object> row = new ArrayList<>();
        row.add(seq);
        row.add(g.name());
        row.add(g.idNumberMasked());
        row.add(g.gender() == null ? "" : label("report.gender." + g.gender()));
        row.add(nullToEmpty(g.phoneMasked()));
        row.add(nullToEmpty(g.university()));
        row.add(nullToEmpty(g.major()));
        row.add(label("report.degree." + g.degree()));
        row.add(g.graduationYear());
        row.add(districtNames.getOrDefault(g.district(), g.district()));
        row.add(String.join(DATE_SEPARATOR, difficulties));
        row.add(label(g.willing() ? "report.yes" : "report.no"));
        row.add(nullToEmpty(g.caseNumber()));
        row.add(label("report.status." + g.status()));
        row.add(date(g.registeredAt()));
        row.add(guidance.size());
        row.add(String.join(DATE_SEPARATOR, guidance));
        row.add(referrals.size());
        row.add(String.join(DATE_SEPARATOR, referrals));
        row.add(training.size());
        row.add(String.join(DATE_SEPARATOR, training));
        row.add(String.join(DATE_SEPARATOR, dates(services, ReportQueries.PUBLIC_WELFARE_POSTS)));
        row.add(String.join(DATE_SEPARATOR, dates(services, "HELPER_ASSIGNED")));
        row.add(label(g.met131At() != null ? "report.yes" : "report.no"));
        row.add(date(g.met131At()));
        row.add(nullToEmpty(g.destinationCode()));
        String destination = g.destinationCode() == null ? "" : label("report.destination." + g.destinationCode());
        row.add(g.destinationPublicWelfare() ? label("report.destination.publicWelfare", destination) : destination);
        row.add(g.destinationDate() == null ? "" : g.destinationDate().toString());
        row.add(nullToEmpty(g.destinationEmployer()));
        return row;
    }

    private List<String> dates(List<Service> services, String... types) {
        List<String> wanted = List.of(types);
        return services.stream().filter(s -> wanted.contains(s.type())).map(s -> date(s.at())).toList();
    }

    private String date(Instant at) {
        return at == null ? "" : LocalDate.ofInstant(at, settings.zone()).toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The quarterly report as a table: one row per district, then the total; then the export's audit entry. */
    void quarterly(ReportViews.Quarterly report, CurrentUser caller, TableWriter out) throws IOException {
        try {
            out.row(QUARTERLY_COLUMNS.stream().map(c -> label("report.quarterly.col." + c)).toList());
            for (ReportViews.QuarterRow r : report.rows()) {
                out.row(quarterRow(r.district(), r.name(), r, report));
            }
            ReportViews.QuarterRow t = report.total();
            out.row(quarterRow("", label("report.total"), t, report));
            out.close();
        } finally {
            audit.recordExport(caller.username(), "quarterly", scopeOf(report.district()) + " quarter="
                    + report.quarter() + " graduationYear=" + report.graduationYear(), out.dataRows());
        }
    }

    private static List<Object> quarterRow(String code, String name, ReportViews.QuarterRow r,
            ReportViews.Quarterly report) {
        return List.of(code == null ? "" : code, name, r.graduates(), r.registered(), r.guidance(), r.referrals(),
                r.trainingOrInternship(), r.publicWelfarePlacements(), r.met131(), r.placed(), r.rate(),
                report.target());
    }

    /**
     * The progress report as a table: per checkpoint a row per district, then the total with the cohort
     * rate and its target status (the city's report; empty cells for a district's); a checkpoint not
     * reached is one row saying so. Then the export's audit entry.
     */
    void progress(ReportViews.Progress report, CurrentUser caller, TableWriter out) throws IOException {
        try {
            out.row(PROGRESS_COLUMNS.stream().map(c -> label("report.progress.col." + c)).toList());
            for (ReportViews.Checkpoint c : report.checkpoints()) {
                String reached = label(c.reached() ? "report.yes" : "report.no");
                if (c.total() == null) {
                    out.row(List.of(c.date().toString(), reached, "", label("report.progress.notReached")));
                    continue;
                }
                for (ReportViews.ProgressRow r : c.districts()) {
                    out.row(progressRow(c, reached, r.district(), r.name(), r, false));
                }
                out.row(progressRow(c, reached, "", label("report.total"), c.total(), true));
            }
            out.close();
        } finally {
            audit.recordExport(caller.username(), "progress", scopeOf(report.district())
                    + (report.asOf() != null ? " asOf=" + report.asOf() : " year=" + report.year())
                    + " graduationYear=" + report.graduationYear(), out.dataRows());
        }
    }

    private List<Object> progressRow(ReportViews.Checkpoint c, String reached, String code, String name,
            ReportViews.ProgressRow r, boolean total) {
        List<Object> row = new ArrayList<>(List.of(c.date().toString(), reached, code == null ? "" : code, name,
                r.registered(), r.contacted(), r.met131(), r.placed(), r.placedRate(), r.inDifficulty(),
                r.inDifficultyWithHelper(), r.inDifficultyPlaced(), r.inDifficultyEmployed(), r.publicWelfare()));
        ReportViews.TargetStatus t = c.targetStatus();
        if (total && t != null) {
            row.add(c.cohort() == null ? "" : c.cohort().rate());
            row.add(t.rate());
            row.add(t.expected());
            row.add(label("report.judgement." + t.status().name()));
        } else {
            row.addAll(List.of("", "", "", ""));
        }
        return row;
    }
}
