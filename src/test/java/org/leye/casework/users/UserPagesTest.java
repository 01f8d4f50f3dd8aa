package org.leye.casework.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.leye.casework.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The users pages and the password page over real HTTP, signed in through the login form (issue
 * 20, item 1): a district supervisor lists and creates the accounts they manage, the new user is
 * sent to the password page until they have chosen their own, and a change is saved and audited.
 */
@IntegrationTest
class UserPagesTest {

    static final String FIRST = "first-password-1";
    static final String OWN = "my-own-password-2";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    static MultiValueMap<String, String> form(String... keysAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            form.add(keysAndValues[i], keysAndValues[i + 1]);
        }
        return form;
    }

    static String location(ResponseEntity<?> response) {
        assertThat(response.getStatusCode().value()).as("a redirect").isEqualTo(302);
        return response.getHeaders().getLocation().getPath()
                + (response.getHeaders().getLocation().getQuery() == null ? ""
                        : "?" + response.getHeaders().getLocation().getQuery());
    }

    @Test
    void eachManagerListsTheAccountsTheyManageAndOthersGetTheNotFoundPage() {
        ResponseEntity<String> district = WebSession.signedIn(port, "sup.pengjiang").page("/users");
        assertThat(district.getStatusCode().value()).isEqualTo(200);
        assertThat(district.getBody()).contains("data-username=\"cw.pengjiang\"", "data-username=\"dpf.pengjiang\"")
                .doesNotContain("data-username=\"cw.taishan\"", "data-username=\"admin\"")
                .contains("href=\"/users\"");
        assertThat(WebSession.signedIn(port, "counselor.wyu").page("/users").getBody())
                .contains("data-username=\"teacher.wyu\"").doesNotContain("data-username=\"teacher.jmpt\"");
        assertThat(WebSession.signedIn(port, "admin").page("/users?q=taishan").getBody())
                .contains("data-username=\"cw.taishan\"", "data-username=\"dpf.taishan\"")
                .doesNotContain("data-username=\"cw.pengjiang\"");

        WebSession city = WebSession.signedIn(port, "sup.city");
        assertThat(city.page("/users").getStatusCode().value()).isEqualTo(404);
        assertThat(city.page("/dashboard").getBody()).doesNotContain("href=\"/users\"");
        assertThat(WebSession.signedIn(port, "cw.pengjiang").page("/users/new").getStatusCode().value()).isEqualTo(404);
        assertThat(WebSession.signedIn(port, "sup.pengjiang").page("/users/cw.taishan").getStatusCode().value())
                .as("an account outside the scope").isEqualTo(404);
    }

    @Test
    void aSupervisorCreatesACaseworkerWhoChoosesTheirOwnPasswordAtTheirFirstSignIn() {
        WebSession sup = WebSession.signedIn(port, "sup.pengjiang");
        String username = "page.cw." + TestGraduates.tag();
        ResponseEntity<String> refused = sup.post("/users/new", form("username", username, "displayName", "页面经办",
                "role", "CASEWORKER", "district", "440703", "email", "", "password", "too-short"), "/users/new");
        assertThat(refused.getStatusCode().value()).isEqualTo(200);
        assertThat(refused.getBody()).contains("id=\"password-error\"", "密码至少 12 个字符");

        ResponseEntity<String> created = sup.post("/users/new", form("username", username, "displayName", "页面经办",
                "role", "CASEWORKER", "district", "440703", "email", username + "@example.org", "password", FIRST),
                "/users/new");
        assertThat(location(created)).isEqualTo("/users/" + username);
        assertThat(sup.page("/users/" + username).getBody()).contains("id=\"must-change\"", "页面经办");
        ResponseEntity<String> again = sup.post("/users/new", form("username", username, "displayName", "又一个",
                "role", "CASEWORKER", "district", "440703", "password", FIRST), "/users/new");
        assertThat(again.getBody()).contains("id=\"username-error\"");

        WebSession first = WebSession.signedIn(port, username, FIRST);
        assertThat(location(first.page("/inbox"))).isEqualTo("/account/password");
        assertThat(location(first.page("/graduates"))).isEqualTo("/account/password");
        assertThat(first.page("/account/password").getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> mismatch = first.post("/account/password", form("currentPassword", FIRST,
                "newPassword", OWN, "confirmPassword", OWN + "x"), "/account/password");
        assertThat(mismatch.getBody()).contains("id=\"confirmed-error\"");
        ResponseEntity<String> wrong = first.post("/account/password", form("currentPassword", "not-the-password",
                "newPassword", OWN, "confirmPassword", OWN), "/account/password");
        assertThat(wrong.getBody()).contains("id=\"currentPassword-error\"");

        ResponseEntity<String> changed = first.post("/account/password", form("currentPassword", FIRST,
                "newPassword", OWN, "confirmPassword", OWN), "/account/password");

        assertThat(location(changed)).isEqualTo("/login?passwordChanged");
        assertThat(location(first.page("/inbox"))).as("signed out").isEqualTo("/login");
        assertThat(WebSession.signedIn(port, username, OWN).page("/inbox").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aSupervisorDisablesACaseworkerOnTheirPageAndTheChangeIsAudited() {
        WebSession sup = WebSession.signedIn(port, "sup.pengjiang");
        String username = "page.off." + TestGraduates.tag();
        location(sup.post("/users/new", form("username", username, "displayName", "待停用", "role", "CASEWORKER",
                "district", "440703", "password", FIRST), "/users/new"));

        ResponseEntity<String> saved = sup.post("/users/" + username, form("displayName", "已停用", "role", "CASEWORKER",
                "district", "440703", "email", "", "_enabled", "on"), "/users/" + username);

        assertThat(location(saved)).isEqualTo("/users/" + username);
        assertThat(sup.page("/users?q=" + username).getBody()).contains("已停用", "class=\"badge blacklisted\"");
        assertThat(jdbc.queryForList("SELECT detail FROM audit_log WHERE action = 'USER_CHANGED' AND actor = ? "
                + "AND detail LIKE ? ORDER BY id", String.class, "sup.pengjiang", "%" + username + "%"))
                .containsExactly("display name of user " + username + " changed", "disabled user " + username);
        ResponseEntity<String> otherDistrict = sup.post("/users/" + username, form("displayName", "x", "role",
                "CASEWORKER", "district", "440781", "_enabled", "on"), "/users/" + username);
        assertThat(otherDistrict.getStatusCode().value()).as("a scope the supervisor may not grant").isEqualTo(404);
    }

    @Test
    void aSupervisorResetsAForgottenPasswordAndTheUserIsSignedOutAndChoosesANewOne() {
        WebSession sup = WebSession.signedIn(port, "sup.pengjiang");
        String username = "page.reset." + TestGraduates.tag();
        location(sup.post("/users/new", form("username", username, "displayName", "忘记密码", "role", "CASEWORKER",
                "district", "440703", "password", FIRST), "/users/new"));
        WebSession user = WebSession.signedIn(port, username, FIRST);
        location(user.post("/account/password", form("currentPassword", FIRST, "newPassword", OWN,
                "confirmPassword", OWN), "/account/password"));
        WebSession signedIn = WebSession.signedIn(port, username, OWN);
        assertThat(signedIn.page("/inbox").getStatusCode().value()).isEqualTo(200);
        assertThat(sup.page("/users/" + username).getBody()).contains("id=\"reset-form\"")
                .doesNotContain("id=\"must-change\"");

        ResponseEntity<String> refused = sup.post("/users/" + username + "/password", form("password", username),
                "/users/" + username);
        assertThat(refused.getStatusCode().value()).isEqualTo(200);
        assertThat(refused.getBody()).contains("id=\"password-error\"");
        assertThat(signedIn.page("/inbox").getStatusCode().value()).as("nothing changed yet").isEqualTo(200);

        ResponseEntity<String> reset = sup.post("/users/" + username + "/password", form("password", " reset-pass 3 "),
                "/users/" + username);

        assertThat(location(reset)).isEqualTo("/users/" + username);
        assertThat(sup.page("/users/" + username).getBody()).contains("id=\"must-change\"");
        assertThat(location(signedIn.page("/inbox"))).as("the user's session ended").isEqualTo("/login");
        WebSession afterReset = WebSession.signedIn(port, username, " reset-pass 3 ");
        assertThat(location(afterReset.page("/inbox"))).as("the password taken as typed, to be changed")
                .isEqualTo("/account/password");
        assertThat(jdbc.queryForList("SELECT detail FROM audit_log WHERE action = 'USER_CHANGED' AND actor = ? "
                + "AND detail LIKE ? ORDER BY id", String.class, "sup.pengjiang", "%" + username + "%"))
                .containsExactly("password of user " + username + " reset, to be changed at the next sign-in");
        assertThat(WebSession.signedIn(port, "sup.pengjiang").page("/users/sup.pengjiang").getBody())
                .as("one's own password is changed on the password page").doesNotContain("id=\"reset-form\"");
        assertThat(WebSession.signedIn(port, "sup.pengjiang").post("/users/cw.taishan/password",
                form("password", "another-password-4"), "/users/cw.taishan").getStatusCode().value())
                .as("an account outside the scope").isEqualTo(404);
    }
}
