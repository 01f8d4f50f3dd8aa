package org.leye.casework.audit;

import org.leye.casework.support.IntegrationTest;

@IntegrationTest
class AuditTrailTest extends AuditTrailContract {
}
