package org.leye.casework.assistance;

import org.leye.casework.support.MySqlIntegrationTest;

@MySqlIntegrationTest
class FoundInDifficultyMySqlTest extends FoundInDifficultyContract {
}
