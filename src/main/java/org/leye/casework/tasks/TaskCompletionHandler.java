package org.leye.casework.tasks;

import java.util.Map;
import java.util.Optional;

import org.leye.casework.ledger.Ledger;
import org.leye.casework.ledger.LedgerEntryType;
import org.leye.casework.security.CurrentUser;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Completes one type of task: declares its form, validates the answers, records the facts and the
 * ledger entry (with the task id), and answers the process variables for the engine. Runs in the
 * completion's transaction before the engine completes the task; throwing refuses the completion
 * and leaves the task open. Implemented by the capabilities whose processes have user tasks (the
 * task list knows them only through this interface).
 */
public interface TaskCompletionHandler {

    boolean handles(TaskType type);

    /** The form that completes the task, as the task page shows it; the API sends the same fields. */
    TaskForm form(CaseTask task, CurrentUser caller);

    Completion complete(CaseTask task, JsonNode form, CurrentUser caller);

    /**
     * The page from which this type of task is worked, if it is not the graduate's and the caller
     * may open it: the task page links the task's subject there when the graduate's record is
     * closed to the caller (a helper reaches their students through the assistance only), and
     * returns there once the task is done. None by default: the graduate's page, then the inbox.
     */
    default Optional<Subject> subject(CaseTask task, CurrentUser caller) {
        return Optional.empty();
    }

    /**
     * The one ledger entry of a completion: in the task's graduate's ledger, with its case (none for
     * a student of the one-to-one assistance, who has none until handed over), by the caller, with
     * the task's id (unique: a second completion of the task is refused).
     */
    static Ledger.Record entry(CaseTask task, LedgerEntryType type, CurrentUser caller) {
        return Ledger.Record.of(task.getGraduateId(), task.getCaseId(), type, caller.username()).task(task.getId());
    }

    /** Variables for the engine, and work to do once the engine has completed the task. */
    record Completion(Map<String, Object> variables, Runnable afterwards) {

        public static Completion of(Map<String, Object> variables) {
            return new Completion(variables, () -> { });
        }
    }

    /** Where a task's subject is shown (a page of the application), with their name and university. */
    record Subject(String link, String name, String university) {
    }
}
