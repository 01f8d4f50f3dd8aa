package org.leye.casework.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Repeated wrong passwords over real HTTP, with users of this test's own (the demo users of the
 * shared context are never locked): HTTP Basic gets 429 with a problem detail, the login form
 * the login page with a message; a success resets; wrong passwords sent at once get no more answers
 * than one after the other. Every failure and lockout is forgotten after
 * each test, so that other tests signing in from the same address are not held back.
 */
@IntegrationTest
class LoginThrottleHttpTest {

    static final String PASSWORD = "throttle-test-password";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    AppUsers users;

    @Autowired
    PasswordEncoder passwords;

    @AfterEach
    void forget() {
        throttle.reset();
    }

    String newUser() {
        String username = "throttle." + TestGraduates.tag();
        users.save(AppUser.create(username, passwords.encode(PASSWORD), "限流测试", Role.HELPER, null, "WYU",
                null, Instant.now()));
        return username;
    }

    ResponseEntity<String> basic(String username, String password) {
        return TestHttp.client(port).get().uri("/api/me").headers(h -> h.setBasicAuth(username, password)).retrieve()
                .toEntity(String.class);
    }

    ResponseEntity<Void> form(RestClient browser, String username, String password) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", username);
        form.add("password", password);
        form.add("_csrf", TestHttp.csrfToken(browser.get().uri("/login").retrieve().body(String.class)));
        return browser.post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve()
                .toBodilessEntity();
    }

    @Test
    void basicAuthenticationIsRefusedWith429AfterFiveFailuresEvenWithTheRightPassword() throws Exception {
        String user = newUser();
        for (int i = 0; i < 5; i++) {
            assertThat(basic(user, "wrong" + i).getStatusCode().value()).isEqualTo(401);
        }
        ResponseEntity<String> refused = basic(user, PASSWORD);
        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getHeaders().getFirst("Retry-After")).matches("\\d+");
        assertThat(Long.parseLong(refused.getHeaders().getFirst("Retry-After"))).isBetween(1L, 900L);
        JsonNode problem = JSON.readTree(refused.getBody());
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("title").asText()).isEqualTo("Too Many Requests");
        assertThat(problem.path("detail").asText()).contains("Too many failed sign-ins");

        assertThat(basic("cw.pengjiang", "demo").getStatusCode().value()).as("other users sign in").isEqualTo(200);
        throttle.reset();
        assertThat(basic(user, PASSWORD).getStatusCode().value()).as("after the cool-down").isEqualTo(200);
    }

    @Test
    void aSuccessResetsTheCount() {
        String user = newUser();
        for (int i = 0; i < 4; i++) {
            assertThat(basic(user, "wrong").getStatusCode().value()).isEqualTo(401);
        }
        assertThat(basic(user, PASSWORD).getStatusCode().value()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(basic(user, "wrong").getStatusCode().value()).isEqualTo(401);
        }
        assertThat(basic(user, PASSWORD).getStatusCode().value()).as("4 + 4 failures with a success between")
                .isEqualTo(200);
    }

    @Test
    void theLoginFormShowsThatSigningInIsLocked() {
        String user = newUser();
        RestClient browser = TestHttp.clientKeepingCookies(port);
        for (int i = 0; i < 5; i++) {
            ResponseEntity<Void> failed = form(browser, user, "wrong");
            assertThat(failed.getHeaders().getLocation().toString()).contains("/login?error");
        }
        ResponseEntity<Void> refused = form(browser, user, PASSWORD);
        assertThat(refused.getStatusCode().value()).isEqualTo(302);
        assertThat(refused.getHeaders().getLocation().toString()).endsWith("/login?locked");
        String page = browser.get().uri("/login?locked").retrieve().body(String.class);
        assertThat(page).contains("登录失败次数过多");
        assertThat(basic(user, PASSWORD).getStatusCode().value()).as("the form's failures hold back Basic too")
                .isEqualTo(429);
    }

    @Test
    void ofTwelveWrongPasswordsSentAtOnceOnlyFiveAreAnsweredAsWrongAndTheRightOneIsRefusedAfter() throws Exception {
        String user = newUser();
        int attempts = 12;
        ExecutorService threads = Executors.newFixedThreadPool(attempts);
        try {
            CountDownLatch ready = new CountDownLatch(attempts);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                String password = "wrong" + i;
                answers.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return basic(user, password).getStatusCode().value();
                }));
            }
            ready.await();
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).as("answered as a wrong password").filteredOn(s -> s == 401).hasSize(5);
            assertThat(statuses).as("answered as refused").filteredOn(s -> s == 429).hasSize(attempts - 5);
        } finally {
            threads.shutdownNow();
        }
        assertThat(basic(user, PASSWORD).getStatusCode().value()).as("the right password after").isEqualTo(429);
    }

    @Test
    void failuresFromOneAddressLockEveryNameFromIt() {
        for (int i = 0; i < 20; i++) {
            assertThat(basic("nobody." + i + "." + TestGraduates.tag(), "x").getStatusCode().value()).isEqualTo(401);
        }
        assertThat(basic("cw.pengjiang", "demo").getStatusCode().value()).isEqualTo(429);
        throttle.reset();
        assertThat(basic("cw.pengjiang", "demo").getStatusCode().value()).isEqualTo(200);
    }
}
