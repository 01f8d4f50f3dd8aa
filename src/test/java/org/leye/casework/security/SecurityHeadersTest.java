package org.leye.casework.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.leye.casework.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

@IntegrationTest
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    @Test
    void apiResponseCarriesSecurityHeaders() {
        ResponseEntity<String> response = TestHttp.client(port).get().uri("/api/me")
                .headers(headers -> headers.setBasicAuth("cw.taishan", DemoUsers.PASSWORD))
                .retrieve().toEntity(String.class);

        HttpHeaders headers = response.getHeaders();
        assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo(SecurityConfig.CONTENT_SECURITY_POLICY);
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void problemResponseCarriesSecurityHeadersToo() {
        ResponseEntity<String> response = TestHttp.client(port).get().uri("/api/me").retrieve().toEntity(String.class);

        assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeaders().getFirst("Content-Security-Policy")).isNotNull();
    }

    @Test
    void browserOutsideTheApiIsSentToTheLoginPage() {
        ResponseEntity<Void> response = TestHttp.client(port).get().uri("/")
                .accept(MediaType.TEXT_HTML).retrieve().toBodilessEntity();

        assertThat(response.getStatusCode().value()).isEqualTo(302);
        assertThat(response.getHeaders().getLocation()).hasPath("/login");
    }

    @Test
    void publicPagesNeedNoLogin() {
        RestClient http = TestHttp.client(port);

        assertThat(http.get().uri("/actuator/health").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
        assertThat(http.get().uri("/login").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void theApiDescriptionAndSwaggerUiNeedASignedInUser() {
        RestClient http = TestHttp.client(port);

        assertThat(http.get().uri("/v3/api-docs").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(401);
        ResponseEntity<Void> page = http.get().uri("/swagger-ui.html").accept(MediaType.TEXT_HTML).retrieve()
                .toBodilessEntity();
        assertThat(page.getStatusCode().value()).isEqualTo(302);
        assertThat(page.getHeaders().getLocation()).hasPath("/login");
        assertThat(http.get().uri("/swagger-ui/index.html").accept(MediaType.TEXT_HTML).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(302);

        // any role: the helper, who may do least
        ResponseEntity<String> docs = http.get().uri("/v3/api-docs")
                .headers(headers -> headers.setBasicAuth("teacher.wyu", DemoUsers.PASSWORD))
                .retrieve().toEntity(String.class);
        assertThat(docs.getStatusCode().value()).isEqualTo(200);
        assertThat(docs.getBody()).contains("/api/graduates");
        RestClient browser = TestHttp.clientKeepingCookies(port);
        TestHttp.formLogin(browser, "teacher.wyu", DemoUsers.PASSWORD);
        assertThat(browser.get().uri("/swagger-ui/index.html").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void plainHttpGetsNoHstsAndASessionCookieThatIsHttpOnlyAndLaxButNotSecure() {
        RestClient http = TestHttp.client(port);
        ResponseEntity<String> login = http.get().uri("/login").retrieve().toEntity(String.class);

        assertThat(login.getHeaders().getFirst("Strict-Transport-Security")).as("HSTS only over https").isNull();
        String cookie = login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void formLoginSessionNeedsCsrfTokenToWriteButBasicAuthDoesNot() {
        RestClient browser = TestHttp.clientKeepingCookies(port);
        TestHttp.formLogin(browser, "cw.pengjiang", DemoUsers.PASSWORD);

        // the session signs the browser in
        assertThat(browser.get().uri("/api/me").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
        // a write on the strength of the session cookie alone is refused (403); with the token it
        // reaches the application, which has no POST /api/me (405)
        assertThat(browser.post().uri("/api/me").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(403);
        String token = TestHttp.csrfToken(browser.get().uri("/login").retrieve().body(String.class));
        assertThat(browser.post().uri("/api/me").header("X-CSRF-TOKEN", token)
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(405);
        // an API client sending Basic credentials needs no token
        assertThat(TestHttp.client(port).post().uri("/api/me")
                .headers(headers -> headers.setBasicAuth("cw.pengjiang", DemoUsers.PASSWORD))
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(405);
    }
}
