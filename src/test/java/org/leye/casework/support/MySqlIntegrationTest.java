package org.leye.casework.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the whole application on MySQL/MariaDB ({@code TEST_DB_URL}, default
 * {@code jdbc:mysql://127.0.0.1:3306/leye_test}, user root without password). Skipped with a
 * clear message when no server answers, unless {@code REQUIRE_MYSQL=true} (CI), which fails instead.
 * All such tests share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("mysql")
@ExtendWith(MySqlAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo", "mysql" })
@ContextConfiguration(initializers = MySqlAvailable.Initializer.class)
public @interface MySqlIntegrationTest {
}
