package org.leye.casework.tasks;

import java.time.Instant;

/**
 * Filters of {@code GET /api/tasks}: {@code scope} mine (assigned to me), candidate (unclaimed
 * tasks of my groups) or all (everything in my district or city); the others may be null.
 * {@code dueBefore} keeps the tasks due before that moment (the web inbox's "due within" filter).
 */
public record TaskQuery(Scope scope, TaskType type, String district, Integer priority, Boolean overdue, String q,
        SortOrder sort, Instant dueBefore) {

    public TaskQuery(Scope scope, TaskType type, String district, Integer priority, Boolean overdue, String q,
            SortOrder sort) {
        this(scope, type, district, priority, overdue, q, sort, null);
    }

    public enum Scope {
        MINE, CANDIDATE, ALL
    }

    public enum SortOrder {
        /** Due date first (soonest), then priority. */
        DUE,
        /** Highest priority first (graduates in difficulty), then due date: the default. */
        PRIORITY,
        /** Newest first. */
        CREATED
    }
}
