package org.leye.casework.reports;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

import org.leye.casework.security.CurrentUser;
import org.springframework.context.ApplicationContext;

/** For the benchmark: the placement and compliance reports through the service, and the ledger's own reading. */
public final class ReportsProbe {

    private ReportsProbe() {
    }

    /** The city's placement as of the end of {@code asOf}: the number of graduates counted. */
    public static long placement(ApplicationContext context, LocalDate asOf, int year, CurrentUser caller) {
        return context.getBean(Reports.class).placement(asOf, year, null, caller).graduates();
    }

    /** The compliance report for the city and a cohort; returns the number of districts in it. */
    public static int compliance(ApplicationContext context, int year, CurrentUser caller) {
        return context.getBean(Reports.class).compliance(null, year, caller).districts().size();
    }

    /** The early warning of the city for a cohort: how many graduates are at risk in all (the default list of 100 each). */
    public static long earlyWarning(ApplicationContext context, LocalDate by, int year, CurrentUser caller) {
        return context.getBean(Reports.class).earlyWarning(by, year, null, null, caller).districts().stream()
                .mapToLong(ReportViews.DistrictWarning::atRisk).sum();
    }

    /**
     * Reads the placement as of the end of {@code asOf} from the ledger (the definition, as before
     * the placement spans) and tells whether the spans give the same cells; returns the milliseconds
     * the ledger's reading took, negative when they differ.
     */
    public static long ledgerReadingAgrees(ApplicationContext context, LocalDate asOf, int year) {
        ReportQueries queries = context.getBean(ReportQueries.class);
        ReportSettings settings = context.getBean(ReportSettings.class);
        var end = Period.endOf(asOf, settings.zone());
        long start = System.nanoTime();
        List<ReportQueries.AsOfCount> fromLedger = queries.asOfFromLedger(end, year);
        long ms = (System.nanoTime() - start) / 1_000_000;
        boolean same = new HashSet<>(fromLedger).equals(new HashSet<>(queries.asOf(end, year)))
                && fromLedger.size() == queries.asOf(end, year).size();
        return same ? ms : -ms;
    }
}
