package org.leye.casework.graduates;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link Phone}: null is valid, anything else must be valid once normalised. */
public class PhoneValidator implements ConstraintValidator<Phone, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || Phones.isValid(Phones.normalize(value));
    }
}
