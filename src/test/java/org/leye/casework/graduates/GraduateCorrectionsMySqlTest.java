package org.leye.casework.graduates;

import org.leye.casework.support.MySqlIntegrationTest;

@MySqlIntegrationTest
class GraduateCorrectionsMySqlTest extends GraduateCorrectionsContract {
}
