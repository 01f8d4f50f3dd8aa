package org.leye.casework.shared.problem;

import java.util.Map;

/**
 * A refusal by the domain: an unknown record, a conflict with the current state, input that does
 * not hold, a business rule. It knows nothing of HTTP: the message is a key in
 * {@code messages*.properties} whose arguments fill its placeholders, and the API
 * ({@code shared.web.ApiExceptionHandler}) and the pages ({@code web.WebPages}) each map the kinds
 * to what they answer, once.
 */
public abstract class DomainProblem extends RuntimeException {

    private final transient Object[] args;
    private final transient Map<String, Object> properties;

    protected DomainProblem(String messageKey, Map<String, Object> properties, Object... args) {
        super(messageKey, null, false, false);
        this.args = args;
        this.properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public String messageKey() {
        return getMessage();
    }

    public Object[] args() {
        return args.clone();
    }

    /** Extra facts for the caller, such as {@code existingId}: members of the API's problem body. */
    public Map<String, Object> properties() {
        return properties;
    }
}
