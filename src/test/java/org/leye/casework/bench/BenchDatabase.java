package org.leye.casework.bench;

import org.leye.casework.support.MySqlAvailable;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark's database: H2 in a file under target/ (default), or on the MySQL server of
 * TEST_DB_URL the database {@code <its name>_bench} (leye_test_bench), which the test suite, which
 * makes its own database afresh on every run, leaves alone: the report cohort seeded there is kept.
 */
class BenchDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static boolean mysql() {
        return "mysql".equalsIgnoreCase(System.getProperty("bench.db", "h2"));
    }

    static String describe() {
        return mysql() ? "MySQL/MariaDB (TEST_DB_URL's server, database <name>_bench)" : "H2 file (target/bench-h2)";
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (mysql()) {
            // the production profile's batching (application-mysql.yml): the engine's flush in multi-row inserts
            String url = MySqlAvailable.url("bench");
            if (!url.contains("rewriteBatchedStatements")) {
                url += "&rewriteBatchedStatements=true";
            }
            TestPropertyValues.of("spring.datasource.url=" + url, "leye.demo.allow-on-server=true",
                    "spring.datasource.username=" + MySqlAvailable.user(),
                    "spring.datasource.password=" + MySqlAvailable.password()).applyTo(context);
        } else {
            TestPropertyValues.of("spring.datasource.url=jdbc:h2:file:./target/bench-h2/leye-" + System.currentTimeMillis(),
                    "spring.datasource.username=sa", "spring.datasource.password=").applyTo(context);
        }
    }
}
