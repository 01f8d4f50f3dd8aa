package org.leye.casework.events;

/** What a group event is, and so which open task of each graduate it completes. */
public enum EventKind {
    /** A group guidance session: completes each graduate's open GUIDANCE task. */
    GUIDANCE,
    /** A job fair: records attendance; completes a REFERRAL only where a position is named for the graduate. */
    JOB_FAIR,
    /** A group training session: completes each graduate's open TRAINING_OR_INTERNSHIP task as a training. */
    TRAINING_SESSION
}
