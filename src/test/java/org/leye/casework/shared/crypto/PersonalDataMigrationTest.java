package org.leye.casework.shared.crypto;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link PersonalDataMigrationContract} on H2, an in-memory database per test. */
class PersonalDataMigrationTest extends PersonalDataMigrationContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    DataSource freshDataSource() {
        return new DriverManagerDataSource("jdbc:h2:mem:migration-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
                "sa", "");
    }
}
