package org.leye.casework.cases;

/** Why a case was closed. PLACED follows from a destination; the others are a supervisor's decision. */
public enum CloseReason {
    PLACED,
    LOST_CONTACT_SIX_MONTHS,
    REFUSED_SERVICE_THREE_TIMES,
    MOVED_AWAY,
    OTHER,
    /** The graduate was registered twice and this record was merged into the other (issue 10). */
    DUPLICATE
}
