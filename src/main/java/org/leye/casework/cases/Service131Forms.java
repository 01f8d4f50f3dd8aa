package org.leye.casework.cases;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/** The typed forms of the 131 tasks (API.md "Tasks"). */
final class Service131Forms {

    private Service131Forms() {
    }

    enum Willingness {
        WANTS_JOB, FURTHER_STUDY, NOT_SEEKING
    }

    enum ReferralOutcome {
        PENDING, INTERVIEW, HIRED, DECLINED
    }

    enum TrainingKind {
        TRAINING, INTERNSHIP
    }

    /** FIRST_CONTACT and FOLLOW_UP: whether the graduate was reached and, if so, what they want. */
    record Contact(@NotNull Boolean reached, Willingness willingness, @Size(max = 1000) String note) {

        @AssertTrue(message = "{leye.validation.willingnessWhenReached}")
        boolean isWillingness() {
            return reached == null || !reached || willingness != null;
        }
    }

    record Guidance(@NotNull @PastOrPresent LocalDate date, @NotBlank @Size(max = 200) String topic,
            @Size(max = 1000) String note) {
    }

    record Referral(Long employerId, @Size(max = 128) String employer, @NotBlank @Size(max = 128) String position,
            @NotNull ReferralOutcome outcome, @Size(max = 1000) String note) {

        @AssertTrue(message = "{leye.validation.employerRequired}")
        boolean isEmployerId() {
            return employerId != null || (employer != null && !employer.isBlank());
        }
    }

    record TrainingOrInternship(@NotNull TrainingKind kind, @NotBlank @Size(max = 128) String provider,
            @NotBlank @Size(max = 128) String program, @NotNull LocalDate startDate, @Size(max = 1000) String note) {
    }

    record PublicWelfarePlacement(@NotBlank @Size(max = 128) String employer, @NotBlank @Size(max = 128) String position,
            @NotNull LocalDate startDate, @Size(max = 1000) String note) {
    }
}
