package org.leye.casework.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.filter.ForwardedHeaderFilter;

/**
 * The application behind a proxy that ends TLS, with {@code server.forward-headers-strategy=framework}:
 * Spring Boot then puts {@link ForwardedHeaderFilter} in front of everything, and so does this test,
 * over the shared application context (its security filter chain and Spring Session), without a
 * context of its own. A request that came to the proxy over https gets HSTS and a Secure session
 * cookie, a browser's Origin is compared with the address the proxy reports, and the login throttle
 * counts the client's address, not the proxy's; without the strategy, X-Forwarded-For is not believed.
 */
@IntegrationTest
class BehindTlsProxyTest {

    static final String PUBLIC_ORIGIN = "https://casework.example";

    @Autowired
    WebApplicationContext context;

    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter security;

    @Autowired
    SessionRepositoryFilter<?> sessions;

    @Autowired
    LoginThrottle throttle;

    MockMvc proxy;

    @BeforeEach
    void behindTheProxy() {
        proxy = MockMvcBuilders.webAppContextSetup(context).addFilters(new ForwardedHeaderFilter(), sessions, security)
                .build();
    }

    /** A request as the proxy passes it on: the client asked for https://casework.example. */
    static MockHttpServletRequestBuilder overHttps(MockHttpServletRequestBuilder request) {
        return overHttps(request, "203.0.113.20");
    }

    /** ... from this client address. */
    static MockHttpServletRequestBuilder overHttps(MockHttpServletRequestBuilder request, String client) {
        return request.header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "casework.example")
                .header("X-Forwarded-For", client);
    }

    @Test
    void aRequestMadeOverHttpsGetsHstsForAYearWithSubdomains() throws Exception {
        MockHttpServletResponse response = proxy.perform(overHttps(get("/login"))).andReturn().getResponse();

        assertThat(response.getHeader("Strict-Transport-Security")).isNotNull()
                .contains("max-age=" + SecurityConfig.HSTS_MAX_AGE_SECONDS).contains("includeSubDomains");
        assertThat(SecurityConfig.HSTS_MAX_AGE_SECONDS).isEqualTo(31_536_000L);
        assertThat(proxy.perform(get("/login")).andReturn().getResponse().getHeader("Strict-Transport-Security"))
                .as("the same request over plain http").isNull();
    }

    @Test
    void aSignInOverHttpsGetsASecureHttpOnlyLaxSessionCookieAndPassesTheOriginCheck() throws Exception {
        MockHttpServletResponse page = proxy.perform(overHttps(get("/login"))).andReturn().getResponse();
        Cookie session = sessionCookie(page);
        assertThat(setCookie(page)).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");

        MockHttpServletResponse login = proxy.perform(overHttps(post("/login")).cookie(session)
                .header(HttpHeaders.ORIGIN, PUBLIC_ORIGIN).header("Sec-Fetch-Site", "same-origin")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("username", "cw.pengjiang")
                .param("password", DemoUsers.PASSWORD).param("_csrf", csrf(page.getContentAsString())))
                .andReturn().getResponse();

        assertThat(login.getStatus()).isEqualTo(302);
        assertThat(login.getRedirectedUrl()).startsWith(PUBLIC_ORIGIN).doesNotContain("error");
        assertThat(setCookie(login)).as("the session after sign-in").contains("Secure").contains("HttpOnly")
                .contains("SameSite=Lax");
    }

    @Test
    void anOriginOtherThanTheOneTheProxyReportsIsRefused() throws Exception {
        MockHttpServletResponse page = proxy.perform(overHttps(get("/login"))).andReturn().getResponse();

        MockHttpServletResponse login = proxy.perform(overHttps(post("/login")).cookie(sessionCookie(page))
                // the application's own address, but not the one the browser was on
                .header(HttpHeaders.ORIGIN, "http://localhost")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("username", "cw.pengjiang")
                .param("password", DemoUsers.PASSWORD).param("_csrf", csrf(page.getContentAsString())))
                .andReturn().getResponse();

        assertThat(login.getStatus()).isEqualTo(403);
        assertThat(login.getContentAsString()).contains("another site");
    }

    @Test
    void theLoginThrottleCountsTheAddressTheProxyReports() throws Exception {
        try {
            for (int i = 0; i < 20; i++) {
                int status = proxy.perform(overHttps(get("/api/me"), "203.0.113.21")
                        .with(basic("nobody." + i + "." + TestGraduates.tag(), "x"))).andReturn().getResponse().getStatus();
                assertThat(status).isEqualTo(401);
            }
            assertThat(throttle.refusal("someone", "203.0.113.21")).as("the client's address").isPresent();
            assertThat(throttle.refusal("someone", "127.0.0.1")).as("the proxy's address").isEmpty();
            assertThat(proxy.perform(overHttps(get("/api/me"), "203.0.113.21")
                    .with(basic("cw.pengjiang", DemoUsers.PASSWORD))).andReturn().getResponse().getStatus())
                    .isEqualTo(429);
        } finally {
            throttle.reset();
        }
    }

    @Test
    void withoutAForwardHeadersStrategyXForwardedForIsNotBelieved() throws Exception {
        MockMvc direct = MockMvcBuilders.webAppContextSetup(context).addFilters(sessions, security).build();
        try {
            for (int i = 0; i < 20; i++) {
                direct.perform(get("/api/me").header("X-Forwarded-For", "203.0.113.22")
                        .with(basic("nobody." + i + "." + TestGraduates.tag(), "x")));
            }
            assertThat(throttle.refusal("someone", "203.0.113.22")).as("the address the client claims").isEmpty();
            assertThat(throttle.refusal("someone", "127.0.0.1")).as("the address it connects from").isPresent();
        } finally {
            throttle.reset();
        }
    }

    static RequestPostProcessor basic(String username, String password) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
            return request;
        };
    }

    static String setCookie(MockHttpServletResponse response) {
        List<String> cookies = response.getHeaders(HttpHeaders.SET_COOKIE);
        return cookies.stream().filter(c -> c.startsWith("SESSION=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
    }

    static Cookie sessionCookie(MockHttpServletResponse response) {
        String header = setCookie(response);
        return new Cookie("SESSION", header.substring("SESSION=".length(), header.indexOf(';')));
    }

    static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("CSRF token on the page").isTrue();
        return m.group(1);
    }
}
