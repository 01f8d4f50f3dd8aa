package org.leye.casework.tasks;

import java.util.EnumSet;
import java.util.Set;

import org.leye.casework.ledger.Ledger;
import org.leye.casework.security.CurrentUser;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A completion handler whose answers are one form record: it handles the task types it is made
 * with, declares their form, reads and validates the answers as its record ({@link Forms}, naming
 * each bad field), and leaves to the subclass what the answers record: the facts, the one ledger
 * entry (in {@link #ledger}) and the process variables.
 *
 * @param <F> the form's record, validated by its constraints
 */
public abstract class FormHandler<F> implements TaskCompletionHandler {

    private final Forms forms;
    protected final Ledger ledger;
    private final Class<F> formType;
    private final TaskForm form;
    private final Set<TaskType> types;

    protected FormHandler(Forms forms, Ledger ledger, Class<F> formType, TaskForm form, TaskType type,
            TaskType... more) {
        this.forms = forms;
        this.ledger = ledger;
        this.formType = formType;
        this.form = form;
        this.types = EnumSet.of(type, more);
    }

    @Override
    public boolean handles(TaskType type) {
        return types.contains(type);
    }

    @Override
    public TaskForm form(CaseTask task, CurrentUser caller) {
        return form;
    }

    @Override
    public final Completion complete(CaseTask task, JsonNode body, CurrentUser caller) {
        return record(task, forms.read(body, formType), caller);
    }

    /** Records the valid answers of the task's form: throwing refuses the completion and leaves the task open. */
    protected abstract Completion record(CaseTask task, F form, CurrentUser caller);
}
