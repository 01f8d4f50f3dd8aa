package org.leye.casework.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller of the web application's pages, in the capability it serves (as the API's
 * {@code @RestController}s are). Its handlers are guarded like the API's, with
 * {@code @PreAuthorize}; what a page answers to a refusal is decided once, in {@link WebPages}: a
 * role that may not open the page, or a record outside the caller's scope, gets the 404 page,
 * exactly as an unknown page.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

    @AliasFor(annotation = Controller.class)
    String value() default "";
}
