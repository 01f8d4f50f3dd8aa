package org.leye.casework.shared.crypto;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leye.casework.support.MySqlAvailable;

/** {@link PersonalDataMigrationContract} on MariaDB/MySQL: database {@code <TEST_DB_URL's>_migration}, made afresh per test. */
@Tag("mysql")
@ExtendWith(MySqlAvailable.class)
class PersonalDataMigrationMySqlTest extends PersonalDataMigrationContract {

    @Override
    DataSource freshDataSource() throws Exception {
        return MySqlAvailable.freshDatabase("migration");
    }
}
