package org.leye.casework.caseload;

import org.leye.casework.support.IntegrationTest;

@IntegrationTest
class ReassignmentTest extends ReassignmentContract {
}
