package org.leye.casework.shared.problem;

/** An unknown id, or one outside the caller's scope: both are answered alike. */
public class NotFoundException extends DomainProblem {

    /** @param what the kind of record, naming the message {@code problem.notFound.<what>} */
    public NotFoundException(String what, Object id) {
        super("problem.notFound." + what, null, id);
    }
}
