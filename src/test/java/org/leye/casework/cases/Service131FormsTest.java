package org.leye.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.TaskFormChecks.assertDeclares;
import static org.leye.casework.support.TaskFormChecks.assertLabelled;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leye.casework.tasks.TaskForm;

/** The task page shows each 131 form with the fields its record takes, labelled in both languages. */
class Service131FormsTest {

    /** The forms whose fields are exactly their record's components, required where the record refuses them missing. */
    private static final Map<Class<? extends Record>, TaskForm> FORMS = Map.of(
            Service131Forms.Guidance.class, Service131Forms.Guidance.FORM,
            Service131Forms.Referral.class, Service131Forms.Referral.FORM,
            Service131Forms.TrainingOrInternship.class, Service131Forms.TrainingOrInternship.FORM,
            Service131Forms.PublicWelfarePlacement.class, Service131Forms.PublicWelfarePlacement.FORM);

    @Test
    void eachFormDeclaresTheFieldsOfItsRecordRequiredWhereTheRecordRefusesThemMissing() {
        FORMS.forEach((record, form) -> assertDeclares(form, record));
    }

    /**
     * The contact form: the page sends the channel and the outcome, both required (refused missing by
     * the record's checks, not by {@code @NotNull}: an older client's {@code reached} alone stands for
     * both), and never {@code reached}, which only the API still takes.
     */
    @Test
    void theContactFormDeclaresEveryComponentButTheOlderClientsReachedAndRequiresChannelAndOutcome() {
        TaskForm form = Service131Forms.Contact.FORM;
        assertThat(form.fields()).extracting(TaskForm.Field::name).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Service131Forms.Contact.class.getRecordComponents()).map(c -> c.getName())
                        .filter(name -> !name.equals("reached")).toList());
        assertThat(form.fields()).filteredOn(TaskForm.Field::required).extracting(TaskForm.Field::name)
                .containsExactly("channel", "outcome");
        Service131Forms.Contact pageAnswer = new Service131Forms.Contact(null, null, null, null, null);
        assertThat(pageAnswer.isChannel() && pageAnswer.isOutcome()).as("an empty page answer is refused").isFalse();
    }

    @Test
    void anOlderClientsReachedAloneStandsForReachedOrNoAnswerByPhone() {
        var reached = new Service131Forms.Contact(null, null, true, Service131Forms.Willingness.WANTS_JOB, null);
        assertThat(reached.result()).isEqualTo(Service131Forms.ContactOutcome.REACHED);
        assertThat(reached.channelUsed()).isEqualTo(Service131Forms.Channel.PHONE);
        var notReached = new Service131Forms.Contact(null, null, false, null, null);
        assertThat(notReached.result()).isEqualTo(Service131Forms.ContactOutcome.NO_ANSWER);
        assertThat(notReached.wasReached()).isFalse();
        assertThat(notReached.isChannel() && notReached.isOutcome() && notReached.isWillingness()).isTrue();
        for (var outcome : Service131Forms.ContactOutcome.values()) {
            var sent = new Service131Forms.Contact(Service131Forms.Channel.SMS, outcome, null, null, null);
            assertThat(sent.wasReached()).as("%s reaches the graduate", outcome)
                    .isEqualTo(outcome == Service131Forms.ContactOutcome.REACHED);
        }
    }

    @Test
    void everyLabelAndOptionOfTheFormsIsInChineseAndEnglish() {
        FORMS.values().forEach(form -> assertLabelled(form));
        assertLabelled(Service131Forms.Contact.FORM);
    }
}
