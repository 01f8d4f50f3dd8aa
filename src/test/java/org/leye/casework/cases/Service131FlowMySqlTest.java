package org.leye.casework.cases;

import org.leye.casework.support.MySqlIntegrationTest;

@MySqlIntegrationTest
class Service131FlowMySqlTest extends Service131FlowContract {
}
