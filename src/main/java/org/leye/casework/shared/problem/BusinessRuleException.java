package org.leye.casework.shared.problem;

import java.util.Map;

/** A business rule refused the request, for example a referral to a blacklisted employer. */
public class BusinessRuleException extends DomainProblem {

    public BusinessRuleException(String messageKey, Map<String, Object> properties, Object... args) {
        super(messageKey, properties, args);
    }
}
