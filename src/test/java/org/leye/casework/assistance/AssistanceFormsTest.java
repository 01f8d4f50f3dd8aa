package org.leye.casework.assistance;

import static org.leye.casework.support.TaskFormChecks.assertDeclares;
import static org.leye.casework.support.TaskFormChecks.assertLabelled;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leye.casework.tasks.TaskForm;

/**
 * The task page shows each form of the assistance with the fields its record takes, labelled in
 * both languages (the helpers to choose from are people, labelled by name and role).
 */
class AssistanceFormsTest {

    private static final Map<Class<? extends Record>, TaskForm> FORMS = Map.of(
            AssistanceForms.AssignHelper.class, AssistanceForms.AssignHelper.FORM,
            AssistanceForms.Plan.class, AssistanceForms.Plan.FORM,
            AssistanceForms.FollowUp.class, AssistanceForms.FollowUp.FORM,
            AssistanceForms.DpfStep.class, AssistanceForms.DpfStep.FORM);

    @Test
    void eachFormDeclaresTheFieldsOfItsRecordRequiredWhereTheRecordRefusesThemMissing() {
        FORMS.forEach((record, form) -> assertDeclares(form, record));
    }

    @Test
    void everyLabelAndOptionOfTheFormsIsInChineseAndEnglish() {
        FORMS.values().forEach(form -> assertLabelled(form));
    }
}
