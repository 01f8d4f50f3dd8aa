package org.leye.casework.assistance;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.leye.casework.tasks.TaskForm;
import org.leye.casework.tasks.TaskForm.Field;
import org.leye.casework.tasks.TaskForm.Option;

/**
 * The typed forms of the one-to-one assistance's tasks (completed through /api/tasks/{id}/complete),
 * each with its declaration for the task page ({@code FORM}): the same fields, labelled, in the
 * page's order.
 */
final class AssistanceForms {

    private AssistanceForms() {
    }

    /** How the helper was in touch with the student. */
    enum Contact {
        MEETING, PHONE, ONLINE, VISIT
    }

    /**
     * Help given at a follow-up. It is recorded in the ledger as help given at school, not as a 131
     * service: the 131 figures count only the public employment service's work after hand-over.
     */
    enum Help {
        GUIDANCE, JOB_RECOMMENDATION, TRAINING, PSYCHOLOGICAL_SUPPORT, FINANCIAL_AID, OTHER
    }

    /**
     * ASSIGN_HELPER: a user of the student's university, and what they are to the student. The
     * helpers to choose from depend on the student ({@code AssistanceTaskHandlers.AssignHelper}).
     */
    record AssignHelper(@NotBlank @Size(max = 64) String helper, @NotNull HelperKind helperKind,
            @Size(max = 1000) String note) {

        static final TaskForm FORM = TaskForm.of(
                Field.choice("helper", "web.assistance.helper", List.of()).asRequired(),
                Field.choice("helperKind", "web.assistance.helperKind", Option.of(HelperKind.class, "helperKind."))
                        .asRequired(),
                Field.note());
    }

    /** ASSISTANCE_PLAN: needs, target jobs, actions. */
    record Plan(@NotBlank @Size(max = 1000) String needs, @NotBlank @Size(max = 500) String targetJobs,
            @NotBlank @Size(max = 1000) String actions) {

        static final TaskForm FORM = TaskForm.of(
                Field.textarea("needs", "web.assistance.needs").asRequired(),
                Field.textarea("targetJobs", "web.assistance.targetJobs").asRequired(),
                Field.textarea("actions", "web.assistance.actions").asRequired());
    }

    /** ASSISTANCE_FOLLOW_UP: the contact and the help given. */
    record FollowUp(@NotNull @PastOrPresent LocalDate date, @NotNull Contact contact,
            @Size(max = 6) List<@NotNull Help> help, @Size(max = 200) String jobsRecommended,
            @NotBlank @Size(max = 1000) String note) {

        static final TaskForm FORM = TaskForm.of(
                Field.date("date", "web.form.date").asRequired(),
                Field.choice("contact", "web.assistance.contact", Option.of(Contact.class, "contact.")).asRequired(),
                Field.choices("help", "web.assistance.help", Option.of(Help.class, "help.")),
                Field.text("jobsRecommended", "web.assistance.jobsRecommended"),
                Field.note().asRequired());
    }

    /** DPF_FILE, DPF_SURVEY, DPF_TRACKING, DPF_SERVICE: what was done with the Disabled Persons' Federation. */
    record DpfStep(@NotNull @PastOrPresent LocalDate date, @Size(max = 64) String reference,
            @NotBlank @Size(max = 1000) String note) {

        static final TaskForm FORM = TaskForm.of(
                Field.date("date", "web.form.date").asRequired(),
                Field.text("reference", "web.assistance.reference"),
                Field.note().asRequired());
    }

    /** Helps as names for the ledger; an empty list when none was given. */
    static List<String> names(List<Help> help) {
        return help == null ? List.of() : help.stream().map(Enum::name).distinct().toList();
    }
}
