package org.leye.casework.shared.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A refusal that the API answers with a problem detail. The message is a key in
 * {@code messages*.properties}; arguments fill its placeholders.
 */
public abstract class ApiException extends RuntimeException {

    private final transient Object[] args;
    private final transient Map<String, Object> properties;

    protected ApiException(String messageKey, Map<String, Object> properties, Object... args) {
        super(messageKey);
        this.args = args;
        this.properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public abstract HttpStatus status();

    public String messageKey() {
        return getMessage();
    }

    public Object[] args() {
        return args.clone();
    }

    /** Extra members of the problem body, such as {@code existingId}. */
    public Map<String, Object> properties() {
        return properties;
    }
}
