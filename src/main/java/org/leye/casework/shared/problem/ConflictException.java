package org.leye.casework.shared.problem;

import java.util.Map;

/** A conflict with the current state: a duplicate, a task already completed or claimed. */
public class ConflictException extends DomainProblem {

    public ConflictException(String messageKey, Map<String, Object> properties, Object... args) {
        super(messageKey, properties, args);
    }
}
