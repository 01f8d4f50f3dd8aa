package org.leye.casework.tasks;

import org.leye.casework.support.MySqlIntegrationTest;

@MySqlIntegrationTest
class TaskListMySqlTest extends TaskListContract {
}
