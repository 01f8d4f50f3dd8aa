package org.leye.casework.assistance;

import static org.leye.casework.tasks.TaskCompletionHandler.entry;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.leye.casework.graduates.GraduateChanges;
import org.leye.casework.ledger.Ledger;
import org.leye.casework.ledger.LedgerEntryType;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.security.Role;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.tasks.CaseTask;
import org.leye.casework.tasks.FormHandler;
import org.leye.casework.tasks.Forms;
import org.leye.casework.tasks.TaskForm;
import org.leye.casework.tasks.TaskForm.Option;
import org.leye.casework.tasks.TaskType;
import org.springframework.stereotype.Component;

/**
 * Completion of each task of the one-to-one assistance: its form (declared in
 * {@link AssistanceForms}), its facts, its one ledger entry (in the graduate's ledger, without a
 * case: the student has none until handed over). Each is worked from the student's assistance page.
 */
final class AssistanceTaskHandlers {

    private AssistanceTaskHandlers() {
    }

    /** A task of the assistance: its subject is the student's assistance, where the task page returns. */
    abstract static class OfAssistance<F> extends FormHandler<F> {

        private final AssistanceService assistance;

        OfAssistance(AssistanceService assistance, Forms forms, Ledger ledger, Class<F> formType, TaskForm form,
                TaskType type, TaskType... more) {
            super(forms, ledger, formType, form, type, more);
            this.assistance = assistance;
        }

        @Override
        public Optional<Subject> subject(CaseTask task, CurrentUser caller) {
            return assistance.ofGraduate(task.getGraduateId(), caller).map(id -> {
                AssistanceView a = assistance.get(id, caller);
                return new Subject("/assistance/" + id, a.graduateName(), a.university());
            });
        }
    }

    private static Assistance assistanceOf(CaseTask task, Assistances assistances) {
        return assistances.findByGraduateId(task.getGraduateId()).orElseThrow();
    }

    /**
     * ASSIGN_HELPER: at school the university's counselors name a helper, a user of the same
     * university with the COUNSELOR or HELPER role; at the bureau the district's caseworkers name
     * one of them. Either says what the helper is to the graduate, a kind of its route.
     */
    @Component
    static class AssignHelper extends OfAssistance<AssistanceForms.AssignHelper> {

        private final Assistances assistances;
        private final CurrentUsers users;
        private final Clock clock;

        AssignHelper(Forms forms, Assistances assistances, CurrentUsers users, Ledger ledger, Clock clock,
                AssistanceService assistance) {
            super(assistance, forms, ledger, AssistanceForms.AssignHelper.class, AssistanceForms.AssignHelper.FORM,
                    TaskType.ASSIGN_HELPER);
            this.assistances = assistances;
            this.users = users;
            this.clock = clock;
        }

        /** The helpers to choose from, and their kinds: the school's staff at school, the district's at the bureau. */
        @Override
        public TaskForm form(CaseTask task, CurrentUser caller) {
            Optional<Assistance> a = assistances.findByGraduateId(task.getGraduateId())
                    .filter(x -> AssistanceService.visible(x, caller));
            List<Option> helpers = a.map(this::helpersOf).orElse(List.of()).stream()
                    .map(u -> new Option(u.username(), u.displayName() + " (" + u.username() + ")", "role." + u.role()))
                    .toList();
            AssistanceRoute route = a.map(Assistance::getRoute).orElse(AssistanceRoute.SCHOOL);
            List<Option> kinds = Arrays.stream(HelperKind.values()).filter(k -> k.route() == route)
                    .map(k -> new Option(k.name(), null, "helperKind." + k.name())).toList();
            return super.form(task, caller).withOptions("helper", helpers).withOptions("helperKind", kinds);
        }

        private List<CurrentUser> helpersOf(Assistance a) {
            return a.getRoute() == AssistanceRoute.BUREAU ? users.bureauHelpersOf(a.getDistrictCode())
                    : users.helpersOf(a.getUniversityCode());
        }

        /** At school a counselor or helper of the university; at the bureau a caseworker of the district. */
        private static boolean mayHelp(Assistance a, CurrentUser u) {
            return a.getRoute() == AssistanceRoute.BUREAU
                    ? u.role() == Role.CASEWORKER && a.getDistrictCode().equals(u.districtCode())
                    : (u.role() == Role.COUNSELOR || u.role() == Role.HELPER)
                            && a.getUniversityCode().equals(u.universityCode());
        }

        @Override
        protected Completion record(CaseTask task, AssistanceForms.AssignHelper form, CurrentUser caller) {
            Assistance a = assistanceOf(task, assistances);
            CurrentUser helper = users.find(form.helper().strip()).filter(u -> mayHelp(a, u))
                    .orElseThrow(() -> new InvalidFieldException("helper", a.getRoute() == AssistanceRoute.BUREAU
                            ? "validation.helperOfDistrict" : "validation.helperOfUniversity"));
            if (form.helperKind().route() != a.getRoute()) {
                throw new InvalidFieldException("helperKind", "validation.helperKindOfRoute");
            }
            a.assignHelper(helper.username(), form.helperKind(), Instant.now(clock));
            ledger.record(entry(task, LedgerEntryType.HELPER_ASSIGNED, caller).with("helper", helper.username())
                    .with("helperName", helper.displayName()).with("helperKind", form.helperKind().name())
                    .with("note", form.note()));
            return Completion.of(Map.of(AssistanceVariables.HELPER, helper.username()));
        }
    }

    /** ASSISTANCE_PLAN: the helper's plan (needs, target jobs, actions). */
    @Component
    static class Plan extends OfAssistance<AssistanceForms.Plan> {

        private final Assistances assistances;
        private final Clock clock;

        Plan(Forms forms, Assistances assistances, Ledger ledger, Clock clock, AssistanceService assistance) {
            super(assistance, forms, ledger, AssistanceForms.Plan.class, AssistanceForms.Plan.FORM, TaskType.ASSISTANCE_PLAN);
            this.assistances = assistances;
            this.clock = clock;
        }

        @Override
        protected Completion record(CaseTask task, AssistanceForms.Plan form, CurrentUser caller) {
            assistanceOf(task, assistances).plan(form.needs().strip(), form.targetJobs().strip(),
                    form.actions().strip(), Instant.now(clock));
            ledger.record(entry(task, LedgerEntryType.ASSISTANCE_PLAN, caller).with("needs", form.needs())
                    .with("targetJobs", form.targetJobs()).with("actions", form.actions()));
            return Completion.of(Map.of());
        }
    }

    /**
     * ASSISTANCE_FOLLOW_UP: the contact and the help given, one ASSISTANCE_FOLLOW_UP entry. Help
     * given at school is in the same ledger as the 131 services but is not counted as one of them
     * (see {@code ledger.Compliance}).
     */
    @Component
    static class FollowUp extends OfAssistance<AssistanceForms.FollowUp> {

        private final Assistances assistances;
        private final Clock clock;

        FollowUp(Forms forms, Assistances assistances, Ledger ledger, Clock clock, AssistanceService assistance) {
            super(assistance, forms, ledger, AssistanceForms.FollowUp.class, AssistanceForms.FollowUp.FORM, TaskType.ASSISTANCE_FOLLOW_UP);
            this.assistances = assistances;
            this.clock = clock;
        }

        @Override
        protected Completion record(CaseTask task, AssistanceForms.FollowUp form, CurrentUser caller) {
            assistanceOf(task, assistances).followedUp(Instant.now(clock));
            ledger.record(entry(task, LedgerEntryType.ASSISTANCE_FOLLOW_UP, caller).with("date", form.date())
                    .with("contact", form.contact().name()).with("help", AssistanceForms.names(form.help()))
                    .with("jobsRecommended", form.jobsRecommended()).with("note", form.note()));
            return Completion.of(Map.of());
        }
    }

    /**
     * DPF_FILE, DPF_SURVEY, DPF_TRACKING, DPF_SERVICE: a step of the disability track
     * ({@link DisabilityTracks}), taken by a federation officer. The officer sees the graduate's name
     * and university only (no ID number, phone, other difficulties or evidence), and returns to the
     * inbox; staff who may see the assistance go there.
     */
    @Component
    static class DisabilityTrack extends OfAssistance<AssistanceForms.DpfStep> {

        private final GraduateChanges graduates;

        DisabilityTrack(Forms forms, Ledger ledger, GraduateChanges graduates, AssistanceService assistance) {
            super(assistance, forms, ledger, AssistanceForms.DpfStep.class, AssistanceForms.DpfStep.FORM,
                    TaskType.DPF_FILE, TaskType.DPF_SURVEY, TaskType.DPF_TRACKING, TaskType.DPF_SERVICE);
            this.graduates = graduates;
        }

        @Override
        public Optional<Subject> subject(CaseTask task, CurrentUser caller) {
            if (caller.role() == Role.DPF_OFFICER) {
                return graduates.find(task.getGraduateId())
                        .map(g -> new Subject("/inbox", g.name(), g.universityName()));
            }
            return super.subject(task, caller);
        }

        @Override
        protected Completion record(CaseTask task, AssistanceForms.DpfStep form, CurrentUser caller) {
            ledger.record(entry(task, LedgerEntryType.valueOf(task.getType().name()), caller).with("date", form.date())
                    .with("reference", form.reference()).with("note", form.note()));
            return Completion.of(Map.of());
        }
    }
}
