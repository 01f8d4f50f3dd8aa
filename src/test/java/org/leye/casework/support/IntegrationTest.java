package org.leye.casework.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * An end-to-end test against the whole application on a random port: in-memory H2, job executor
 * off (profile {@code test}) and the demo users (profile {@code demo}). Every test class using this
 * annotation, and nothing else that changes the context, shares one Spring context: add no
 * {@code @MockitoBean}, properties or profiles per class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
public @interface IntegrationTest {
}
