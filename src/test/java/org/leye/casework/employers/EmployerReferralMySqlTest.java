package org.leye.casework.employers;

import org.leye.casework.support.MySqlIntegrationTest;

@MySqlIntegrationTest
class EmployerReferralMySqlTest extends EmployerReferralContract {
}
