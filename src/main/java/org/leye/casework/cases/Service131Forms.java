package org.leye.casework.cases;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.leye.casework.tasks.TaskForm;
import org.leye.casework.tasks.TaskForm.Field;
import org.leye.casework.tasks.TaskForm.Option;

/**
 * The typed forms of the 131 tasks (API.md "Tasks"), each with its declaration for the task page
 * ({@code FORM}): the same fields, labelled, in the page's order.
 */
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

    /** What came of a public-welfare offer: the graduate took the post, or not (declined, did not start). */
    enum PublicWelfareOutcome {
        PLACED, NOT_PLACED
    }

    /** FIRST_CONTACT and FOLLOW_UP: whether the graduate was reached and, if so, what they want. */
    record Contact(@NotNull Boolean reached, Willingness willingness, @Size(max = 1000) String note) {

        static final TaskForm FORM = TaskForm.of(
                Field.yesNo("reached", "web.form.reached").asRequired(),
                Field.choice("willingness", "web.form.willingness", Option.of(Willingness.class, "willingness.")),
                Field.note());

        @AssertTrue(message = "{leye.validation.willingnessWhenReached}")
        boolean isWillingness() {
            return reached == null || !reached || willingness != null;
        }
    }

    record Guidance(@NotNull @PastOrPresent LocalDate date, @NotBlank @Size(max = 200) String topic,
            @Size(max = 1000) String note) {

        static final TaskForm FORM = TaskForm.of(
                Field.date("date", "web.form.date").asRequired(),
                Field.text("topic", "web.form.topic").asRequired(),
                Field.note());
    }

    record Referral(Long employerId, @Size(max = 128) String employer, @NotBlank @Size(max = 128) String position,
            @NotNull ReferralOutcome outcome, @Size(max = 1000) String note) {

        static final TaskForm FORM = TaskForm.of(
                Field.employer("employer", "web.referral.employer"),
                Field.text("position", "web.form.position").asRequired(),
                Field.choice("outcome", "web.form.outcome", Option.of(ReferralOutcome.class, "outcome.")).asRequired(),
                Field.note());

        @AssertTrue(message = "{leye.validation.employerRequired}")
        boolean isEmployerId() {
            return employerId != null || (employer != null && !employer.isBlank());
        }
    }

    record TrainingOrInternship(@NotNull TrainingKind kind, @NotBlank @Size(max = 128) String provider,
            @NotBlank @Size(max = 128) String program, @NotNull LocalDate startDate, @Size(max = 1000) String note) {

        static final TaskForm FORM = TaskForm.of(
                Field.choice("kind", "web.form.kind", Option.of(TrainingKind.class, "trainingKind.")).asRequired(),
                Field.text("provider", "web.form.provider").asRequired(),
                Field.text("program", "web.form.program").asRequired(),
                Field.date("startDate", "web.form.startDate").asRequired(),
                Field.note());
    }

    /**
     * PUBLIC_WELFARE_PLACEMENT: a post offered; taken, it needs the employer, the position and the start
     * and is registered as destination 11 with the public-welfare flag; not taken, the offer comes again
     * after a cycle while the graduate stays willing, in difficulty and unplaced.
     */
    record PublicWelfarePlacement(@NotNull PublicWelfareOutcome outcome, @Size(max = 128) String employer,
            @Size(max = 128) String position, LocalDate startDate, @Size(max = 1000) String note) {

        static final TaskForm FORM = TaskForm.of(
                Field.choice("outcome", "web.form.outcome",
                        Option.of(PublicWelfareOutcome.class, "outcome.")).asRequired(),
                Field.text("employer", "web.form.employer"),
                Field.text("position", "web.form.position"),
                Field.date("startDate", "web.form.startDate"),
                Field.note());

        boolean placed() {
            return outcome == PublicWelfareOutcome.PLACED;
        }

        @AssertTrue(message = "{validation.required}")
        boolean isEmployer() {
            return !placed() || (employer != null && !employer.isBlank());
        }

        @AssertTrue(message = "{validation.required}")
        boolean isPosition() {
            return !placed() || (position != null && !position.isBlank());
        }

        @AssertTrue(message = "{validation.required}")
        boolean isStartDate() {
            return !placed() || startDate != null;
        }
    }
}
