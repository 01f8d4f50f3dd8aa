package org.leye.casework.graduates;

/**
 * Where a graduate stands: registered without a case (a student at school in the one-to-one
 * assistance, before hand-over), in the 131 service (a graduate not willing to work too, followed
 * up until they want a job), lost contact, placed (a destination registered), or the case closed
 * for another reason.
 */
public enum GraduateStatus {
    REGISTERED, IN_SERVICE, LOST_CONTACT, PLACED, CLOSED
}
