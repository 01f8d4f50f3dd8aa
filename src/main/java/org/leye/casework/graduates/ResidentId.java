package org.leye.casework.graduates;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated string is an 18-character resident ID number once normalised
 * ({@link ResidentIds#isValid}({@link ResidentIds#normalize}(value))). Null is valid: combine
 * with {@code @NotBlank} where the number is required.
 */
@Documented
@Constraint(validatedBy = ResidentIdValidator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface ResidentId {

    String message() default "{leye.validation.residentId}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
