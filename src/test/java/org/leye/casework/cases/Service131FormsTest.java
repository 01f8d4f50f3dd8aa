package org.leye.casework.cases;

import static org.leye.casework.support.TaskFormChecks.assertDeclares;
import static org.leye.casework.support.TaskFormChecks.assertLabelled;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leye.casework.tasks.TaskForm;

/** The task page shows each 131 form with the fields its record takes, labelled in both languages. */
class Service131FormsTest {

    private static final Map<Class<? extends Record>, TaskForm> FORMS = Map.of(
            Service131Forms.Contact.class, Service131Forms.Contact.FORM,
            Service131Forms.Guidance.class, Service131Forms.Guidance.FORM,
            Service131Forms.Referral.class, Service131Forms.Referral.FORM,
            Service131Forms.TrainingOrInternship.class, Service131Forms.TrainingOrInternship.FORM,
            Service131Forms.PublicWelfarePlacement.class, Service131Forms.PublicWelfarePlacement.FORM);

    @Test
    void eachFormDeclaresTheFieldsOfItsRecordRequiredWhereTheRecordRefusesThemMissing() {
        FORMS.forEach((record, form) -> assertDeclares(form, record));
    }

    @Test
    void everyLabelAndOptionOfTheFormsIsInChineseAndEnglish() {
        FORMS.values().forEach(form -> assertLabelled(form));
    }
}
