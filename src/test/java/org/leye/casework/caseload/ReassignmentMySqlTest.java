package org.leye.casework.caseload;

import org.leye.casework.support.MySqlIntegrationTest;

@MySqlIntegrationTest
class ReassignmentMySqlTest extends ReassignmentContract {
}
