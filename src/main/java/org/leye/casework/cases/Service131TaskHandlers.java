package org.leye.casework.cases;

import static org.leye.casework.tasks.TaskCompletionHandler.entry;

import java.util.HashMap;
import java.util.Map;

import org.leye.casework.employers.EmployerDirectory;
import org.leye.casework.employers.EmployerView;
import org.leye.casework.graduates.Destination;
import org.leye.casework.graduates.GraduateReached;
import org.leye.casework.ledger.Ledger;
import org.leye.casework.ledger.LedgerEntryType;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.shared.Text;
import org.leye.casework.tasks.CaseTask;
import org.leye.casework.tasks.FormHandler;
import org.leye.casework.tasks.Forms;
import org.leye.casework.tasks.TaskType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Completion of each 131 task type: its form (declared in {@link Service131Forms}), its facts, its
 * one ledger entry, its process variables.
 */
final class Service131TaskHandlers {

    private Service131TaskHandlers() {
    }

    /**
     * FIRST_CONTACT and FOLLOW_UP: a contact attempt by a channel, and the graduate's willingness when
     * reached ({@link GraduateReached}: the graduates capability records it on the graduate). Any other
     * outcome (no answer, a wrong number, a refusal) is not reached for the process: tried again, and
     * lost contact after the attempts allowed at first contact. Both entries name the channel and the outcome.
     */
    @Component
    static class Contact extends FormHandler<Service131Forms.Contact> {

        private final CaseFiles cases;
        private final CaseTimers timers;
        private final ApplicationEventPublisher events;

        Contact(Forms forms, CaseFiles cases, Ledger ledger, CaseTimers timers, ApplicationEventPublisher events) {
            super(forms, ledger, Service131Forms.Contact.class, Service131Forms.Contact.FORM, TaskType.FIRST_CONTACT,
                    TaskType.FOLLOW_UP);
            this.cases = cases;
            this.timers = timers;
            this.events = events;
        }

        @Override
        protected Completion record(CaseTask task, Service131Forms.Contact form, CurrentUser caller) {
            CaseFile file = cases.findById(task.getCaseId()).orElseThrow();
            Map<String, Object> vars = new HashMap<>();
            boolean reached = form.wasReached();
            vars.put(Service131Variables.REACHED, reached);
            if (reached) {
                file.contactSucceeded();
                events.publishEvent(new GraduateReached(task.getGraduateId(),
                        form.willingness() == Service131Forms.Willingness.WANTS_JOB));
                ledger.record(entry(task, LedgerEntryType.WILLINGNESS, caller)
                        .with("willingness", form.willingness().name()).with("taskType", task.getType().name())
                        .with("channel", form.channelUsed().name()).with("outcome", form.result().name())
                        .with("note", form.note()));
                vars.put(Service131Variables.WILLINGNESS, form.willingness().name());
                vars.put(Service131Variables.LOST_CONTACT, false);
            } else {
                boolean lost = task.getType() == TaskType.FIRST_CONTACT
                        && file.contactFailed(timers.getLostContactAfterAttempts());
                ledger.record(entry(task, LedgerEntryType.CONTACT_ATTEMPT, caller).with("reached", false)
                        .with("channel", form.channelUsed().name()).with("outcome", form.result().name())
                        .with("attempt", file.getFailedContactAttempts()).with("note", form.note()));
                vars.put(Service131Variables.LOST_CONTACT, lost);
                if (task.getType() == TaskType.FOLLOW_UP) {
                    // not reached at follow-up: wait and follow up again
                    vars.put(Service131Variables.WILLINGNESS, null);
                }
            }
            return Completion.of(vars);
        }
    }

    @Component
    static class Guidance extends FormHandler<Service131Forms.Guidance> {

        Guidance(Forms forms, Ledger ledger) {
            super(forms, ledger, Service131Forms.Guidance.class, Service131Forms.Guidance.FORM, TaskType.GUIDANCE);
        }

        @Override
        protected Completion record(CaseTask task, Service131Forms.Guidance form, CurrentUser caller) {
            ledger.record(entry(task, LedgerEntryType.GUIDANCE, caller).with("date", form.date())
                    .with("topic", form.topic()).with("note", form.note()));
            return Completion.of(Map.of());
        }
    }

    /** A referral names a registered employer or a new one; a blacklisted employer is refused (422). */
    @Component
    static class Referral extends FormHandler<Service131Forms.Referral> {

        private final EmployerDirectory employers;

        Referral(Forms forms, Ledger ledger, EmployerDirectory employers) {
            super(forms, ledger, Service131Forms.Referral.class, Service131Forms.Referral.FORM, TaskType.REFERRAL);
            this.employers = employers;
        }

        @Override
        protected Completion record(CaseTask task, Service131Forms.Referral form, CurrentUser caller) {
            EmployerView employer = employers.forReferral(form.employerId(), form.employer(), caller);
            ledger.record(entry(task, LedgerEntryType.REFERRAL, caller).employer(employer.id())
                    .with("employerId", employer.id()).with("employer", employer.name())
                    .with("position", form.position()).with("outcome", form.outcome().name())
                    .with("note", form.note()));
            return Completion.of(Map.of());
        }
    }

    @Component
    static class TrainingOrInternship extends FormHandler<Service131Forms.TrainingOrInternship> {

        TrainingOrInternship(Forms forms, Ledger ledger) {
            super(forms, ledger, Service131Forms.TrainingOrInternship.class, Service131Forms.TrainingOrInternship.FORM,
                    TaskType.TRAINING_OR_INTERNSHIP);
        }

        @Override
        protected Completion record(CaseTask task, Service131Forms.TrainingOrInternship form, CurrentUser caller) {
            LedgerEntryType type = form.kind() == Service131Forms.TrainingKind.TRAINING ? LedgerEntryType.TRAINING
                    : LedgerEntryType.INTERNSHIP;
            ledger.record(entry(task, type, caller).with("provider", form.provider()).with("program", form.program())
                    .with("startDate", form.startDate()).with("note", form.note()));
            return Completion.of(Map.of());
        }
    }

    /**
     * A public-welfare post (公益性岗位) offered: taken, it places the graduate as destination 11 with the
     * public-welfare flag, which closes the case afterwards; not taken, the process offers again a cycle later.
     */
    @Component
    static class PublicWelfarePlacement extends FormHandler<Service131Forms.PublicWelfarePlacement> {

        private final CaseLifecycle caseLifecycle;

        PublicWelfarePlacement(Forms forms, Ledger ledger, CaseLifecycle caseLifecycle) {
            super(forms, ledger, Service131Forms.PublicWelfarePlacement.class,
                    Service131Forms.PublicWelfarePlacement.FORM, TaskType.PUBLIC_WELFARE_PLACEMENT);
            this.caseLifecycle = caseLifecycle;
        }

        @Override
        protected Completion record(CaseTask task, Service131Forms.PublicWelfarePlacement form, CurrentUser caller) {
            ledger.record(entry(task, LedgerEntryType.PUBLIC_WELFARE_PLACEMENT, caller)
                    .with("outcome", form.outcome().name()).with("employer", Text.blankToNull(form.employer()))
                    .with("position", Text.blankToNull(form.position())).with("startDate", form.startDate())
                    .with("note", form.note()));
            if (!form.placed()) {
                return Completion.of(Map.of());
            }
            long graduateId = task.getGraduateId();
            return new Completion(Map.of(), () -> caseLifecycle.registerDestination(graduateId,
                    Destination.PUBLIC_WELFARE_POST_CODE.code(), true, null, form.employer(), caller));
        }
    }
}
