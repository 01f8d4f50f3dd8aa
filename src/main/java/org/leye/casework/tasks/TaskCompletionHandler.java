package org.leye.casework.tasks;

import java.util.Map;

import org.leye.casework.security.CurrentUser;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Completes one type of task: validates its form, records the facts and the ledger entry (with the
 * task id), and answers the process variables for the engine. Runs in the completion's transaction
 * before the engine completes the task; throwing refuses the completion and leaves the task open.
 */
public interface TaskCompletionHandler {

    boolean handles(TaskType type);

    Completion complete(CaseTask task, JsonNode form, CurrentUser caller);

    /** Variables for the engine, and work to do once the engine has completed the task. */
    record Completion(Map<String, Object> variables, Runnable afterwards) {

        public static Completion of(Map<String, Object> variables) {
            return new Completion(variables, () -> { });
        }
    }
}
