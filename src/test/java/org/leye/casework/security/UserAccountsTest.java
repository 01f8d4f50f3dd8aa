package org.leye.casework.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.leye.casework.audit.AuditLog;
import org.leye.casework.shared.problem.BusinessRuleException;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.problem.NotFoundException;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Disabling a user or changing their role ends their sessions at once: browsers signed in through the
 * login form (sessions in the database, as on every node) are no longer signed in at their next
 * request, and the next sign-in carries the new role. With users of this test's own.
 */
@IntegrationTest
class UserAccountsTest {

    static final String PASSWORD = "accounts-test-password";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    AppUsers users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    CurrentUsers currentUsers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    CurrentUser admin() {
        return currentUsers.find("admin").orElseThrow();
    }

    String newCaseworker() {
        String username = "accounts." + TestGraduates.tag();
        users.save(AppUser.create(username, passwords.encode(PASSWORD), "账号测试", Role.CASEWORKER, "440703", null,
                null, Instant.now()));
        return username;
    }

    RestClient signedIn(String username) {
        RestClient browser = TestHttp.clientKeepingCookies(port);
        TestHttp.formLogin(browser, username, PASSWORD);
        return browser;
    }

    static int status(RestClient browser, String path) {
        return browser.get().uri(path).retrieve().toBodilessEntity().getStatusCode().value();
    }

    JsonNode me(RestClient browser) throws Exception {
        ResponseEntity<String> me = browser.get().uri("/api/me").retrieve().toEntity(String.class);
        assertThat(me.getStatusCode().value()).isEqualTo(200);
        return json.readTree(me.getBody());
    }

    int basic(String username) {
        return TestHttp.client(port).get().uri("/api/me").headers(h -> h.setBasicAuth(username, PASSWORD)).retrieve()
                .toBodilessEntity().getStatusCode().value();
    }

    String formLoginRedirect(String username) {
        RestClient browser = TestHttp.clientKeepingCookies(port);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", username);
        form.add("password", PASSWORD);
        form.add("_csrf", TestHttp.csrfToken(browser.get().uri("/login").retrieve().body(String.class)));
        return browser.post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve()
                .toBodilessEntity().getHeaders().getLocation().toString();
    }

    List<String> audited(String username) {
        return jdbc.queryForList("SELECT detail FROM audit_log WHERE action = ? AND actor = 'admin' AND detail LIKE ? "
                + "ORDER BY id", String.class, AuditLog.USER_CHANGED, "%" + username + "%");
    }

    @Test
    void disablingAUserEndsEveryOneOfTheirSessionsAtOnce() {
        String user = newCaseworker();
        RestClient office = signedIn(user);
        RestClient home = signedIn(user);
        RestClient colleague = TestHttp.clientKeepingCookies(port);
        TestHttp.formLogin(colleague, "cw.pengjiang", DemoUsers.PASSWORD);
        assertThat(status(office, "/api/me")).isEqualTo(200);
        assertThat(status(home, "/inbox")).isEqualTo(200);

        assertThat(accounts.disable(user, admin())).as("sessions ended").isEqualTo(2);

        assertThat(status(office, "/api/me")).as("the API on the old session").isEqualTo(401);
        ResponseEntity<Void> page = home.get().uri("/inbox").accept(MediaType.TEXT_HTML).retrieve().toBodilessEntity();
        assertThat(page.getStatusCode().value()).as("a page on the old session").isEqualTo(302);
        assertThat(page.getHeaders().getLocation()).hasPath("/login");
        assertThat(formLoginRedirect(user)).as("signing in again").contains("/login?error");
        assertThat(status(colleague, "/api/me")).as("another user's session").isEqualTo(200);
        assertThat(audited(user)).containsExactly("disabled user " + user);
    }

    @Test
    void aDisabledUserWhosePasswordWasJustVerifiedIsRefusedAtTheirNextBasicCall() {
        String user = newCaseworker();
        assertThat(basic(user)).isEqualTo(200);
        assertThat(basic(user)).as("the password is now remembered").isEqualTo(200);

        accounts.disable(user, admin());

        assertThat(basic(user)).isEqualTo(401);
        accounts.enable(user, admin());
        assertThat(basic(user)).as("enabled again").isEqualTo(200);
        assertThat(audited(user)).containsExactly("disabled user " + user, "enabled user " + user);
    }

    @Test
    void changingTheRoleEndsTheSessionsAndTheNextSignInCarriesTheNewRole() throws Exception {
        String user = newCaseworker();
        RestClient old = signedIn(user);
        assertThat(me(old).path("roles").get(0).asText()).isEqualTo("CASEWORKER");

        assertThat(accounts.changeRole(user, Role.SUPERVISOR, null, null, admin())).isEqualTo(1);

        assertThat(status(old, "/api/me")).as("the old session, with the old role").isEqualTo(401);
        JsonNode now = me(signedIn(user));
        assertThat(now.path("roles").get(0).asText()).isEqualTo("SUPERVISOR");
        assertThat(now.path("district").isNull()).as("the whole city").isTrue();
        RestClient basic = TestHttp.client(port);
        assertThat(basic.get().uri("/api/caseload?district=440781").headers(h -> h.setBasicAuth(user, PASSWORD))
                .retrieve().toBodilessEntity().getStatusCode().value()).as("HTTP Basic has the new role at once")
                .isEqualTo(200);
        assertThat(audited(user)).containsExactly("role of user " + user + ": CASEWORKER 440703 -> SUPERVISOR (city)");
    }

    @Test
    void theSameRoleAndScopeAgainChangesNothingAndEndsNoSession() {
        String user = newCaseworker();
        RestClient browser = signedIn(user);

        assertThat(accounts.changeRole(user, Role.CASEWORKER, "440703", null, admin())).isZero();

        assertThat(status(browser, "/api/me")).isEqualTo(200);
        assertThat(audited(user)).isEmpty();
    }

    @Test
    void aScopeThatDoesNotFitTheRoleIsRefusedAndChangesNothing() {
        String user = newCaseworker();
        RestClient browser = signedIn(user);

        assertThat(refusedField(() -> accounts.changeRole(user, Role.CASEWORKER, null, null, admin())))
                .isEqualTo("district");
        assertThat(refusedField(() -> accounts.changeRole(user, Role.COUNSELOR, "440703", "WYU", admin())))
                .isEqualTo("district");
        assertThat(refusedField(() -> accounts.changeRole(user, Role.CASEWORKER, "999999", null, admin())))
                .isEqualTo("district");
        assertThat(refusedField(() -> accounts.changeRole(user, Role.COUNSELOR, null, "NO-SUCH-UNI", admin())))
                .isEqualTo("university");
        assertThatThrownBy(() -> accounts.disable("nobody." + TestGraduates.tag(), admin()))
                .isInstanceOf(NotFoundException.class);

        assertThat(status(browser, "/api/me")).isEqualTo(200);
        assertThat(users.findByUsername(user).orElseThrow().getRole()).isEqualTo(Role.CASEWORKER);
    }

    /** The one field that a refusal names. */
    static String refusedField(Runnable change) {
        try {
            change.run();
        } catch (InvalidFieldException refused) {
            assertThat(refused.errors()).hasSize(1);
            return refused.errors().get(0).field();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void onlyAnotherAdministratorManagesAnAccount() {
        String user = newCaseworker();
        CurrentUser supervisor = currentUsers.find("sup.city").orElseThrow();

        assertThatThrownBy(() -> accounts.disable(user, supervisor)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.changeRole(user, Role.ADMIN, null, null, supervisor))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.disable("admin", admin())).as("not oneself")
                .isInstanceOf(BusinessRuleException.class).hasMessage("problem.ownAccount");
        assertThatThrownBy(() -> accounts.changeRole("admin", Role.SUPERVISOR, null, null, admin()))
                .isInstanceOf(BusinessRuleException.class);

        assertThat(basic(user)).isEqualTo(200);
        assertThat(users.findByUsername("admin").orElseThrow().isEnabled()).isTrue();
        assertThat(audited(user)).isEmpty();
    }
}
