package org.leye.casework.support;

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

/** A browser-like HTTP session for the pages: keeps cookies, signs in through the login form. */
public final class WebSession {

    public final RestClient http;

    private WebSession(RestClient http) {
        this.http = http;
    }

    public static WebSession anonymous(int port) {
        return new WebSession(RestClient.builder().baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager()).build()))
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build());
    }

    public static WebSession signedIn(int port, String username) {
        return signedIn(port, username, "demo");
    }

    public static WebSession signedIn(int port, String username, String password) {
        WebSession session = anonymous(port);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", username);
        form.add("password", password);
        form.add("_csrf", csrf(session.page("/login").getBody()));
        ResponseEntity<Void> login = session.http.post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form).retrieve().toBodilessEntity();
        assertThat(login.getStatusCode().value()).isEqualTo(302);
        assertThat(login.getHeaders().getLocation().toString()).doesNotContain("error");
        return session;
    }

    public ResponseEntity<String> page(String path) {
        return http.get().uri(path).accept(MediaType.TEXT_HTML).retrieve().toEntity(String.class);
    }

    public ResponseEntity<String> get(String path) {
        return http.get().uri(path).retrieve().toEntity(String.class);
    }

    public ResponseEntity<String> post(String path, MultiValueMap<String, String> form, String pageWithToken) {
        form.add("_csrf", csrf(page(pageWithToken).getBody()));
        return http.post().uri(path).accept(MediaType.TEXT_HTML).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form).retrieve()
                .toEntity(String.class);
    }

    public static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("CSRF token on the page").isTrue();
        return m.group(1);
    }
}
