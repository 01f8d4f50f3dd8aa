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
