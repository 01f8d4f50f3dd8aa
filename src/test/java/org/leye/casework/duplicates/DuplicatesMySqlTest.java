package org.leye.casework.duplicates;

import org.leye.casework.support.MySqlIntegrationTest;

@MySqlIntegrationTest
class DuplicatesMySqlTest extends DuplicatesContract {
}
