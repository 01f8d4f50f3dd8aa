package org.leye.casework.audit;

import org.leye.casework.support.MySqlIntegrationTest;

@MySqlIntegrationTest
class AuditTrailMySqlTest extends AuditTrailContract {
}
