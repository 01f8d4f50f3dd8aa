package org.leye.casework.graduates;

/** Where a graduate stands: registered without a case (not willing to work), in the 131 service, lost contact, placed (a destination registered), or the case closed for another reason. */
public enum GraduateStatus {
    REGISTERED, IN_SERVICE, LOST_CONTACT, PLACED, CLOSED
}
