package org.leye.casework.handover;

import org.leye.casework.support.MySqlIntegrationTest;

/** The students' uploads on MySQL: the re-upload check per kind (ux_handover_kind_content_hash) and each row's result. */
@MySqlIntegrationTest
class StudentUploadApiMySqlTest extends StudentUploadContract {
}
