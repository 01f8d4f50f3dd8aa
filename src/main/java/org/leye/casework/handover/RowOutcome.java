package org.leye.casework.handover;

/** The result of one data row. */
public enum RowOutcome {
    /** Registered, with a case (a graduate not willing to work is followed up until they want a job). */
    ACCEPTED,
    /** The ID number was already registered (or earlier in the file): the source was added, no second case. */
    DUPLICATE,
    /** Not registered; the errors say why. */
    REJECTED
}
