package org.leye.casework.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * User accounts over the real HTTP API (issue 20, item 1): who creates, lists and changes whose
 * account, the first password changed before anything else, and every creation and change audited.
 * With users of this test's own, never the demo users.
 */
@IntegrationTest
class UserApiTest {

    static final String FIRST = "first-password-1";
    static final String OWN = "my-own-password-2";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    static String name(String prefix) {
        return prefix + "." + TestGraduates.tag();
    }

    static Map<String, Object> account(String username, String role, String district, String university) {
        Map<String, Object> body = map("username", username, "displayName", "测试 " + username, "role", role,
                "email", username + "@example.org", "password", FIRST);
        if (district != null) {
            body.put("district", district);
        }
        if (university != null) {
            body.put("university", university);
        }
        return body;
    }

    Api.Response patch(Api caller, String username, Object body) {
        return caller.exchange(HttpMethod.PATCH, "/api/users/" + username, body);
    }

    List<String> audited(String action, String username) {
        return jdbc.queryForList("SELECT actor || ': ' || detail FROM audit_log WHERE action = ? AND detail LIKE ? "
                + "ORDER BY id", String.class, action, "%user " + username + "%");
    }

    @Test
    void anAdministratorCreatesAUserWhoChoosesTheirOwnPasswordBeforeAnythingElse() {
        Api admin = Api.as(rest, "admin");
        String username = name("new.cw");

        Api.Response created = admin.post("/api/users", account(username, "CASEWORKER", "440703", null)).expect(201);

        JsonNode user = created.json();
        assertThat(created.headers().getLocation()).hasPath("/api/users/" + username);
        assertThat(user.path("username").asText()).isEqualTo(username);
        assertThat(user.path("role").asText()).isEqualTo("CASEWORKER");
        assertThat(user.path("district").asText()).isEqualTo("440703");
        assertThat(user.path("enabled").asBoolean()).isTrue();
        assertThat(user.path("passwordChangeRequired").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain(FIRST).doesNotContainIgnoringCase("password\"");
        assertThat(audited("USER_CREATED", username)).containsExactly("admin: created user " + username
                + ": CASEWORKER 440703");

        Api first = Api.as(rest, username, FIRST);
        first.get("/api/me").expect(200);
        JsonNode refused = first.get("/api/tasks").expect(403).json();
        assertThat(refused.path("passwordChangeRequired").asBoolean()).isTrue();
        assertThat(refused.path("detail").asText()).contains("PUT /api/me/password");

        first.exchange(HttpMethod.PUT, "/api/me/password", map("currentPassword", "wrong-password-0",
                "newPassword", OWN)).expect(400);
        JsonNode tooShort = first.exchange(HttpMethod.PUT, "/api/me/password", map("currentPassword", FIRST,
                "newPassword", "short")).expect(400).json();
        assertThat(tooShort.path("errors").get(0).path("field").asText()).isEqualTo("newPassword");
        JsonNode theUsername = first.exchange(HttpMethod.PUT, "/api/me/password", map("currentPassword", FIRST,
                "newPassword", username.toUpperCase())).expect(400).json();
        assertThat(theUsername.path("errors").get(0).path("field").asText()).isEqualTo("newPassword");
        JsonNode wrong = first.exchange(HttpMethod.PUT, "/api/me/password", map("currentPassword", "wrong-password-0",
                "newPassword", OWN)).expect(400).json();
        assertThat(wrong.path("errors").get(0).path("field").asText()).isEqualTo("currentPassword");
        first.exchange(HttpMethod.PUT, "/api/me/password", map("currentPassword", FIRST, "newPassword", FIRST))
                .expect(400);

        first.exchange(HttpMethod.PUT, "/api/me/password", map("currentPassword", FIRST, "newPassword", OWN))
                .expect(204);

        first.get("/api/tasks").expect(401);
        Api.as(rest, username, OWN).get("/api/tasks").expect(200);
        assertThat(admin.get("/api/users/" + username).expect(200).json().path("passwordChangeRequired").asBoolean())
                .isFalse();
        assertThat(audited("USER_CHANGED", username)).containsExactly(username + ": password of user " + username
                + " changed by the user");
    }

    @Test
    void aDuplicateUserNameIsAConflictAndBadFieldsAreNamed() {
        Api admin = Api.as(rest, "admin");
        String username = name("dup");
        admin.post("/api/users", account(username, "HELPER", null, "WYU")).expect(201);

        admin.post("/api/users", account(username, "HELPER", null, "WYU")).expect(409);

        Map<String, Object> badName = account("Bad Name", "HELPER", null, "WYU");
        badName.put("email", "bad.name@example.org");
        assertThat(fieldsRefused(admin, badName)).containsExactly("username");
        assertThat(fieldsRefused(admin, account(name("nodistrict"), "CASEWORKER", null, null)))
                .containsExactly("district");
        assertThat(fieldsRefused(admin, account(name("twoscopes"), "COUNSELOR", "440703", "WYU")))
                .containsExactly("district");
        assertThat(fieldsRefused(admin, account(name("unknown"), "CASEWORKER", "999999", null)))
                .containsExactly("district");
        assertThat(fieldsRefused(admin, account(name("nouni"), "HELPER", null, "NO-SUCH")))
                .containsExactly("university");
        Map<String, Object> shortPassword = account(name("short"), "HELPER", null, "WYU");
        shortPassword.put("password", "eleven-char");
        assertThat(fieldsRefused(admin, shortPassword)).containsExactly("password");
        String same = name("same.as.username");
        Map<String, Object> usernameAsPassword = account(same, "HELPER", null, "WYU");
        usernameAsPassword.put("password", same);
        assertThat(fieldsRefused(admin, usernameAsPassword)).containsExactly("password");
        Map<String, Object> badEmail = account(name("mail"), "HELPER", null, "WYU");
        badEmail.put("email", "not an address");
        assertThat(fieldsRefused(admin, badEmail)).containsExactly("email");
        assertThat(fieldsRefused(admin, map("username", name("norole"), "displayName", "x", "password", FIRST)))
                .containsExactly("role");
    }

    static List<String> fieldsRefused(Api caller, Object body) {
        return caller.post("/api/users", body).expect(400).json().path("errors").findValuesAsText("field");
    }

    @Test
    void aDistrictSupervisorManagesTheCaseworkersAndFederationOfficersOfTheirDistrictOnly() {
        Api sup = Api.as(rest, "sup.pengjiang");
        String cw = name("sup.cw");
        String dpf = name("sup.dpf");
        sup.post("/api/users", account(cw, "CASEWORKER", "440703", null)).expect(201);
        sup.post("/api/users", account(dpf, "DPF_OFFICER", "440703", null)).expect(201);

        sup.post("/api/users", account(name("other.district"), "CASEWORKER", "440781", null)).expect(403);
        sup.post("/api/users", account(name("a.supervisor"), "SUPERVISOR", "440703", null)).expect(403);
        sup.post("/api/users", account(name("a.helper"), "HELPER", null, "WYU")).expect(403);

        JsonNode listed = sup.get("/api/users?size=200").expect(200).json();
        List<String> usernames = listed.path("content").findValuesAsText("username");
        assertThat(usernames).contains(cw, dpf, "cw.pengjiang", "cw.pengjiang2", "dpf.pengjiang")
                .doesNotContain("cw.taishan", "dpf.taishan", "sup.pengjiang", "admin", "teacher.wyu");
        assertThat(listed.path("content").findValuesAsText("district")).containsOnly("440703");
        assertThat(listed.toString()).doesNotContainIgnoringCase("password\":").doesNotContain("passwordHash");
        assertThat(sup.get("/api/users?role=DPF_OFFICER&size=200").expect(200).json().path("content")
                .findValuesAsText("username")).contains(dpf, "dpf.pengjiang").doesNotContain(cw);
        assertThat(sup.get("/api/users?q=" + cw.substring(cw.indexOf('.') + 1)).expect(200).json().path("content")
                .findValuesAsText("username")).containsExactly(cw);

        patch(sup, "cw.taishan", map("enabled", false)).expect(404);
        sup.get("/api/users/cw.taishan").expect(404);
        patch(sup, cw, map("role", "SUPERVISOR", "district", "440703")).expect(403);
        patch(sup, cw, map("district", "440781")).expect(403);
        JsonNode disabled = patch(sup, cw, map("enabled", false, "displayName", "新名字")).expect(200).json();
        assertThat(disabled.path("enabled").asBoolean()).isFalse();
        assertThat(disabled.path("displayName").asText()).isEqualTo("新名字");
        Api.as(rest, cw, FIRST).get("/api/me").expect(401);
        assertThat(audited("USER_CHANGED", cw)).containsExactly(
                "sup.pengjiang: display name of user " + cw + " changed",
                "sup.pengjiang: disabled user " + cw);
    }

    @Test
    void aCounselorManagesTheHelpersOfTheirUniversityOnly() {
        Api counselor = Api.as(rest, "counselor.wyu");
        String helper = name("uni.helper");
        counselor.post("/api/users", account(helper, "HELPER", null, "WYU")).expect(201);

        counselor.post("/api/users", account(name("other.uni"), "HELPER", null, "JMPT")).expect(403);
        counselor.post("/api/users", account(name("uni.counselor"), "COUNSELOR", null, "WYU")).expect(403);
        counselor.post("/api/users", account(name("uni.cw"), "CASEWORKER", "440703", null)).expect(403);

        List<String> usernames = counselor.get("/api/users?size=200").expect(200).json().path("content")
                .findValuesAsText("username");
        assertThat(usernames).contains(helper, "teacher.wyu", "teacher2.wyu")
                .doesNotContain("teacher.jmpt", "counselor.wyu", "cw.pengjiang");
        patch(counselor, "teacher.jmpt", map("enabled", false)).expect(404);
        JsonNode changed = patch(counselor, helper, map("email", "")).expect(200).json();
        assertThat(changed.has("email")).as("the e-mail address removed").isFalse();
    }

    @Test
    void whoeverManagesNoAccountIsRefused() {
        for (String user : List.of("cw.pengjiang", "teacher.wyu", "dpf.pengjiang", "sup.city")) {
            Api caller = Api.as(rest, user);
            caller.get("/api/users").expect(403);
            caller.post("/api/users", account(name("refused"), "CASEWORKER", "440703", null)).expect(403);
            patch(caller, "cw.pengjiang2", map("enabled", false)).expect(403);
        }
        Api.anonymous(rest).get("/api/users").expect(401);
    }

    @Test
    void anAdministratorChangesTheRoleAndScopeOfAnyoneButThemselves() {
        Api admin = Api.as(rest, "admin");
        String username = name("admin.changes");
        admin.post("/api/users", account(username, "CASEWORKER", "440703", null)).expect(201);

        JsonNode moved = patch(admin, username, map("district", "440781")).expect(200).json();
        assertThat(moved.path("role").asText()).isEqualTo("CASEWORKER");
        assertThat(moved.path("district").asText()).isEqualTo("440781");
        JsonNode city = patch(admin, username, map("role", "SUPERVISOR")).expect(200).json();
        assertThat(city.has("district")).as("a city supervisor: the district left out is none").isFalse();
        JsonNode counselor = patch(admin, username, map("role", "COUNSELOR", "university", "JMPT")).expect(200).json();
        assertThat(counselor.path("university").asText()).isEqualTo("JMPT");
        JsonNode wrongScope = patch(admin, username, map("role", "CASEWORKER")).expect(400).json();
        assertThat(wrongScope.path("errors").findValuesAsText("field")).containsExactly("district");
        patch(admin, username, map("email", "not an address")).expect(400);
        patch(admin, name("nobody"), map("enabled", false)).expect(404);
        patch(admin, "admin", map("enabled", false)).expect(422);

        assertThat(audited("USER_CHANGED", username)).containsExactly(
                "admin: role of user " + username + ": CASEWORKER 440703 -> CASEWORKER 440781",
                "admin: role of user " + username + ": CASEWORKER 440781 -> SUPERVISOR (city)",
                "admin: role of user " + username + ": SUPERVISOR (city) -> COUNSELOR JMPT");
        JsonNode auditPage = admin.get("/api/audit?action=USER_CREATED&actor=admin&size=200").expect(200).json();
        assertThat(auditPage.path("content").findValuesAsText("detail")).contains("created user " + username
                + ": CASEWORKER 440703");
    }

    @Test
    void aManagerResetsAForgottenPasswordWhichTheUserChangesBeforeAnythingElse() {
        Api sup = Api.as(rest, "sup.pengjiang");
        String username = name("forgot.cw");
        sup.post("/api/users", account(username, "CASEWORKER", "440703", null)).expect(201);
        Api.as(rest, username, FIRST).exchange(HttpMethod.PUT, "/api/me/password",
                map("currentPassword", FIRST, "newPassword", OWN)).expect(204);
        String path = "/api/users/" + username + "/password";

        JsonNode tooShort = sup.exchange(HttpMethod.PUT, path, map("password", "short")).expect(400).json();
        assertThat(tooShort.path("errors").get(0).path("field").asText()).isEqualTo("password");
        JsonNode missing = sup.exchange(HttpMethod.PUT, path, map()).expect(400).json();
        assertThat(missing.path("errors").get(0).path("field").asText()).isEqualTo("password");
        Api.as(rest, "cw.pengjiang").exchange(HttpMethod.PUT, path, map("password", "reset-password-3")).expect(403);
        sup.exchange(HttpMethod.PUT, "/api/users/cw.taishan/password", map("password", "reset-password-3"))
                .expect(404);
        sup.exchange(HttpMethod.PUT, "/api/users/sup.pengjiang/password", map("password", "reset-password-3"))
                .expect(404);
        Api.as(rest, "admin").exchange(HttpMethod.PUT, "/api/users/admin/password",
                map("password", "reset-password-3")).expect(422);
        Api.as(rest, username, OWN).get("/api/tasks").expect(200);

        sup.exchange(HttpMethod.PUT, path, map("password", "reset-password-3")).expect(204);

        Api.as(rest, username, OWN).get("/api/tasks").expect(401);
        JsonNode refused = Api.as(rest, username, "reset-password-3").get("/api/tasks").expect(403).json();
        assertThat(refused.path("passwordChangeRequired").asBoolean()).isTrue();
        assertThat(sup.get("/api/users/" + username).expect(200).json().path("passwordChangeRequired").asBoolean())
                .isTrue();
        assertThat(audited("USER_CHANGED", username)).containsExactly(
                username + ": password of user " + username + " changed by the user",
                "sup.pengjiang: password of user " + username + " reset, to be changed at the next sign-in");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE detail LIKE '%reset-password-3%'",
                Integer.class)).as("no password in the audit log").isZero();
    }
}
