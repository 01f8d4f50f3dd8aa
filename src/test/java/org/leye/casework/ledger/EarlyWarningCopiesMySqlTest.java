package org.leye.casework.ledger;

import org.leye.casework.support.MySqlIntegrationTest;

@MySqlIntegrationTest
class EarlyWarningCopiesMySqlTest extends EarlyWarningCopiesContract {
}
