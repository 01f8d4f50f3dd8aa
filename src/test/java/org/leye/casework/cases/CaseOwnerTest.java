package org.leye.casework.cases;

import org.leye.casework.support.IntegrationTest;

@IntegrationTest
class CaseOwnerTest extends CaseOwnerContract {
}
