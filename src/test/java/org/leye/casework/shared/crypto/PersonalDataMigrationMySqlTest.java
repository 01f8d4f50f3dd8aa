package org.leye.casework.shared.crypto;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leye.casework.support.MySqlAvailable;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link PersonalDataMigrationContract} on MariaDB/MySQL: database {@code <TEST_DB_URL's>_migration}, made afresh per test. */
@Tag("mysql")
@ExtendWith(MySqlAvailable.class)
class PersonalDataMigrationMySqlTest extends PersonalDataMigrationContract {

    @Override
    DataSource freshDataSource() throws Exception {
        String url = MySqlAvailable.url("migration");
        String name = url.replaceAll("^jdbc:mysql://[^/]+/([^?]*).*$", "$1");
        try (Connection c = DriverManager.getConnection(url, MySqlAvailable.user(), MySqlAvailable.password());
                Statement s = c.createStatement()) {
            s.execute("drop database if exists `" + name + "`");
            s.execute("create database `" + name + "` character set utf8mb4 collate utf8mb4_unicode_ci");
        }
        return new DriverManagerDataSource(url, MySqlAvailable.user(), MySqlAvailable.password());
    }
}
