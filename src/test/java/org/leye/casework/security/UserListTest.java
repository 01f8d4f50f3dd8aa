package org.leye.casework.security;

import org.leye.casework.support.IntegrationTest;

@IntegrationTest
class UserListTest extends UserListContract {
}
