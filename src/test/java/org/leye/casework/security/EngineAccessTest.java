package org.leye.casework.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leye.casework.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

@IntegrationTest
class EngineAccessTest {

    private static final String COCKPIT = "/camunda/app/cockpit/default/";

    @LocalServerPort
    int port;

    RestClient http;

    @BeforeEach
    void client() {
        http = TestHttp.client(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/engine", "/engine-rest/process-definition"})
    void engineRestWithoutCredentialsIs401ProblemWithAChallengeThatOpensNoBrowserDialog(String path) {
        ResponseEntity<String> response = http.get().uri(path).retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo(ProblemResponses.CHALLENGE);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/engine", "/engine-rest/process-definition"})
    void engineRestIsForbiddenToCaseworker(String path) {
        ResponseEntity<String> response = get(path, "cw.pengjiang");

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/engine", "/engine-rest/process-definition"})
    void engineRestIsOpenToAdmin(String path) {
        assertThat(get(path, "admin").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void engineRestIsForbiddenToCitySupervisor() {
        assertThat(get("/engine-rest/task", "sup.city").getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void cockpitIsNotServedAnonymously() {
        ResponseEntity<String> response = http.get().uri(COCKPIT).accept(MediaType.TEXT_HTML)
                .retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isIn(401, 302);
        if (response.getStatusCode().value() == 302) {
            assertThat(response.getHeaders().getLocation()).hasPath("/login");
        }
    }

    @Test
    void cockpitIsForbiddenToCaseworker() {
        assertThat(get(COCKPIT, "cw.pengjiang").getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void cockpitIsServedToAdminSignedInThroughSpringSecurity() {
        ResponseEntity<String> response = get(COCKPIT, "admin");

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).containsIgnoringCase("<html");
    }

    @Test
    void adminSignedInWithTheLoginFormOpensCockpit() {
        RestClient browser = TestHttp.clientKeepingCookies(port);
        TestHttp.formLogin(browser, "admin", DemoUsers.PASSWORD);

        assertThat(browser.get().uri(COCKPIT).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
        assertThat(browser.get().uri("/camunda/api/admin/auth/user/default").retrieve().body(String.class))
                .contains("\"userId\":\"admin\"");
    }

    @Test
    void caseworkerSignedInWithTheLoginFormIsKeptOutOfTheWebapps() {
        RestClient browser = TestHttp.clientKeepingCookies(port);
        TestHttp.formLogin(browser, "cw.pengjiang", DemoUsers.PASSWORD);

        assertThat(browser.get().uri(COCKPIT).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
        assertThat(browser.get().uri("/camunda/api/engine/engine/default/task/count").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void webappApiKnowsTheAdminOnceTheAppIsOpened() {
        RestClient browser = TestHttp.clientKeepingCookies(port);
        browser.get().uri(COCKPIT).headers(headers -> headers.setBasicAuth("admin", DemoUsers.PASSWORD))
                .retrieve().toBodilessEntity();

        ResponseEntity<String> response = browser.get().uri("/camunda/api/admin/auth/user/default")
                .headers(headers -> headers.setBasicAuth("admin", DemoUsers.PASSWORD))
                .retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"userId\":\"admin\"").contains("cockpit");
    }

    @Test
    void webappsKeepTheirOwnContentSecurityPolicy() {
        ResponseEntity<String> response = get(COCKPIT, "admin");

        assertThat(response.getHeaders().get("Content-Security-Policy"))
                .hasSize(1)
                .noneMatch(policy -> policy.equals(SecurityConfig.CONTENT_SECURITY_POLICY));
        assertThat(response.getHeaders().getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
    }

    private ResponseEntity<String> get(String path, String username) {
        return http.get().uri(path)
                .headers(headers -> headers.setBasicAuth(username, DemoUsers.PASSWORD))
                .retrieve().toEntity(String.class);
    }
}
