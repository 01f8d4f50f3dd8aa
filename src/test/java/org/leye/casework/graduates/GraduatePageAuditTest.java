package org.leye.casework.graduates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.leye.casework.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A graduate's page shows their record: each view is a read in the audit log, as by the API. */
@IntegrationTest
class GraduatePageAuditTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Test
    void viewingAGraduatesPageLeavesOneViewRecordPerView() {
        long id = Api.as(rest, "cw.pengjiang").post("/api/graduates",
                TestGraduates.graduate("页面" + TestGraduates.tag(), "440703")).expect(201).json().path("id").asLong();
        WebSession pengjiang = WebSession.signedIn(port, "cw.pengjiang");

        assertThat(pengjiang.page("/graduates/" + id).getStatusCode().value()).isEqualTo(200);
        assertThat(pengjiang.page("/graduates/" + id).getStatusCode().value()).isEqualTo(200);
        assertThat(WebSession.signedIn(port, "cw.taishan").page("/graduates/" + id).getStatusCode().value())
                .isEqualTo(404);

        JsonNode reads = Api.as(rest, "admin").get("/api/audit?graduateId=" + id).expect(200).json();
        assertThat(reads.path("totalElements").asLong()).isEqualTo(2);
        reads.path("content").forEach(e -> {
            assertThat(e.path("action").asText()).isEqualTo("VIEW_RECORD");
            assertThat(e.path("actor").asText()).isEqualTo("cw.pengjiang");
        });
    }
}
