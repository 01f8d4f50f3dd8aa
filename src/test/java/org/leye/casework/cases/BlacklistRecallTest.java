package org.leye.casework.cases;

import org.leye.casework.support.IntegrationTest;

@IntegrationTest
class BlacklistRecallTest extends BlacklistRecallContract {
}
