package org.leye.casework.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leye.casework.support.MySqlAvailable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Every case of {@link LoginThrottleTest} on MySQL/MariaDB ({@code TEST_DB_URL}'s server, a database
 * of its own, {@code <name>_throttle}, with db/V23's table made afresh for each test): above all the
 * failures sent at once, with the server's row locks and its left-to-right {@code UPDATE ... SET}.
 */
@Tag("mysql")
@ExtendWith(MySqlAvailable.class)
class LoginThrottleMySqlTest extends LoginThrottleTest {

    /** Twenty at once: the server is shared with other test runs, and each attempt holds a connection. */
    @Override
    int burst() {
        return 20;
    }

    @Override
    DataSource database() throws Exception {
        String url = MySqlAvailable.url();
        Matcher m = Pattern.compile("^(jdbc:mysql://[^/]+/)([^?]*)(.*)$").matcher(url);
        assertThat(m.matches()).as("TEST_DB_URL names a database: %s", url.replaceAll("\\?.*", "")).isTrue();
        String name = (m.group(2).isEmpty() ? "leye_test" : m.group(2)) + "_throttle";
        try (Connection c = DriverManager.getConnection(url, MySqlAvailable.user(), MySqlAvailable.password());
                Statement s = c.createStatement()) {
            s.execute("create database if not exists " + name + " character set utf8mb4 collate utf8mb4_unicode_ci");
            s.execute("drop table if exists " + name + ".login_throttle");
        }
        DriverManagerDataSource database = new DriverManagerDataSource(m.group(1) + name + m.group(3),
                MySqlAvailable.user(), MySqlAvailable.password());
        try (Connection c = database.getConnection()) {
            ScriptUtils.executeSqlScript(c, new ClassPathResource("db/migration/V23__login_throttle.sql"));
        }
        return database;
    }
}
