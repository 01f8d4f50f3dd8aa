package org.leye.casework.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A page form whose free text is bound as typed, stripped, and blank as none (one binder for every
 * such form, in {@link WebPages}); a form without it is bound as sent.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface StrippedForm {
}
