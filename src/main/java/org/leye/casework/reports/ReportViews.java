package org.leye.casework.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.leye.casework.reference.ReferenceData.UniversityName;

/** The JSON of the reports (API.md, Reports). Rates are shares between 0 and 1, four decimals. */
public final class ReportViews {

    private ReportViews() {
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /**
     * Placement as of a date. {@code cohort} is the placement rate (毕业去向落实率) over all of the
     * year's graduates of the universities whose totals are loaded; {@code registered} the share
     * among the leavers registered here. The top-level {@code graduates}, {@code placed},
     * {@code rate}, {@code target} and {@code targetMet} are the registered share and its old
     * judgement, kept for existing clients (deprecated). {@code cohort} is null, and
     * {@code universities} empty, for a district's report (universities are not districts) and
     * when no totals are loaded for the year.
     */
    public record Placement(LocalDate asOf, int graduationYear, String district, Share cohort, Share registered,
            TargetStatus targetStatus, List<UniversityPlacement> universities,
            List<UniversityName> universitiesWithoutTotals, long registeredWithoutTotals,
            @Deprecated long graduates, @Deprecated long placed, @Deprecated BigDecimal rate,
            @Deprecated BigDecimal target, @Deprecated boolean targetMet, Map<String, Long> byGroup,
            List<DistrictPlacement> byDistrict) {
    }

    /** Placed of graduates, and the rate; which graduates is said by the field that holds it. */
    public record Share(long graduates, long placed, BigDecimal rate) {

        static Share of(long graduates, long placed) {
            return new Share(graduates, placed, ReportViews.rate(placed, graduates));
        }
    }

    /**
     * One university's cohort (null without totals: then it is in {@code universitiesWithoutTotals})
     * and its registered leavers' share.
     */
    public record UniversityPlacement(String code, String name, Share cohort, Share registered) {
    }

    /**
     * The cohort rate judged against the plan's target that applies on the report's date:
     * {@code rate} by {@code by} (0.70 by 31 July, 0.90 by 31 December of the graduation year);
     * {@code expected} the figure that keeps to the target (from 1 August, the straight line from
     * 0.70 on 31 July to 0.90 on 31 December; otherwise the target itself).
     */
    public record TargetStatus(BigDecimal rate, LocalDate by, BigDecimal expected, Judgement status) {
    }

    /** How a cohort rate stands against the target of the day. */
    public enum Judgement {
        /** At or above the target that applies. */
        MET,
        /** Below 0.70 before 31 July: the deadline has not come. */
        NOT_YET_MET,
        /** From 1 August to 30 December: below 0.90 but at or above the line toward it. */
        ON_TRACK,
        /** From 1 August to 30 December: below the line toward 0.90. */
        BEHIND,
        /** Below the target on or after its deadline (31 July for 0.70; 31 December for 0.90). */
        MISSED,
        /** No cohort figure to judge: no totals loaded for the year, or a district's report. */
        NOT_JUDGED
    }

    public record DistrictPlacement(String district, String name, long graduates, long placed, BigDecimal rate,
            boolean targetMet, Map<String, Long> byGroup) {
    }

    /** 131 compliance and the two 100% figures per district, now. */
    public record Compliance(String district, Integer graduationYear, Targets targets, List<DistrictCompliance> districts,
            DistrictCompliance total, List<Caseload> caseload) {
    }

    /**
     * The "two 100%" targets: {@code helper} for helperRate, {@code employedInDifficulty} for
     * employedInDifficultyRate; {@code placedInDifficulty} (deprecated) is the same figure, for
     * placedInDifficultyRate, which counts further study as well.
     */
    public record Targets(BigDecimal helper, BigDecimal placedInDifficulty, BigDecimal employedInDifficulty) {

        public Targets(BigDecimal helper, BigDecimal employedInDifficulty) {
            this(helper, employedInDifficulty, employedInDifficulty);
        }
    }

    /**
     * Graduates in difficulty first, then the 131, then placement and time. The 131 per graduate
     * (ledger.Service131Policy): every willing graduate is in exactly one of met131, notYetMet (not placed)
     * and placedBefore131 (placed without the 131 complete); unconfirmedWillingness counts the graduates whose
     * willingness no contact has established yet, who are not among the willing. "Two 100%", the second:
     * of the willing graduates in difficulty, willingInDifficultyEmployed are employed (contract, flexible,
     * self-employment; graduates.Destination#employed) and willingInDifficultyFurtherStudy in further study,
     * reported apart; employedInDifficultyRate is the figure the target is about. willingInDifficultyPlaced
     * and placedInDifficultyRate (deprecated) count every placed destination, further study included.
     */
    public record DistrictCompliance(String district, String name, long inDifficulty, long inDifficultyWithHelper,
            long inDifficultyWithoutHelper, BigDecimal helperRate, long willingInDifficulty,
            long willingInDifficultyPlaced, BigDecimal placedInDifficultyRate, long willingInDifficultyEmployed,
            long willingInDifficultyFurtherStudy, BigDecimal employedInDifficultyRate, long graduates, long willing,
            long met131, long notYetMet, long placedBefore131, long unconfirmedWillingness, long overdueTasks, long lostContact, long placed, Durations daysTo131,
            Durations daysToPlacement) {
    }

    /** Whole days; median and 90th percentile by nearest rank; null when nobody got there. */
    public record Durations(long count, Long median, Long p90) {
    }

    public record Caseload(String district, String caseworker, long openTasks, long overdueTasks, long cases) {
    }

    /** The quarterly progress report: stock as of the quarter's last day, flows within the quarter. */
    public record Quarterly(String quarter, LocalDate from, LocalDate to, int graduationYear, String district,
            BigDecimal target, List<QuarterRow> rows, QuarterRow total) {
    }

    public record QuarterRow(String district, String name, long graduates, long registered, long guidance, long referrals,
            long trainingOrInternship, long publicWelfarePlacements, long met131, long placed, BigDecimal rate) {
    }

    /**
     * The progress report on the plan's dates (30 June, 30 September, 30 December): for {@code year},
     * that year's three checkpoints; for {@code asOf}, the one day. Each checkpoint is as of the end of
     * its day; one whose day has not ended is listed with {@code reached} false and no figures.
     */
    public record Progress(Integer year, LocalDate asOf, int graduationYear, String district,
            List<Checkpoint> checkpoints) {
    }

    /**
     * One checkpoint: per district and the total; for the city's report the cohort placement rate and
     * its judgement against the target of the day (as the placement report's {@code cohort} and
     * {@code targetStatus}; null and NOT_JUDGED for a district's report or without totals). Not reached:
     * {@code districts} empty and {@code total}, {@code cohort} and {@code targetStatus} null.
     */
    public record Checkpoint(LocalDate date, boolean reached, Share cohort, TargetStatus targetStatus,
            List<ProgressRow> districts, ProgressRow total) {
    }

    /**
     * The plan's figures of one district (or the total) as of a checkpoint, over the cohort's registered
     * leavers (API.md, Progress report): {@code placedRate} is placed of registered; {@code helperRate}
     * and {@code placedInDifficultyRate} are shares of those in difficulty; {@code inDifficultyEmployed}
     * are those of {@code inDifficultyPlaced} employed (contract, flexible or self-employment: further
     * study is placed but not employed).
     */
    public record ProgressRow(String district, String name, long registered, long contacted, long met131,
            long placed, BigDecimal placedRate, long inDifficulty, long inDifficultyWithHelper, BigDecimal helperRate,
            long inDifficultyPlaced, BigDecimal placedInDifficultyRate, long inDifficultyEmployed, long publicWelfare) {
    }

    /**
     * Who will miss the 131 by a date at their current pace, and the overdue tasks behind it. Each
     * district lists at most {@code limit} of its graduates at risk; its counts are complete.
     */
    public record EarlyWarning(LocalDate by, LocalDate today, String district, int limit,
            List<DistrictWarning> districts) {
    }

    /** {@code graduates} are the first of the {@code atRisk}, at most the answer's {@code limit}. */
    public record DistrictWarning(String district, String name, long openWithout131, long atRisk, long overdueTasks,
            List<AtRisk> graduates) {
    }

    /** {@code projected} is null when nothing has been delivered yet (no pace to go by). */
    public record AtRisk(long graduateId, String name, String caseNumber, boolean inDifficulty, int guidance, int referrals,
            int trainingOrInternship, int remaining, LocalDate projected, List<Task> overdueTasks) {

        AtRisk withOverdueTasks(List<Task> tasks) {
            return new AtRisk(graduateId, name, caseNumber, inDifficulty, guidance, referrals, trainingOrInternship,
                    remaining, projected, tasks);
        }
    }

    public record Task(String id, String type, String name, Instant due, String assignee) {
    }
}
