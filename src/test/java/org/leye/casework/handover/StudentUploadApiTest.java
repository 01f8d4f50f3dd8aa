package org.leye.casework.handover;

import org.leye.casework.support.IntegrationTest;

@IntegrationTest
class StudentUploadApiTest extends StudentUploadContract {
}
