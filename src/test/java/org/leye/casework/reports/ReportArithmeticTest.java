package org.leye.casework.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.leye.casework.reports.ReportQueries.DaysCount;

/** The arithmetic behind the figures, without a database. */
class ReportArithmeticTest {

    final ReportSettings settings = new ReportSettings(new java.math.BigDecimal("0.70"),
            new java.math.BigDecimal("0.90"), "--07-31", java.math.BigDecimal.ONE, java.math.BigDecimal.ONE,
            "Asia/Shanghai");

    @Test
    void targetIsSeventyPercentUpTo31JulyAndNinetyAfter() {
        assertThat(settings.placementTarget(LocalDate.of(2023, 7, 31), 2023)).isEqualByComparingTo("0.70");
        assertThat(settings.placementTarget(LocalDate.of(2023, 8, 1), 2023)).isEqualByComparingTo("0.90");
        assertThat(settings.placementTarget(LocalDate.of(2024, 3, 1), 2023)).isEqualByComparingTo("0.90");
        assertThat(settings.placementTarget(LocalDate.of(2022, 12, 31), 2023)).isEqualByComparingTo("0.70");
    }

    @Test
    void percentilesByNearestRank() {
        // 1, 2, 2, 3, 10 days: median rank 3 -> 2; p90 rank ceil(4.5) = 5 -> 10
        List<DaysCount> h = List.of(new DaysCount("A", 1, 1), new DaysCount("A", 2, 2), new DaysCount("A", 3, 1),
                new DaysCount("A", 10, 1), new DaysCount("B", 100, 7));
        ReportViews.Durations d = Reports.durations(h, "A"::equals);
        assertThat(d.count()).isEqualTo(5);
        assertThat(d.median()).isEqualTo(2);
        assertThat(d.p90()).isEqualTo(10);
        assertThat(Reports.durations(h, "C"::equals).median()).isNull();
    }

    @Test
    void projectionAtCurrentPace() {
        LocalDate today = LocalDate.of(2023, 6, 30);
        // 2 of 5 in 10 days: 3 more take 15 days
        assertThat(Reports.projected(today.minusDays(10), today, 2, 3)).isEqualTo(today.plusDays(15));
        // opened today: counted as one day
        assertThat(Reports.projected(today, today, 1, 4)).isEqualTo(today.plusDays(4));
        assertThat(Reports.projected(today.minusDays(10), today, 0, 5)).isNull();
    }

    @Test
    void quartersInJiangmenTime() {
        Period q2 = Period.quarter("2023Q2", java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(q2.from()).isEqualTo(LocalDate.of(2023, 4, 1));
        assertThat(q2.to()).isEqualTo(LocalDate.of(2023, 6, 30));
        assertThat(q2.end().toString()).isEqualTo("2023-06-30T16:00:00Z");
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() {
        assertThat(TableWriter.Csv.quote("江门,有限公司")).isEqualTo("\"江门,有限公司\"");
        assertThat(TableWriter.Csv.quote("说\"好\"")).isEqualTo("\"说\"\"好\"\"\"");
        assertThat(TableWriter.Csv.quote(null)).isEmpty();
        assertThat(TableWriter.Csv.quote(12)).isEqualTo("12");
    }

    @Test
    void earlyWarningStripesAddUpToTheSameCountsAndTheSameFirstGraduates() {
        LocalDate june = LocalDate.of(2023, 6, 30);
        // at risk, in the early warning's order: in difficulty first, then no pace, then the latest projection
        ReportViews.AtRisk difficulty = atRisk(9, true, june);
        ReportViews.AtRisk noPace = atRisk(5, false, null);
        ReportViews.AtRisk late = atRisk(2, false, june.plusDays(40));
        ReportViews.AtRisk sooner = atRisk(1, false, june.plusDays(20));
        Reports.Watch one = new Reports.Watch(2);
        one.open = 3;
        one.atRisk(sooner);
        one.atRisk(late);
        Reports.Watch other = new Reports.Watch(2);
        other.open = 4;
        other.atRisk(noPace);
        other.atRisk(difficulty);

        one.add(other);

        assertThat(one.open).isEqualTo(7);
        assertThat(one.atRisk).isEqualTo(4);
        assertThat(one.first()).containsExactly(difficulty, noPace);
    }

    private static ReportViews.AtRisk atRisk(long id, boolean difficulty, LocalDate projected) {
        return new ReportViews.AtRisk(id, "名" + id, "JM-" + id, difficulty, 0, 0, 0, 5, projected, List.of());
    }
}
