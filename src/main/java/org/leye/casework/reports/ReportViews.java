package org.leye.casework.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The JSON of the reports (API.md, Reports). Rates are shares between 0 and 1, four decimals. */
public final class ReportViews {

    private ReportViews() {
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** Placement rate (毕业去向落实率) as of a date, with the Ministry of Education groups. */
    public record Placement(LocalDate asOf, int graduationYear, String district, long graduates, long placed,
            BigDecimal rate, BigDecimal target, boolean targetMet, Map<String, Long> byGroup,
            List<DistrictPlacement> byDistrict) {
    }

    public record DistrictPlacement(String district, String name, long graduates, long placed, BigDecimal rate,
            boolean targetMet, Map<String, Long> byGroup) {
    }

    /** 131 compliance and the two 100% figures per district, now. */
    public record Compliance(String district, Integer graduationYear, Targets targets, List<DistrictCompliance> districts,
            DistrictCompliance total, List<Caseload> caseload) {
    }

    public record Targets(BigDecimal helper, BigDecimal placedInDifficulty) {
    }

    /**
     * Graduates in difficulty first, then the 131, then placement and time. The 131 per graduate
     * (ledger.Service131Policy): every willing graduate is in exactly one of met131, notYetMet (not placed)
     * and placedBefore131 (placed without the 131 complete); unconfirmedWillingness counts the graduates whose
     * willingness no contact has established yet, who are not among the willing.
     */
    public record DistrictCompliance(String district, String name, long inDifficulty, long inDifficultyWithHelper,
            long inDifficultyWithoutHelper, BigDecimal helperRate, long willingInDifficulty,
            long willingInDifficultyPlaced, BigDecimal placedInDifficultyRate, long graduates, long willing,
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
