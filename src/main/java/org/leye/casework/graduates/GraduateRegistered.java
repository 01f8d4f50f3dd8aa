package org.leye.casework.graduates;

/**
 * Published in the registration's transaction; the case capability opens the 131 case for a
 * graduate willing to work before the transaction commits, unless the case is deferred: a student
 * in difficulty registered for one-to-one assistance is still at school, and gets the case when
 * handed over.
 */
public record GraduateRegistered(Long graduateId, Boolean willingToWork, Source source, boolean caseDeferred) {

    /** Willing or unconfirmed (null): a case opens, whose first contact establishes the willingness. */
    public boolean opensCase() {
        return !Boolean.FALSE.equals(willingToWork) && !caseDeferred;
    }


    public GraduateRegistered(Long graduateId, Boolean willingToWork, Source source) {
        this(graduateId, willingToWork, source, false);
    }
}
