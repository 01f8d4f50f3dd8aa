package org.leye.casework.assistance;

/** Where a student's one-to-one assistance stands. */
public enum AssistanceStatus {
    /** Registered; the university's counselors are to name a helper. */
    AWAITING_HELPER,
    /** A helper is named: plan and follow-ups. */
    IN_PROGRESS,
    /** A destination placed the student: the assistance ended. */
    PLACED,
    /** Left school without a placement: handed over to the 131 service. */
    HANDED_OVER
}
