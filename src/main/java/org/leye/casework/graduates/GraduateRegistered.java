package org.leye.casework.graduates;

/**
 * Published in the registration's transaction; the case capability opens the 131 case before the
 * transaction commits, unless the case is deferred: a student in difficulty registered for
 * one-to-one assistance is still at school, and gets the case when handed over. A graduate not
 * willing to work gets a case too, whose process follows them up until they want a job (issue 19).
 */
public record GraduateRegistered(Long graduateId, Boolean willingToWork, Source source, boolean caseDeferred) {

    /**
     * Every graduate but a student at school gets a case: willing or unconfirmed (null), whose first
     * contact establishes the willingness, or not willing, who is followed up every 30 days.
     */
    public boolean opensCase() {
        return !caseDeferred;
    }


    public GraduateRegistered(Long graduateId, Boolean willingToWork, Source source) {
        this(graduateId, willingToWork, source, false);
    }
}
