package org.leye.casework.employers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;

import org.junit.jupiter.api.Test;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

@IntegrationTest
class EmployerApiTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void employerIsRegisteredSearchedAndBlacklistedOnlyBySupervisor() {
        String name = "江门市测试制造有限公司" + TestGraduates.tag();
        Api cw = Api.as(rest, "cw.pengjiang");
        long id = cw.post("/api/employers", map("name", name, "district", "蓬江区")).expect(201).json().path("id")
                .asLong();
        JsonNode found = cw.get("/api/employers?q=测试制造").expect(200).json();
        assertThat(found.path("content").findValuesAsText("name")).contains(name);

        cw.post("/api/employers/" + id + "/blacklist", map("reason", "虚假招聘")).expect(403);
        Api.as(rest, "counselor.wyu").post("/api/employers/" + id + "/blacklist", map("reason", "x")).expect(403);
        JsonNode blacklisted = Api.as(rest, "sup.city").post("/api/employers/" + id + "/blacklist",
                map("reason", "虚假招聘")).expect(200).json();
        assertThat(blacklisted.path("blacklisted").asBoolean()).isTrue();
        assertThat(blacklisted.path("blacklistReason").asText()).isEqualTo("虚假招聘");
        assertThat(blacklisted.path("blacklistedBy").asText()).isEqualTo("sup.city");
    }

    @Test
    void duplicateEmployerNameIsConflict() {
        String name = "重名单位" + TestGraduates.tag();
        Api cw = Api.as(rest, "cw.pengjiang");
        long id = cw.post("/api/employers", map("name", name)).expect(201).json().path("id").asLong();
        assertThat(cw.post("/api/employers", map("name", name)).expect(409).json().path("existingId").asLong())
                .isEqualTo(id);
    }

    @Test
    void blacklistNeedsReasonAndUnknownEmployerIsNotFound() {
        Api sup = Api.as(rest, "sup.city");
        sup.post("/api/employers/99999999/blacklist", map("reason", "x")).expect(404);
        long id = sup.post("/api/employers", map("name", "无理由单位" + TestGraduates.tag())).expect(201).json().path("id")
                .asLong();
        JsonNode problem = sup.post("/api/employers/" + id + "/blacklist", map("reason", " ")).expect(400).json();
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("reason");
        Api.as(rest, "cw.pengjiang").post("/api/employers", map("name", "代码错单位", "creditCode", "123")).expect(400);
    }
}
