package org.leye.casework.graduates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** What a registration writes to the log names ids, never an ID number or a phone. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RegistrationLogPrivacyTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void registrationLogsNeitherIdNumberNorPhone(CapturedOutput output) {
        Map<String, Object> body = TestGraduates.graduate("谢婉婷", "440703");
        String idNumber = (String) body.get("idNumber");
        String phone = (String) body.get("phone");
        long id = Api.as(rest, "cw.pengjiang").post("/api/graduates", body).expect(201).json().path("id").asLong();
        Api.as(rest, "cw.pengjiang").post("/api/graduates", body).expect(409);
        Api.as(rest, "cw.pengjiang").get("/api/graduates/" + id + "/identity").expect(200);

        assertThat(output.getAll()).contains("Registered graduate " + id);
        assertThat(output.getAll()).doesNotContain(idNumber).doesNotContain(phone)
                .doesNotContain(idNumber.substring(6, 14));
    }
}
