package org.leye.casework.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leye.casework.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

@IntegrationTest
class MeEndpointTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    RestClient http;

    @BeforeEach
    void client() {
        http = TestHttp.client(port);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "cw.pengjiang,   CASEWORKER, 440703, null",
            "cw.pengjiang2,  CASEWORKER, 440703, null",
            "cw.taishan,     CASEWORKER, 440781, null",
            "counselor.wyu,  COUNSELOR,  null,   WYU",
            "counselor.jmpt, COUNSELOR,  null,   JMPT",
            "sup.pengjiang,  SUPERVISOR, 440703, null",
            "sup.city,       SUPERVISOR, null,   null",
            "admin,          ADMIN,      null,   null"})
    void demoUserSeesOwnRoleAndScope(String username, String role, String district, String university)
            throws Exception {
        ResponseEntity<String> response = http.get().uri("/api/me")
                .headers(headers -> headers.setBasicAuth(username, DemoUsers.PASSWORD))
                .retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode me = json.readTree(response.getBody());
        assertThat(me.get("username").asText()).isEqualTo(username);
        assertThat(me.get("displayName").asText()).isNotBlank();
        assertThat(me.get("roles")).hasSize(1);
        assertThat(me.get("roles").get(0).asText()).isEqualTo(role);
        // present even when null: the contract names both fields
        assertThat(me.has("district")).isTrue();
        assertThat(me.has("university")).isTrue();
        assertThat(me.get("district").isNull() ? null : me.get("district").asText()).isEqualTo(district);
        assertThat(me.get("university").isNull() ? null : me.get("university").asText()).isEqualTo(university);
    }

    @Test
    void displayNameIsChinese() throws Exception {
        String body = http.get().uri("/api/me")
                .headers(headers -> headers.setBasicAuth("cw.pengjiang", DemoUsers.PASSWORD))
                .retrieve().body(String.class);

        assertThat(json.readTree(body).get("displayName").asText()).contains("蓬江区");
    }

    @Test
    void wrongPasswordIs401Problem() throws Exception {
        ResponseEntity<String> response = http.get().uri("/api/me")
                .headers(headers -> headers.setBasicAuth("cw.pengjiang", "not-the-password"))
                .retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertProblem(response, 401);
    }

    @Test
    void unknownUserIs401Problem() throws Exception {
        ResponseEntity<String> response = http.get().uri("/api/me")
                .headers(headers -> headers.setBasicAuth("nobody", DemoUsers.PASSWORD))
                .retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertProblem(response, 401);
    }

    @Test
    void noCredentialsIs401ProblemWithAChallengeThatOpensNoBrowserDialogNotRedirect() throws Exception {
        ResponseEntity<String> response = http.get().uri("/api/me")
                .accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON)
                .retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo(ProblemResponses.CHALLENGE);
        assertThat(response.getHeaders().getLocation()).isNull();
        assertProblem(response, 401);
    }

    private void assertProblem(ResponseEntity<String> response, int status) throws Exception {
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
    }
}
