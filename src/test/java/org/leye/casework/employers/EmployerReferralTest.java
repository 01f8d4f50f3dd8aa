package org.leye.casework.employers;

import org.leye.casework.support.IntegrationTest;

@IntegrationTest
class EmployerReferralTest extends EmployerReferralContract {
}
