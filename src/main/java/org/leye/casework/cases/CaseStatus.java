package org.leye.casework.cases;

/** The state of a 131 case. */
public enum CaseStatus {
    OPEN, LOST_CONTACT, CLOSED
}
