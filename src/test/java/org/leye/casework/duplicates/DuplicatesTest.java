package org.leye.casework.duplicates;

import org.leye.casework.support.IntegrationTest;

@IntegrationTest
class DuplicatesTest extends DuplicatesContract {
}
