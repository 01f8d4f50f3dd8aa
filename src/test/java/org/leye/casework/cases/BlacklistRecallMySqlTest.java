package org.leye.casework.cases;

import org.leye.casework.support.MySqlIntegrationTest;

@MySqlIntegrationTest
class BlacklistRecallMySqlTest extends BlacklistRecallContract {
}
