package org.leye.casework.reports;

import java.math.BigDecimal;
import java.util.List;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The targets that the figures are judged against (the city's plan; all configurable under
 * {@code leye.reports.*}) and the zone in which a date ends ("as of 31 July" means up to the end
 * of that day in Asia/Shanghai).
 */
@Component
class ReportSettings {

    private final BigDecimal placementTargetMidYear;
    private final BigDecimal placementTargetYearEnd;
    private final MonthDay midYearDeadline;
    private final BigDecimal helperTarget;
    private final BigDecimal placedInDifficultyTarget;
    private final ZoneId zone;

    ReportSettings(@Value("${leye.reports.placement-target-mid-year:0.70}") BigDecimal placementTargetMidYear,
            @Value("${leye.reports.placement-target-year-end:0.90}") BigDecimal placementTargetYearEnd,
            @Value("${leye.reports.mid-year-deadline:--07-31}") String midYearDeadline,
            @Value("${leye.reports.helper-target:1.00}") BigDecimal helperTarget,
            @Value("${leye.reports.placed-in-difficulty-target:1.00}") BigDecimal placedInDifficultyTarget,
            @Value("${leye.reports.zone:Asia/Shanghai}") String zone) {
        this.placementTargetMidYear = placementTargetMidYear;
        this.placementTargetYearEnd = placementTargetYearEnd;
        this.midYearDeadline = MonthDay.parse(midYearDeadline);
        this.helperTarget = helperTarget;
        this.placedInDifficultyTarget = placedInDifficultyTarget;
        this.zone = ZoneId.of(zone);
    }

    /** 0.70 up to the mid-year deadline (31 July) of the graduation year, 0.90 after. */
    BigDecimal placementTarget(LocalDate asOf, int graduationYear) {
        if (asOf.getYear() > graduationYear) {
            return placementTargetYearEnd;
        }
        if (asOf.getYear() < graduationYear) {
            return placementTargetMidYear;
        }
        return asOf.isAfter(midYearDeadline.atYear(graduationYear)) ? placementTargetYearEnd : placementTargetMidYear;
    }

    /**
     * The cohort rate against the plan's targets on {@code asOf} (a {@link ReportViews.TargetStatus}):
     * up to 31 July of the graduation year 0.70 by 31 July; from 1 August to 30 December progress
     * toward 0.90 by 31 December along the straight line from 0.70 on 31 July (ON_TRACK or BEHIND
     * rather than "not met"); from 31 December on 0.90. A null rate is not judged.
     */
    ReportViews.TargetStatus judge(LocalDate asOf, int graduationYear, BigDecimal rate) {
        LocalDate mid = midYearDeadline.atYear(graduationYear);
        LocalDate end = LocalDate.of(graduationYear, 12, 31);
        if (!asOf.isAfter(mid)) {
            return new ReportViews.TargetStatus(placementTargetMidYear, mid, placementTargetMidYear,
                    rate == null ? ReportViews.Judgement.NOT_JUDGED
                            : rate.compareTo(placementTargetMidYear) >= 0 ? ReportViews.Judgement.MET
                                    : asOf.isBefore(mid) ? ReportViews.Judgement.NOT_YET_MET
                                            : ReportViews.Judgement.MISSED);
        }
        if (!asOf.isBefore(end)) {
            return new ReportViews.TargetStatus(placementTargetYearEnd, end, placementTargetYearEnd,
                    rate == null ? ReportViews.Judgement.NOT_JUDGED
                            : rate.compareTo(placementTargetYearEnd) >= 0 ? ReportViews.Judgement.MET
                                    : ReportViews.Judgement.MISSED);
        }
        long done = java.time.temporal.ChronoUnit.DAYS.between(mid, asOf);
        long span = java.time.temporal.ChronoUnit.DAYS.between(mid, end);
        BigDecimal expected = placementTargetMidYear.add(placementTargetYearEnd.subtract(placementTargetMidYear)
                .multiply(BigDecimal.valueOf(done)).divide(BigDecimal.valueOf(span), 4, java.math.RoundingMode.HALF_UP));
        ReportViews.Judgement status = rate == null ? ReportViews.Judgement.NOT_JUDGED
                : rate.compareTo(placementTargetYearEnd) >= 0 ? ReportViews.Judgement.MET
                        : rate.compareTo(expected) >= 0 ? ReportViews.Judgement.ON_TRACK : ReportViews.Judgement.BEHIND;
        return new ReportViews.TargetStatus(placementTargetYearEnd, end, expected, status);
    }

    /** The two placement targets: by the mid-year deadline (0.70) and by the year's end (0.90). */
    List<BigDecimal> placementTargets() {
        return List.of(placementTargetMidYear, placementTargetYearEnd);
    }

    BigDecimal helperTarget() {
        return helperTarget;
    }

    BigDecimal placedInDifficultyTarget() {
        return placedInDifficultyTarget;
    }

    ZoneId zone() {
        return zone;
    }
}
