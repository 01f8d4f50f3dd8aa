package org.leye.casework.shared.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** A business rule refused the request (422), for example a referral to a blacklisted employer. */
public class BusinessRuleException extends ApiException {

    public BusinessRuleException(String messageKey, Map<String, Object> properties, Object... args) {
        super(messageKey, properties, args);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.UNPROCESSABLE_ENTITY;
    }
}
