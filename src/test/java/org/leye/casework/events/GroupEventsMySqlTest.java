package org.leye.casework.events;

import org.leye.casework.support.MySqlIntegrationTest;

@MySqlIntegrationTest
class GroupEventsMySqlTest extends GroupEventsContract {
}
