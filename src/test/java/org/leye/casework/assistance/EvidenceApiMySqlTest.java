package org.leye.casework.assistance;

import org.leye.casework.support.MySqlIntegrationTest;

@MySqlIntegrationTest
class EvidenceApiMySqlTest extends EvidenceApiContract {
}
