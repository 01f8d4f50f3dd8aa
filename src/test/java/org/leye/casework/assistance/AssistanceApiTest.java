package org.leye.casework.assistance;

import org.leye.casework.support.IntegrationTest;

@IntegrationTest
class AssistanceApiTest extends AssistanceApiContract {
}
