package org.leye.casework.cases;

import org.leye.casework.support.IntegrationTest;

@IntegrationTest
class Service131FlowTest extends Service131FlowContract {
}
