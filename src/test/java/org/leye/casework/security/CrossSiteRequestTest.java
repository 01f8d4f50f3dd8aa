package org.leye.casework.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * A state-changing request that a browser sends from another site's page is refused (403) whatever
 * credentials it carries, and changes nothing; the same request from our own pages, or from a
 * program that sends neither {@code Origin} nor {@code Sec-Fetch-Site}, goes through.
 */
@IntegrationTest
class CrossSiteRequestTest {

    static final String EVIL = "https://evil.example";

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    String ownOrigin() {
        return "http://localhost:" + port;
    }

    ResponseEntity<String> registerGraduate(String name, Consumer<HttpHeaders> browser) throws Exception {
        String body = json.writeValueAsString(TestGraduates.graduate(name, "440703"));
        return TestHttp.client(port).post().uri("/api/graduates").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    h.setBasicAuth("cw.pengjiang", DemoUsers.PASSWORD);
                    browser.accept(h);
                }).body(body).retrieve().toEntity(String.class);
    }

    ResponseEntity<String> uploadHandover(String name, Consumer<HttpHeaders> browser) {
        String boundary = "----crosssite" + TestGraduates.tag();
        String csv = "姓名,身份证号,性别,联系电话,学校,专业,学历,毕业年份,所属区县,困难类别,就业意愿\n" + name + ","
                + TestGraduates.idNumber("440703", org.leye.casework.graduates.Gender.FEMALE) + ",女,"
                + TestGraduates.phone() + ",五邑大学,会计学,本科,2023,440703,,是\n";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"list.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return TestHttp.client(port).post().uri("/api/handovers")
                .contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary))
                .headers(h -> {
                    h.setBasicAuth("cw.pengjiang", DemoUsers.PASSWORD);
                    browser.accept(h);
                }).body(multipart.getBytes(StandardCharsets.UTF_8)).retrieve().toEntity(String.class);
    }

    boolean registered(String name) throws Exception {
        String page = TestHttp.client(port).get().uri("/api/graduates?q={q}", name)
                .headers(h -> h.setBasicAuth("cw.pengjiang", DemoUsers.PASSWORD)).retrieve().body(String.class);
        return json.readTree(page).path("totalElements").asLong() > 0;
    }

    long handovers() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM handover", Long.class);
    }

    void assertCrossSiteRefusal(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.path("status").asInt()).isEqualTo(403);
        assertThat(problem.path("detail").asText()).contains("another site");
        assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).as("security headers").isEqualTo("nosniff");
    }

    @Test
    void aForgedPostFromAnotherOriginWithACaseworkersBasicCredentialsRegistersNobody() throws Exception {
        String name = "跨站登记" + TestGraduates.tag();

        assertCrossSiteRefusal(registerGraduate(name, h -> h.setOrigin(EVIL)));
        assertThat(registered(name)).isFalse();
    }

    @Test
    void aForgedPostThatTheBrowserMarksCrossSiteRegistersNobody() throws Exception {
        String name = "跨站标记" + TestGraduates.tag();

        assertCrossSiteRefusal(registerGraduate(name, h -> h.set("Sec-Fetch-Site", "cross-site")));
        assertCrossSiteRefusal(registerGraduate(name, h -> h.set("Sec-Fetch-Site", "same-site")));
        assertThat(registered(name)).isFalse();
    }

    @Test
    void aForgedHandOverUploadIsRefusedAndNothingIsHandedOver() throws Exception {
        String name = "跨站移交" + TestGraduates.tag();
        long before = handovers();

        assertCrossSiteRefusal(uploadHandover(name, h -> h.setOrigin(EVIL)));
        assertCrossSiteRefusal(uploadHandover(name, h -> h.set("Sec-Fetch-Site", "cross-site")));
        assertThat(handovers()).as("no hand-over received").isEqualTo(before);
        assertThat(registered(name)).isFalse();
    }

    @Test
    void originNullAndOriginsDifferingInSchemeOrPortAreRefused() throws Exception {
        assertCrossSiteRefusal(registerGraduate("跨站空源", h -> h.set(HttpHeaders.ORIGIN, "null")));
        assertCrossSiteRefusal(registerGraduate("跨站协议", h -> h.setOrigin("https://localhost:" + port)));
        assertCrossSiteRefusal(registerGraduate("跨站端口", h -> h.setOrigin("http://localhost:" + (port + 1))));
        assertCrossSiteRefusal(registerGraduate("跨站主机", h -> h.setOrigin("http://127.0.0.2:" + port)));
    }

    @Test
    void aPostFromOurOwnPagesIsRegistered() throws Exception {
        String name = "同源登记" + TestGraduates.tag();

        ResponseEntity<String> response = registerGraduate(name, h -> {
            h.setOrigin(ownOrigin());
            h.set("Sec-Fetch-Site", "same-origin");
        });

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        assertThat(registered(name)).isTrue();
    }

    @Test
    void aProgramSendingNeitherOriginNorFetchMetadataIsRegistered() throws Exception {
        String name = "程序登记" + TestGraduates.tag();

        assertThat(registerGraduate(name, h -> { }).getStatusCode().value()).isEqualTo(201);
        assertThat(registerGraduate(name + "乙", h -> h.set("Sec-Fetch-Site", "none")).getStatusCode().value())
                .as("typed by the user, not sent by a page").isEqualTo(201);
        assertThat(registered(name)).isTrue();
    }

    @Test
    void readsFromAnotherSiteAreNotRefused() {
        ResponseEntity<String> response = TestHttp.client(port).get().uri("/api/me").headers(h -> {
            h.setBasicAuth("cw.pengjiang", DemoUsers.PASSWORD);
            h.setOrigin(EVIL);
            h.set("Sec-Fetch-Site", "cross-site");
        }).retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aLoginFormPostedFromAnotherSiteSignsNobodyIn() throws Exception {
        RestClient browser = TestHttp.clientKeepingCookies(port);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "cw.pengjiang");
        form.add("password", DemoUsers.PASSWORD);
        form.add("_csrf", TestHttp.csrfToken(browser.get().uri("/login").retrieve().body(String.class)));

        ResponseEntity<String> login = browser.post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header(HttpHeaders.ORIGIN, EVIL).body(form).retrieve().toEntity(String.class);

        assertCrossSiteRefusal(login);
        assertThat(browser.get().uri("/api/me").retrieve().toBodilessEntity().getStatusCode().value())
                .as("not signed in").isEqualTo(401);
        assertThat(browser.post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header(HttpHeaders.ORIGIN, ownOrigin()).body(form).retrieve().toBodilessEntity()
                .getStatusCode().value()).as("the same form from our own login page").isEqualTo(302);
        assertThat(browser.get().uri("/api/me").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aLogoutPostedFromAnotherSiteKeepsTheSession() throws Exception {
        RestClient browser = TestHttp.clientKeepingCookies(port);
        TestHttp.formLogin(browser, "cw.pengjiang", DemoUsers.PASSWORD);
        String token = TestHttp.csrfToken(browser.get().uri("/login").retrieve().body(String.class));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", token);

        assertCrossSiteRefusal(browser.post().uri("/logout").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("Sec-Fetch-Site", "cross-site").body(form).retrieve().toEntity(String.class));
        assertThat(browser.get().uri("/api/me").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void theEngineAndItsWebappsRefuseAnAdministratorsForgedWrites() throws Exception {
        RestClient http = TestHttp.client(port);
        String boundary = "----deploy" + TestGraduates.tag();
        String deployment = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
                + "forged\r\n--" + boundary + "--\r\n";

        ResponseEntity<String> deploy = http.post().uri("/engine-rest/deployment/create")
                .contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary))
                .headers(h -> {
                    h.setBasicAuth("admin", DemoUsers.PASSWORD);
                    h.setOrigin(EVIL);
                }).body(deployment.getBytes(StandardCharsets.UTF_8)).retrieve().toEntity(String.class);
        assertCrossSiteRefusal(deploy);

        ResponseEntity<String> webapp = http.post().uri("/camunda/api/engine/engine/default/process-instance/count")
                .contentType(MediaType.APPLICATION_JSON).headers(h -> {
                    h.setBasicAuth("admin", DemoUsers.PASSWORD);
                    h.set("Sec-Fetch-Site", "cross-site");
                }).body(Map.of()).retrieve().toEntity(String.class);
        assertCrossSiteRefusal(webapp);
    }
}
