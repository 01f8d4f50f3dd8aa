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

    record PublicWelfarePlacement(@NotBlank @Size(max = 128) String employer, @NotBlank @Size(max = 128) String position,
            @NotNull LocalDate startDate, @Size(max = 1000) String note) {

        static final TaskForm FORM = TaskForm.of(
                Field.text("employer", "web.form.employer").asRequired(),
                Field.text("position", "web.form.position").asRequired(),
                Field.date("startDate", "web.form.startDate").asRequired(),
                Field.note());
    }
}
