package org.leye.casework.tasks;

import java.time.Instant;

/** A task in the inbox (API.md "Tasks"). */
public record TaskView(String id, TaskType type, String name, Long caseId, String caseNumber, Long graduateId,
        String graduateName, String district, int priority, Instant due, boolean overdue, String assignee,
        String candidateGroup, String owner, Instant created) {
}
