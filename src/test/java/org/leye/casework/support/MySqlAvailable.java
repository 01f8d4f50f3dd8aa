package org.leye.casework.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Runs MySQL tests only where the test server answers; CI ({@code REQUIRE_MYSQL=true}) fails instead
 * of skipping. The database of {@code TEST_DB_URL} is the suite's own: it is dropped and made again
 * once per run, before the first MySQL test's application starts, so that a run never meets the
 * data of an earlier one (the tests' random data come from fixed seeds and would repeat).
 */
public class MySqlAvailable implements ExecutionCondition {

    private static final Pattern URL = Pattern.compile("^(jdbc:mysql://[^/]+/)([^?]*)(.*)$");
    private static boolean fresh;

    static final String DEFAULT_URL = "jdbc:mysql://127.0.0.1:3306/leye_test";
    static final String FLAGS = "sendFractionalSeconds=false&nullDatabaseMeansCurrent=true&cachePrepStmts=true&prepStmtCacheSize=500"
            + "&prepStmtCacheSqlLimit=8192&characterEncoding=UTF-8&connectionTimeZone=UTC"
            + "&forceConnectionTimeZoneToSession=true&createDatabaseIfNotExist=true&connectTimeout=3000";

    private static Boolean available;

    public static String url() {
        String base = System.getenv().getOrDefault("TEST_DB_URL", DEFAULT_URL);
        if (base.contains("sendFractionalSeconds")) {
            return base;
        }
        return base + (base.contains("?") ? "&" : "?") + FLAGS;
    }

    public static String user() {
        return System.getenv().getOrDefault("TEST_DB_USERNAME", "root");
    }

    public static String password() {
        return System.getenv().getOrDefault("TEST_DB_PASSWORD", "");
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (available == null) {
            available = reachable();
        }
        if (available) {
            return ConditionEvaluationResult.enabled("MySQL test server answers at " + safeUrl());
        }
        String message = "SKIPPED: MySQL tests: no MySQL/MariaDB server answers at " + safeUrl()
                + " (set TEST_DB_URL, or start one; .ci/run does)";
        if (Boolean.parseBoolean(System.getenv("REQUIRE_MYSQL"))) {
            throw new IllegalStateException("REQUIRE_MYSQL=true but " + message);
        }
        System.out.println(message);
        return ConditionEvaluationResult.disabled(message);
    }

    private static boolean reachable() {
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(url(), user(), password())) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    /** The test server's URL for another database: {@code <TEST_DB_URL's database>_<suffix>}. */
    public static String url(String suffix) {
        Matcher m = URL.matcher(url());
        if (!m.matches()) {
            throw new IllegalStateException("TEST_DB_URL names no database: " + safeUrl());
        }
        return m.group(1) + database(m) + "_" + suffix + m.group(3);
    }

    /**
     * A database of a test's own beside the suite's ({@link #url(String)}), dropped and made again
     * empty: for a test of migrations that starts from nothing.
     */
    public static DataSource freshDatabase(String suffix) throws SQLException {
        String url = url(suffix);
        String name = url.replaceAll("^jdbc:mysql://[^/]+/([^?]*).*$", "$1");
        try (Connection c = DriverManager.getConnection(url, user(), password()); Statement s = c.createStatement()) {
            s.execute("drop database if exists `" + name + "`");
            s.execute("create database `" + name + "` character set utf8mb4 collate utf8mb4_unicode_ci");
        }
        return new DriverManagerDataSource(url, user(), password());
    }

    private static String database(Matcher m) {
        return m.group(2).isEmpty() ? "leye_test" : m.group(2);
    }

    /** Drops and makes again the suite's database, once per run (JVM). */
    static synchronized void freshDatabase() {
        if (fresh) {
            return;
        }
        Matcher m = URL.matcher(url());
        if (!m.matches()) {
            throw new IllegalStateException("TEST_DB_URL names no database: " + safeUrl());
        }
        String name = database(m);
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalStateException("TEST_DB_URL's database name is not a plain name: " + name);
        }
        try (Connection c = DriverManager.getConnection(url(), user(), password()); Statement s = c.createStatement()) {
            s.execute("drop database if exists `" + name + "`");
            s.execute("create database `" + name + "` character set utf8mb4 collate utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make the test database " + name + " afresh", e);
        }
        System.out.println("MySQL tests: database " + name + " made afresh for this run");
        fresh = true;
    }

    private static String safeUrl() {
        String u = url();
        int q = u.indexOf('?');
        return q < 0 ? u : u.substring(0, q);
    }

    /** Points the application at the MySQL test server. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            freshDatabase();
            TestPropertyValues.of("spring.datasource.url=" + url(), "leye.demo.allow-on-server=true", "spring.datasource.username=" + user(),
                    "spring.datasource.password=" + password()).applyTo(context);
        }
    }
}
