package org.leye.casework.security;

import org.leye.casework.support.MySqlIntegrationTest;

@MySqlIntegrationTest
class UserListMySqlTest extends UserListContract {
}
