package org.leye.casework.tasks;

import org.leye.casework.support.IntegrationTest;

@IntegrationTest
class TaskListTest extends TaskListContract {
}
