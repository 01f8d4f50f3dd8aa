package org.leye.casework.shared.problem;

import java.util.List;
import java.util.Map;

/** Input that passed the annotations but not a check across fields or against reference data, field by field. */
public class InvalidFieldException extends DomainProblem {

    private final transient List<FieldError> errors;

    public InvalidFieldException(String field, String messageKey, Object... args) {
        this(List.of(new FieldError(field, messageKey, args)));
    }

    public InvalidFieldException(List<FieldError> errors) {
        super("problem.validation", Map.of());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }


    /** One field's error; the message is a key in {@code messages*.properties}. */
    public record FieldError(String field, String messageKey, Object... args) {
    }
}
