package org.leye.casework.handover;

/** The result of one data row. */
enum RowOutcome {
    /** Registered; a case was opened when the graduate is willing to work. */
    ACCEPTED,
    /** The ID number was already registered (or earlier in the file): the source was added, no second case. */
    DUPLICATE,
    /** Not registered; the errors say why. */
    REJECTED
}
