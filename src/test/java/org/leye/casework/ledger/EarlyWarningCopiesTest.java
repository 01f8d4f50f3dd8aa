package org.leye.casework.ledger;

import org.leye.casework.support.IntegrationTest;

@IntegrationTest
class EarlyWarningCopiesTest extends EarlyWarningCopiesContract {
}
