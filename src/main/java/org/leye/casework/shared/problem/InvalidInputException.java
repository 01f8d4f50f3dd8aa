package org.leye.casework.shared.problem;

import java.util.Map;

/** Input refused as a whole, not field by field: a hand-over file without a header, for instance. */
public class InvalidInputException extends DomainProblem {

    public InvalidInputException(String messageKey, Map<String, Object> properties, Object... args) {
        super(messageKey, properties, args);
    }
}
