package org.leye.casework.tasks;

/** The priorities of the user tasks, highest first in the inbox ({@link TaskList#sort}). */
public final class TaskPriority {

    /**
     * A student in difficulty handed over by the one-to-one assistance on leaving school without a
     * job: in difficulty, and already known for months, so ahead of every other case.
     */
    public static final int HANDED_OVER = 90;
    /** A graduate or student in difficulty (the three priorities). */
    public static final int DIFFICULTY = 80;
    /** Everyone else. */
    public static final int NORMAL = 50;

    private TaskPriority() {
    }
}
