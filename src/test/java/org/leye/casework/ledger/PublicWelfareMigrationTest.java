package org.leye.casework.ledger;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link PublicWelfareMigrationContract} on H2, an in-memory database per test. */
class PublicWelfareMigrationTest extends PublicWelfareMigrationContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    DataSource freshDataSource() {
        return new DriverManagerDataSource("jdbc:h2:mem:welfare-migration-" + DATABASES.incrementAndGet()
                + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
}
