package org.leye.casework.graduates;

import org.leye.casework.support.IntegrationTest;

@IntegrationTest
class GraduateCorrectionsTest extends GraduateCorrectionsContract {
}
