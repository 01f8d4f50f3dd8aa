package org.leye.casework.shared.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** A conflict with the current state: a duplicate, a task already completed or claimed. */
public class ConflictException extends ApiException {

    public ConflictException(String messageKey, Map<String, Object> properties, Object... args) {
        super(messageKey, properties, args);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }
}
