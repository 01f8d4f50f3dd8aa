package org.leye.casework.tasks;

import java.time.Instant;

/**
 * A task in the inbox (API.md "Tasks"): {@code name} is the model's (Chinese) name of the task,
 * {@code activityId} the model's id of it, by which the pages name it in their language.
 */
public record TaskView(String id, TaskType type, String activityId, String name, Long caseId, String caseNumber,
        Long graduateId, String graduateName, String district, int priority, Instant due, boolean overdue,
        String assignee, String candidateGroup, String owner, Instant created) {
}
