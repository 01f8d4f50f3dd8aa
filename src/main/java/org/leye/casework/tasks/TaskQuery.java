package org.leye.casework.tasks;

/**
 * Filters of {@code GET /api/tasks}: {@code scope} mine (assigned to me), candidate (unclaimed
 * tasks of my groups) or all (everything in my district or city); the others may be null.
 */
public record TaskQuery(Scope scope, TaskType type, String district, Integer priority, Boolean overdue, String q,
        SortOrder sort) {

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
