package org.leye.casework.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** A plain HTTP client for end-to-end tests: no redirects followed, no exception on 4xx/5xx. */
final class TestHttp {

    private TestHttp() {
    }

    static RestClient client(int port) {
        return client(port, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** Like a browser: keeps the cookies (the session) it is given. */
    static RestClient clientKeepingCookies(int port) {
        return client(port, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager()).build());
    }

    /** Signs in through the login form, as a person does; the client keeps the session cookie. */
    static void formLogin(RestClient browser, String username, String password) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", username);
        form.add("password", password);
        form.add("_csrf", csrfToken(browser.get().uri("/login").retrieve().body(String.class)));
        ResponseEntity<Void> login = browser.post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form).retrieve().toBodilessEntity();
        assertThat(login.getStatusCode().value()).isEqualTo(302);
        assertThat(login.getHeaders().getLocation().toString()).as("redirect after login").doesNotContain("error");
    }

    /** The CSRF token of a page rendered by Spring Security (the login page). */
    static String csrfToken(String page) {
        Matcher matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("CSRF token on the page").isTrue();
        return matcher.group(1);
    }

    private static RestClient client(int port, HttpClient http) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(http))
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }
}
