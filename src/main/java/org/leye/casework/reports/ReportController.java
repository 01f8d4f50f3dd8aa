package org.leye.casework.reports;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Parameter;
import org.leye.casework.security.CurrentUsers;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervisors' reports (API.md, Reports): supervisors and administrators only; a district
 * supervisor gets their own district, whatever they ask for. Exports by {@code Accept}: JSON,
 * {@code text/csv} or .xlsx.
 */
@RestController
@RequestMapping("/api/reports")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class ReportController {

    private final Reports reports;
    private final ReportExports exports;
    private final CurrentUsers users;

    ReportController(Reports reports, ReportExports exports, CurrentUsers users) {
        this.reports = reports;
        this.exports = exports;
        this.users = users;
    }

    @GetMapping("/placement")
    ReportViews.Placement placement(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) Integer graduationYear, @RequestParam(required = false) String district) {
        return reports.placement(asOf, graduationYear, district, users.current());
    }

    @GetMapping("/compliance")
    ReportViews.Compliance compliance(@RequestParam(required = false) String district,
            @RequestParam(required = false) Integer graduationYear) {
        return reports.compliance(district, graduationYear, users.current());
    }

    @GetMapping(value = "/quarterly", produces = { MediaType.APPLICATION_JSON_VALUE })
    ReportViews.Quarterly quarterly(@RequestParam String quarter, @RequestParam(required = false) Integer graduationYear,
            @RequestParam(required = false) String district) {
        return reports.quarterly(quarter, graduationYear, district, users.current());
    }

    @GetMapping(value = "/quarterly", produces = TableWriter.CSV)
    void quarterlyCsv(@RequestParam String quarter, @RequestParam(required = false) Integer graduationYear,
            @RequestParam(required = false) String district, HttpServletResponse response) throws IOException {
        ReportViews.Quarterly report = reports.quarterly(quarter, graduationYear, district, users.current());
        start(response, TableWriter.CSV, exports.label("report.quarterly.sheet") + "-" + report.quarter() + ".csv");
        exports.quarterly(report, users.current(), TableWriter.csv(response.getOutputStream()));
    }

    @GetMapping(value = "/quarterly", produces = TableWriter.XLSX)
    void quarterlyXlsx(@RequestParam String quarter, @RequestParam(required = false) Integer graduationYear,
            @RequestParam(required = false) String district, HttpServletResponse response) throws IOException {
        ReportViews.Quarterly report = reports.quarterly(quarter, graduationYear, district, users.current());
        String sheet = exports.label("report.quarterly.sheet");
        start(response, TableWriter.XLSX, sheet + "-" + report.quarter() + ".xlsx");
        exports.quarterly(report, users.current(), TableWriter.xlsx(response.getOutputStream(), sheet));
    }

    private static final String YEAR = "the calendar year of the checkpoints 30 June, 30 September and 30 December;"
            + " exactly one of year and asOf";
    private static final String AS_OF = "the day as of whose end the report is (not after today); exactly one of year"
            + " and asOf";

    /**
     * The progress report on the plan's dates: {@code year} for its three checkpoints (30 June,
     * 30 September, 30 December) or {@code asOf} for one day, exactly one of them.
     */
    @GetMapping(value = "/progress", produces = { MediaType.APPLICATION_JSON_VALUE })
    ReportViews.Progress progress(@Parameter(description = YEAR) @RequestParam(required = false) Integer year,
            @Parameter(description = AS_OF) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) Integer graduationYear, @RequestParam(required = false) String district) {
        return reports.progress(year, asOf, graduationYear, district, users.current());
    }

    @GetMapping(value = "/progress", produces = TableWriter.CSV)
    void progressCsv(@Parameter(description = YEAR) @RequestParam(required = false) Integer year,
            @Parameter(description = AS_OF) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) Integer graduationYear, @RequestParam(required = false) String district,
            HttpServletResponse response) throws IOException {
        ReportViews.Progress report = reports.progress(year, asOf, graduationYear, district, users.current());
        start(response, TableWriter.CSV, exports.label("report.progress.sheet") + "-" + progressName(report) + ".csv");
        exports.progress(report, users.current(), TableWriter.csv(response.getOutputStream()));
    }

    @GetMapping(value = "/progress", produces = TableWriter.XLSX)
    void progressXlsx(@Parameter(description = YEAR) @RequestParam(required = false) Integer year,
            @Parameter(description = AS_OF) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) Integer graduationYear, @RequestParam(required = false) String district,
            HttpServletResponse response) throws IOException {
        ReportViews.Progress report = reports.progress(year, asOf, graduationYear, district, users.current());
        String sheet = exports.label("report.progress.sheet");
        start(response, TableWriter.XLSX, sheet + "-" + progressName(report) + ".xlsx");
        exports.progress(report, users.current(), TableWriter.xlsx(response.getOutputStream(), sheet));
    }

    private static String progressName(ReportViews.Progress report) {
        return report.asOf() != null ? report.asOf().toString() : String.valueOf(report.year());
    }

    private static final String IN_DIFFICULTY = "true: only the graduates in difficulty (困难毕业生)";
    private static final String UNIVERSITY = "only the graduates of this university of the city's list, by code (WYU) or name";

    /** The real-name service ledger (实名服务台账) as CSV. */
    @GetMapping(value = "/ledger", produces = TableWriter.CSV)
    void ledgerCsv(@RequestParam(required = false) String district,
            @RequestParam(required = false) Integer graduationYear,
            @Parameter(description = IN_DIFFICULTY) @RequestParam(required = false) Boolean inDifficulty,
            @Parameter(description = UNIVERSITY) @RequestParam(required = false) String university,
            HttpServletResponse response) throws IOException {
        var caller = users.current();
        var filters = new ReportExports.LedgerFilters(district, graduationYear, inDifficulty, university);
        // refuse the filters before the first byte, so that a refusal is still a problem response
        exports.check(filters, caller);
        start(response, TableWriter.CSV, exports.label("report.ledger.sheet") + ".csv");
        exports.ledger(filters, caller, TableWriter.csv(response.getOutputStream()));
    }

    /** The real-name service ledger (实名服务台账) as .xlsx. */
    @GetMapping(value = "/ledger", produces = TableWriter.XLSX)
    void ledgerXlsx(@RequestParam(required = false) String district,
            @RequestParam(required = false) Integer graduationYear,
            @Parameter(description = IN_DIFFICULTY) @RequestParam(required = false) Boolean inDifficulty,
            @Parameter(description = UNIVERSITY) @RequestParam(required = false) String university,
            HttpServletResponse response) throws IOException {
        var caller = users.current();
        var filters = new ReportExports.LedgerFilters(district, graduationYear, inDifficulty, university);
        exports.check(filters, caller);
        String sheet = exports.label("report.ledger.sheet");
        start(response, TableWriter.XLSX, sheet + ".xlsx");
        exports.ledger(filters, caller, TableWriter.xlsx(response.getOutputStream(), sheet));
    }

    @GetMapping("/early-warning")
    ReportViews.EarlyWarning earlyWarning(
            // required, checked by the service so that its absence is a 400 naming the field like the others
            @Parameter(required = true, description = "the day by which the 131 is due")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate by,
            @RequestParam(required = false) Integer graduationYear, @RequestParam(required = false) String district,
            @RequestParam(required = false) Integer limit) {
        return reports.earlyWarning(by, graduationYear, district, limit, users.current());
    }

    private static void start(HttpServletResponse response, String type, String filename) {
        response.setContentType(type + (TableWriter.CSV.equals(type) ? ";charset=UTF-8" : ""));
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
                + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
