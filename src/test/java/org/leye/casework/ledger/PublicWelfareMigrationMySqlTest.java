package org.leye.casework.ledger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leye.casework.support.MySqlAvailable;

/** {@link PublicWelfareMigrationContract} on MariaDB/MySQL: database {@code <TEST_DB_URL's>_welfaremig}, made afresh per test. */
@Tag("mysql")
@ExtendWith(MySqlAvailable.class)
class PublicWelfareMigrationMySqlTest extends PublicWelfareMigrationContract {

    @Override
    DataSource freshDataSource() throws Exception {
        return MySqlAvailable.freshDatabase("welfaremig");
    }
}
