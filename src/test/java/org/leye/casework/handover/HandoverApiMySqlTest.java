package org.leye.casework.handover;

import org.leye.casework.support.MySqlIntegrationTest;

@MySqlIntegrationTest
class HandoverApiMySqlTest extends HandoverApiContract {
}
