package org.leye.casework.shared.problem;

import java.util.Map;

/** Content over a size limit that the domain sets, such as an evidence file over 5 MB. */
public class TooLargeException extends DomainProblem {

    public TooLargeException(String messageKey, Map<String, Object> properties, Object... args) {
        super(messageKey, properties, args);
    }
}
