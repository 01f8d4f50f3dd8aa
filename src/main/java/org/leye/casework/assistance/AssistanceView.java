package org.leye.casework.assistance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.leye.casework.graduates.Difficulty;

/** An assistance as the API shows it (API.md "One-to-one assistance"). */
public record AssistanceView(
        Long id,
        Long graduateId,
        String graduateName,
        String university,
        String universityCode,
        String district,
        int graduationYear,
        List<Difficulty> difficulties,
        String evidence,
        boolean disability,
        /** At school (the university names the helper) or at the bureau (the district's caseworkers do). */
        AssistanceRoute route,
        AssistanceStatus status,
        /** Null at the bureau: the graduate has left school. */
        LocalDate leavingSchoolOn,
        Helper helper,
        Plan plan,
        List<Step> followUps,
        List<Step> disabilityTrack,
        String caseNumber,
        String registeredBy,
        Instant registeredAt,
        Instant endedAt,
        /** The evidence files, in upload order: what they are, not their content. */
        List<EvidenceFile> evidenceFiles) {

    /** An evidence file: {@code type} its media type ({@code application/pdf}, {@code image/png}, {@code image/jpeg}). */
    public record EvidenceFile(long id, String name, String type, long size, String uploadedBy, Instant uploadedAt) {
    }

    public record Helper(String username, String displayName, HelperKind kind, Instant assignedAt) {
    }

    public record Plan(String needs, String targetJobs, String actions, Instant plannedAt) {
    }

    /** A follow-up or a disability-track step, from the ledger. */
    public record Step(String type, Instant at, String actor, Map<String, Object> details) {
    }

    /** A line of {@code GET /api/assistance}. */
    public record Summary(Long id, Long graduateId, String graduateName, String universityCode, String district,
            AssistanceStatus status, boolean disability, String helper, HelperKind helperKind, int followUps,
            Instant lastFollowUpAt, LocalDate leavingSchoolOn, String caseNumber, Instant registeredAt) {
    }

    /** Counts for the reports: students in difficulty with and without a helper, overdue follow-ups. */
    /**
     * Of byStatus PLACED, {@code placedEmployed} were employed (contract, flexible, self-employment) and
     * {@code placedFurtherStudy} went on to further study, reported apart ("two 100%").
     */
    public record Figures(long students, long withHelper, long withoutHelper, long overdueFollowUps,
            Map<AssistanceStatus, Long> byStatus, long placedEmployed, long placedFurtherStudy) {

        /** The figures of a scope without any assistance. */
        static final Figures NONE = new Figures(0, 0, 0, 0, Map.of(), 0, 0);
    }
}
