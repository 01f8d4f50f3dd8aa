package org.leye.casework.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.leye.casework.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * No 401 invites a browser to ask for Basic credentials (and then to send them with every request,
 * forged ones included); programs that send their Basic credentials with the request are served.
 */
@IntegrationTest
class UnauthorizedAnswersTest {

    @LocalServerPort
    int port;

    record Call(HttpMethod method, String path, String username, String password, String accept,
                boolean xhr) {
    }

    @Test
    void no401CarriesABasicChallenge() {
        RestClient http = TestHttp.client(port);
        List<Call> calls = List.of(
                new Call(HttpMethod.GET, "/api/me", null, null, "application/json", false),
                new Call(HttpMethod.GET, "/api/me", null, null, "text/html", false),
                new Call(HttpMethod.GET, "/api/me", "cw.pengjiang", "wrong-password", "text/html", false),
                new Call(HttpMethod.GET, "/api/me", "nobody.at.all", "demo", "application/json", false),
                new Call(HttpMethod.POST, "/api/graduates", null, null, "application/json", false),
                new Call(HttpMethod.GET, "/engine-rest/engine", null, null, "application/json", false),
                new Call(HttpMethod.GET, "/engine-rest/engine", "admin", "wrong-password", "application/json", false),
                new Call(HttpMethod.GET, "/camunda/api/engine/engine/default/task/count", null, null,
                        "application/json", true),
                new Call(HttpMethod.GET, "/v3/api-docs", null, null, "application/json", false),
                new Call(HttpMethod.GET, "/inbox", "cw.pengjiang", "wrong-password", "text/html", false),
                new Call(HttpMethod.GET, "/actuator/metrics", null, null, "application/json", false));
        int unauthorized = 0;
        for (Call call : calls) {
            ResponseEntity<String> response = http.method(call.method()).uri(call.path()).headers(h -> {
                if (call.username() != null) {
                    h.setBasicAuth(call.username(), call.password());
                }
                h.set(HttpHeaders.ACCEPT, call.accept());
                if (call.xhr()) {
                    h.set("X-Requested-With", "XMLHttpRequest");
                }
            }).retrieve().toEntity(String.class);
            List<String> challenges = response.getHeaders().getOrEmpty(HttpHeaders.WWW_AUTHENTICATE);
            assertThat(challenges).as(call.toString()).noneMatch(c -> c.regionMatches(true, 0, "Basic", 0, 5));
            if (response.getStatusCode().value() == 401) {
                unauthorized++;
                assertThat(challenges).as("RFC 9110: a 401 names a challenge; " + call).containsExactly(
                        ProblemResponses.CHALLENGE);
            }
        }
        assertThat(unauthorized).as("most of these are 401s").isGreaterThanOrEqualTo(8);
    }

    @Test
    void aProgramSendingBasicCredentialsWithTheRequestIsServed() {
        ResponseEntity<String> me = TestHttp.client(port).get().uri("/api/me")
                .headers(h -> h.setBasicAuth("cw.pengjiang", DemoUsers.PASSWORD)).retrieve().toEntity(String.class);
        ResponseEntity<String> engine = TestHttp.client(port).get().uri("/engine-rest/engine")
                .headers(h -> h.setBasicAuth("admin", DemoUsers.PASSWORD)).retrieve().toEntity(String.class);

        assertThat(me.getStatusCode().value()).isEqualTo(200);
        assertThat(me.getBody()).contains("\"username\":\"cw.pengjiang\"");
        assertThat(engine.getStatusCode().value()).isEqualTo(200);
    }
}
