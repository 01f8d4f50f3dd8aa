package org.leye.casework.graduates;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link ResidentId}: null is valid, anything else must be valid once normalised. */
public class ResidentIdValidator implements ConstraintValidator<ResidentId, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || ResidentIds.isValid(ResidentIds.normalize(value));
    }
}
