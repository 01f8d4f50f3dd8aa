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

    /**
     * How the graduate was contacted: the assistance's follow-up channels (assistance.AssistanceForms.Contact,
     * labelled by the same {@code contact.} messages), and a text message or WeChat besides.
     */
    enum Channel {
        PHONE, MEETING, ONLINE, VISIT, SMS, WECHAT
    }

    /** What came of a contact attempt: only REACHED reaches the graduate; the others are tried again (retries, lost contact). */
    enum ContactOutcome {
        REACHED, NO_ANSWER, WRONG_NUMBER, REFUSED
    }

    /**
     * FIRST_CONTACT and FOLLOW_UP: the channel and the outcome of the attempt and, when the graduate
     * was reached, what they want. An older client's {@code reached} alone still stands for REACHED or
     * NO_ANSWER, by phone; sent with an outcome, it must agree with it.
     */
    record Contact(Channel channel, ContactOutcome outcome, Boolean reached, Willingness willingness,
            @Size(max = 1000) String note) {

        static final TaskForm FORM = TaskForm.of(
                Field.choice("channel", "web.form.channel", Option.of(Channel.class, "contact.")).asRequired(),
                Field.choice("outcome", "web.form.contactOutcome", Option.of(ContactOutcome.class, "outcome."))
                        .asRequired(),
                Field.choice("willingness", "web.form.willingness", Option.of(Willingness.class, "willingness.")),
                Field.note());

        /** The outcome sent, or the one that {@code reached} alone stands for; null when neither was sent. */
        ContactOutcome result() {
            if (outcome != null || reached == null) {
                return outcome;
            }
            return reached ? ContactOutcome.REACHED : ContactOutcome.NO_ANSWER;
        }

        /** The channel sent; by phone for an older client that sent {@code reached} alone. */
        Channel channelUsed() {
            return channel != null ? channel : Channel.PHONE;
        }

        boolean wasReached() {
            return result() == ContactOutcome.REACHED;
        }

        @AssertTrue(message = "{validation.required}")
        boolean isOutcome() {
            return result() != null;
        }

        @AssertTrue(message = "{validation.required}")
        boolean isChannel() {
            return channel != null || outcome == null;
        }

        @AssertTrue(message = "{leye.validation.reachedDisagrees}")
        boolean isReached() {
            return reached == null || outcome == null || reached == (outcome == ContactOutcome.REACHED);
        }

        @AssertTrue(message = "{leye.validation.willingnessWhenReached}")
        boolean isWillingness() {
            return !wasReached() || willingness != null;
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
