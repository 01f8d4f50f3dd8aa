package org.leye.casework.shared;

import java.util.function.Supplier;

/**
 * Marks the current thread as the application while it changes a casework process in the engine.
 * The engine refuses every change of a process (completing, claiming or assigning a task, setting
 * variables, starting, correlating, suspending, modifying or deleting) that nobody marked this way
 * ({@code security.CaseworkChangeGuard}): the engine's REST API, Tasklist, Cockpit and scripts reach
 * the same engine, and none of them writes the ledger. The application's engine call sites (the
 * task list, the case lifecycle, district moves, reassignment, the assistance) wrap each changing
 * call in {@link #run} or {@link #call}; nothing else needs to.
 *
 * <p>Re-entrant: a call inside a call stays marked, and the outermost one clears the mark when it
 * returns or throws. The mark is per thread and is not handed to other threads.
 */
public final class ApplicationCaller {

    /** The actor in the ledger of what the application does on its own: timers, service tasks, hand-overs. */
    public static final String ACTOR = "system";

    private static final ThreadLocal<Boolean> CALLING = new ThreadLocal<>();

    private ApplicationCaller() {
    }

    /** Runs {@code work} as the application. */
    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} as the application and answers its result. */
    public static <T> T call(Supplier<T> work) {
        if (CALLING.get() != null) {
            return work.get();
        }
        CALLING.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            CALLING.remove();
        }
    }

    /** Whether the current thread is inside {@link #run} or {@link #call}. */
    public static boolean isCalling() {
        return CALLING.get() != null;
    }
}
