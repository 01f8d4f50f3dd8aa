package org.leye.casework.events;

import org.leye.casework.support.IntegrationTest;

@IntegrationTest
class GroupEventsTest extends GroupEventsContract {
}
