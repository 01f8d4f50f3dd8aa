package org.leye.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;
import static org.leye.casework.support.TestGraduates.graduate;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leye.casework.shared.CityTime;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The pages of issue 20 in headless Chromium: an administrator creates an account whose user must
 * choose their own password before anything else; a district supervisor changes a caseworker's
 * account; a caseworker corrects a graduate's phone and sees the ledger's entry masked; a supervisor
 * moves a caseworker's work and cases on the caseload page; a supervisor prints a graduate's ledger.
 * The accounts are this test's own, never the demo users. Screenshots go to target/screenshots/.
 */
@IntegrationTest
@ExtendWith(BrowserAvailable.class)
class WebAppAccountsCaseloadPrintBrowserTest extends BrowserPages {

    static final String FIRST = "first-password-1";
    static final String OWN = "my-own-password-2";

    @Test
    void anAdministratorCreatesAUserWhoMustChooseTheirOwnPasswordBeforeAnythingElse() throws IOException {
        String username = "browser.cw." + TestGraduates.tag();
        browser.login("admin");
        browser.click(browser.driver.findElement(By.cssSelector("nav a[href='/users']")));
        assertThat(browser.path()).isEqualTo("/users");
        assertThat(browser.all("#users tbody tr[data-username]")).isNotEmpty();
        browser.screenshot("users");

        browser.click("new-user");
        assertThat(browser.path()).isEqualTo("/users/new");
        browser.fill("username", username);
        browser.fill("displayName", "郑敏（蓬江区经办）");
        browser.choose("role", "CASEWORKER");
        browser.choose("district", "440703");
        browser.fill("email", username + "@example.org");
        browser.fill("password", FIRST);
        browser.screenshot("user-new");
        browser.fill("password", "short"); // refused by the policy, by its field
        browser.click("save");
        assertThat(browser.text("password-error")).isEqualTo("密码至少 12 个字符");
        assertThat(browser.byId("username").getAttribute("value")).isEqualTo(username);
        assertThat(browser.byId("password").getAttribute("value")).as("a password is not sent back").isEmpty();
        browser.fill("password", FIRST);
        browser.click("save");

        assertThat(browser.path()).isEqualTo("/users/" + username);
        assertThat(browser.driver.findElement(By.cssSelector(".notice")).getText())
                .isEqualTo("账号 " + username + " 已创建");
        assertThat(browser.text("must-change")).isEqualTo("此人尚未修改初始密码。");
        JsonNode created = Api.as(rest, "admin").get("/api/users/" + username).expect(200).json();
        assertThat(created.path("role").asText()).isEqualTo("CASEWORKER");
        assertThat(created.path("district").asText()).isEqualTo("440703");
        assertThat(created.path("passwordChangeRequired").asBoolean()).isTrue();

        // the new user, signed in with the first password, is kept on the password page
        browser.login(username, FIRST);
        assertThat(browser.path()).isEqualTo("/account/password");
        browser.open("/inbox");
        assertThat(browser.path()).isEqualTo("/account/password");
        browser.fill("currentPassword", FIRST);
        browser.fill("newPassword", OWN);
        browser.fill("confirmPassword", OWN);
        browser.screenshot("password-change");
        browser.fill("confirmPassword", OWN + "x");
        browser.click("change-password");
        assertThat(browser.text("confirmed-error")).isEqualTo("两次输入的新密码不一致");
        assertThat(browser.byId("newPassword").getAttribute("value")).as("passwords are not sent back").isEmpty();
        assertThat(browser.path()).isEqualTo("/account/password");
        browser.fill("currentPassword", FIRST);
        browser.fill("newPassword", OWN);
        browser.fill("confirmPassword", OWN);
        browser.click("change-password");

        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.text("password-changed")).isEqualTo("密码已修改，请用新密码登录。");
        browser.login(username, FIRST);
        assertThat(browser.driver.getPageSource()).contains("用户名或密码错误");
        browser.login(username, OWN);
        assertThat(browser.path()).isEqualTo("/inbox");
        assertThat(browser.text("me-role")).isEqualTo("经办人员");
        assertThat(Api.as(rest, "admin").get("/api/users/" + username).expect(200).json()
                .path("passwordChangeRequired").asBoolean()).isFalse();

        browser.login("admin");
        browser.open("/users?q=" + username);
        assertThat(browser.driver.findElement(By.cssSelector("#users tr[data-username='" + username + "'] td.status"))
                .getText()).isEqualTo("正常");
    }

    @Test
    void aDistrictSupervisorChangesACaseworkersAccountAndSeesOnlyTheirDistrictsStaff() throws IOException {
        String username = caseworker("browser.edit.", "钱方");
        browser.login("sup.pengjiang");
        browser.click(browser.driver.findElement(By.cssSelector("nav a[href='/users']")));
        List<String> roles = browser.all("#users tbody tr[data-username] td:nth-child(3)").stream()
                .map(WebElement::getText).distinct().toList();
        assertThat(roles).isNotEmpty().allSatisfy(r -> assertThat(r).isIn("经办人员", "残联专干"));
        assertThat(browser.all("#users tr[data-username='counselor.wyu']")).isEmpty();
        assertThat(browser.all("#users tr[data-username='cw.taishan']")).isEmpty();

        browser.fill("q", username);
        browser.click("user-search");
        browser.click(browser.driver.findElement(By.cssSelector("#users tr[data-username='" + username + "'] a")));
        assertThat(browser.path()).isEqualTo("/users/" + username);
        assertThat(options("district")).containsExactly("", "440703");
        assertThat(options("role")).containsExactlyInAnyOrder("", "CASEWORKER", "DPF_OFFICER");
        assertThat(browser.byId("displayName").getAttribute("value")).isEqualTo("钱方（蓬江区经办）");
        assertThat(browser.all("#user-form input[name='username'], #user-form input[name='password']"))
                .as("an account's page changes neither its user name nor its password").isEmpty();
        browser.fill("displayName", "钱芳（蓬江区经办）");
        browser.fill("email", "qian.fang@example.org");
        browser.screenshot("user-edit");
        browser.fill("displayName", ""); // required: refused by its field, nothing saved
        browser.click("save");
        assertThat(browser.text("displayName-error")).isEqualTo("不能为空");
        assertThat(browser.byId("email").getAttribute("value")).isEqualTo("qian.fang@example.org");
        assertThat(Api.as(rest, "sup.pengjiang").get("/api/users/" + username).expect(200).json()
                .path("displayName").asText()).isEqualTo("钱方（蓬江区经办）");
        browser.fill("displayName", "钱芳（蓬江区经办）");
        browser.click("save");

        assertThat(browser.path()).isEqualTo("/users/" + username);
        assertThat(browser.driver.findElement(By.cssSelector(".notice")).getText())
                .isEqualTo("账号 " + username + " 已保存");
        assertThat(browser.byId("displayName").getAttribute("value")).isEqualTo("钱芳（蓬江区经办）");
        JsonNode changed = Api.as(rest, "sup.pengjiang").get("/api/users/" + username).expect(200).json();
        assertThat(changed.path("displayName").asText()).isEqualTo("钱芳（蓬江区经办）");
        assertThat(changed.path("email").asText()).isEqualTo("qian.fang@example.org");
        assertThat(changed.path("enabled").asBoolean()).isTrue();

        // disabled, the account is marked in the list and signs in no more
        browser.click("enabled");
        browser.click("save");
        assertThat(Api.as(rest, "sup.pengjiang").get("/api/users/" + username).expect(200).json()
                .path("enabled").asBoolean()).isFalse();
        browser.open("/users?q=" + username);
        assertThat(browser.driver.findElement(By.cssSelector("#users tr[data-username='" + username + "'] td.status"))
                .getText()).isEqualTo("已停用");
        Api.as(rest, username, OWN).get("/api/me").expect(401);
    }

    @Test
    void aCaseworkerCorrectsAPhoneOnTheEditPageAndTheLedgerShowsItMasked() throws IOException {
        Map<String, Object> body = graduate("更正" + TestGraduates.hanzi(), "440703");
        String oldPhone = (String) body.get("phone");
        long id = Api.as(rest, "cw.pengjiang").post("/api/graduates", body).expect(201).json().path("id").asLong();
        String newPhone = TestGraduates.phone();

        browser.login("cw.pengjiang");
        browser.open("/graduates/" + id);
        browser.click("correct-link");
        assertThat(browser.path()).isEqualTo("/graduates/" + id + "/edit");
        assertThat(browser.byId("phone").getAttribute("value")).as("the phone is never shown whole").isEmpty();
        browser.fill("phone", newPhone);
        browser.fill("major", "审计学");
        browser.screenshot("graduate-edit");
        browser.fill("phone", "12345");
        browser.click("save-correction");
        assertThat(browser.text("phone-error")).isEqualTo("不是有效的手机号或固定电话号码");
        assertThat(browser.byId("phone").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.byId("major").getAttribute("value")).as("the answers are kept").isEqualTo("审计学");
        assertThat(Api.as(rest, "cw.pengjiang").get("/api/graduates/" + id).expect(200).json().path("major").asText())
                .as("nothing saved").isEqualTo("会计学");
        browser.fill("phone", newPhone);
        browser.click("save-correction");

        assertThat(browser.path()).isEqualTo("/graduates/" + id);
        assertThat(browser.driver.findElement(By.cssSelector(".notice")).getText()).isEqualTo("已保存更正，并记入服务台账。");
        assertThat(browser.text("phone")).isEqualTo(mask(newPhone));
        List<WebElement> corrected = browser.all("#timeline li[data-type='GRADUATE_CORRECTED']");
        assertThat(corrected).hasSize(1);
        assertThat(corrected.get(0).getText()).contains("更正信息").contains(mask(oldPhone) + " → " + mask(newPhone))
                .contains("会计学 → 审计学").doesNotContain(oldPhone).doesNotContain(newPhone);
        browser.screenshot("graduate-corrected");

        JsonNode ledger = Api.as(rest, "cw.pengjiang").get("/api/graduates/" + id + "/ledger").expect(200).json();
        List<String> types = new ArrayList<>();
        ledger.path("entries").forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).containsOnlyOnce("GRADUATE_CORRECTED");
        assertThat(ledger.toString()).doesNotContain(oldPhone).doesNotContain(newPhone).contains(mask(newPhone));
        assertThat(Api.as(rest, "cw.pengjiang").get("/api/graduates/" + id).expect(200).json().path("major").asText())
                .isEqualTo("审计学");
    }

    @Test
    void aSupervisorMovesACaseworkersWorkAndCasesToAnotherOnTheCaseloadPage() throws IOException {
        String from = caseworker("browser.from.", "林芳");
        String to = caseworker("browser.to.", "何磊");
        Api cw = Api.as(rest, from, OWN);
        JsonNode g = cw.post("/api/graduates", graduate("转办" + TestGraduates.hanzi(), "440703")).expect(201).json();
        long graduateId = g.path("id").asLong();
        String task = cw.get("/api/tasks?scope=all&q=" + g.path("caseNumber").asText()).expect(200).json()
                .path("content").get(0).path("id").asText();
        cw.post("/api/tasks/" + task + "/claim", null).expect(204); // the first to take the case's work owns it

        browser.login("sup.pengjiang");
        browser.click(browser.driver.findElement(By.cssSelector("nav a[href='/caseload']")));
        assertThat(browser.path()).isEqualTo("/caseload");
        assertThat(cell(from, "owned-cases")).isEqualTo("1");
        assertThat(cell(from, "open-tasks")).isEqualTo("1");
        assertThat(cell(to, "owned-cases")).isEqualTo("0");
        browser.choose("fromAssignee", from);
        browser.choose("assignee", to);
        browser.click("reassign"); // no reason: refused by its field, nothing moves
        assertThat(browser.text("reason-error")).isNotBlank();
        assertThat(cell(from, "owned-cases")).isEqualTo("1");
        browser.choose("fromAssignee", from);
        browser.choose("assignee", to);
        browser.fill("reason", "休产假，工作交接");
        browser.screenshot("caseload-form");
        browser.click("reassign");

        assertThat(browser.path()).isEqualTo("/caseload");
        assertThat(browser.driver.findElement(By.cssSelector(".notice")).getText()).isEqualTo("已转办（任务 / 案件）：1 / 1");
        assertThat(cell(from, "owned-cases")).isEqualTo("0");
        assertThat(cell(from, "open-tasks")).isEqualTo("0");
        assertThat(cell(to, "owned-cases")).isEqualTo("1");
        assertThat(cell(to, "open-tasks")).isEqualTo("1");
        browser.screenshot("caseload");

        Api sup = Api.as(rest, "sup.pengjiang");
        assertThat(sup.get("/api/tasks/" + task).expect(200).json().path("assignee").asText()).isEqualTo(to);
        JsonNode ledger = sup.get("/api/graduates/" + graduateId + "/ledger").expect(200).json();
        assertThat(ledger.path("case").path("owner").asText()).isEqualTo(to);
        JsonNode load = sup.get("/api/caseload").expect(200).json();
        for (JsonNode w : load.path("caseworkers")) {
            if (w.path("username").asText().equals(to)) {
                assertThat(w.path("ownedCases").asLong()).isEqualTo(1);
            }
        }
        browser.open("/graduates/" + graduateId);
        assertThat(browser.text("case-owner")).isEqualTo(to);
        assertThat(browser.all("#timeline li[data-type='REASSIGNED']")).hasSize(1);
        assertThat(browser.all("#timeline li[data-type='OWNER_CHANGED']").stream().map(WebElement::getText).toList())
                .anySatisfy(text -> assertThat(text).contains("休产假，工作交接"));
    }

    @Test
    void aSupervisorPrintsAGraduatesLedgerHeadedByTheBureauWithSignatureLines() throws IOException {
        Api cw = Api.as(rest, "cw.pengjiang");
        String name = "台账" + TestGraduates.hanzi();
        JsonNode g = cw.post("/api/graduates", graduate(name, "440703")).expect(201).json();
        long id = g.path("id").asLong();
        String caseNumber = g.path("caseNumber").asText();
        cw.post("/api/tasks/" + taskOf(caseNumber, "FIRST_CONTACT") + "/complete",
                map("reached", true, "willingness", "WANTS_JOB")).expect(204);
        cw.post("/api/tasks/" + taskOf(caseNumber, "GUIDANCE") + "/complete",
                map("date", LocalDate.now(CityTime.ZONE).toString(), "topic", "求职简历指导")).expect(204);

        browser.login("sup.pengjiang");
        browser.open("/graduates/" + id);
        browser.click("print-ledger");
        assertThat(browser.path()).isEqualTo("/graduates/" + id + "/ledger/print");
        assertThat(browser.all("nav")).as("no navigation on the sheet").isEmpty();
        assertThat(browser.text("bureau")).isEqualTo("江门市人力资源和社会保障局 · 蓬江区");
        assertThat(browser.text("title")).isEqualTo("高校毕业生实名服务台账");
        assertThat(browser.text("graduate-name")).isEqualTo(name);
        assertThat(browser.text("case-number")).isEqualTo(caseNumber);
        assertThat(browser.text("id-number")).contains("*");
        assertThat(browser.text("phone")).contains("****");
        assertThat(browser.text("count-guidance")).isEqualTo("1 / 1");
        assertThat(browser.text("count-referrals")).isEqualTo("0 / 3");

        JsonNode ledger = cw.get("/api/graduates/" + id + "/ledger").expect(200).json();
        List<String> types = new ArrayList<>();
        ledger.path("entries").forEach(e -> types.add(e.path("type").asText()));
        assertThat(browser.all("#entries tbody tr[data-type]").stream().map(tr -> tr.getAttribute("data-type")).toList())
                .isEqualTo(types).contains("REGISTERED", "WILLINGNESS", "GUIDANCE");
        assertThat(browser.text("entries")).contains("求职简历指导").contains("cw.pengjiang");

        String signatures = browser.text("signatures");
        assertThat(signatures).contains("经办人签字").contains("服务对象签字").contains("审核人签字");
        assertThat(signatures.split("日期", -1)).as("a date by each signature").hasSize(4);
        assertThat(browser.all("#signatures .line")).hasSize(6);
        browser.screenshot("ledger-print");

        // the sheet's print style: a @media print rule, which hides the buttons when printed
        assertThat((Boolean) browser.driver.executeScript("return Array.from(document.styleSheets)"
                + ".flatMap(s => Array.from(s.cssRules)).some(r => r instanceof CSSMediaRule"
                + " && r.media.mediaText.includes('print'))")).isTrue();
        assertThat(browser.byId("print").isDisplayed()).isTrue();
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(browser.byId("print").isDisplayed()).as("the print button on paper").isFalse();
            assertThat(browser.byId("signatures").isDisplayed()).isTrue();
        } finally {
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }

        // outside the caller's scope (a caseworker of 台山市) it is the 404 page
        browser.login("cw.taishan");
        browser.open("/graduates/" + id + "/ledger/print");
        assertThat(browser.driver.getPageSource()).contains("未找到").doesNotContain(name);
    }

    // ---------------------------------------------------------------------------------------------

    /** A caseworker of 蓬江区 of this test's own, created by the administrator, who has chosen their password. */
    private String caseworker(String prefix, String name) {
        String username = prefix + TestGraduates.tag();
        Api.as(rest, "admin").post("/api/users", map("username", username, "displayName", name + "（蓬江区经办）",
                "role", "CASEWORKER", "district", "440703", "email", username + "@example.org", "password", FIRST))
                .expect(201);
        Api.as(rest, username, FIRST).exchange(HttpMethod.PUT, "/api/me/password",
                map("currentPassword", FIRST, "newPassword", OWN)).expect(204);
        return username;
    }

    private String cell(String username, String css) {
        return browser.driver.findElement(By.cssSelector("#caseworkers tr[data-username='" + username + "'] td." + css))
                .getText();
    }

    private List<String> options(String selectId) {
        return browser.byId(selectId).findElements(By.tagName("option")).stream().map(o -> o.getAttribute("value"))
                .toList();
    }

    private String taskOf(String caseNumber, String type) {
        JsonNode page = Api.as(rest, "cw.pengjiang").get("/api/tasks?scope=all&q=" + caseNumber).expect(200).json();
        for (JsonNode t : page.path("content")) {
            if (t.path("type").asText().equals(type)) {
                return t.path("id").asText();
            }
        }
        throw new AssertionError("no " + type + " task for " + caseNumber);
    }

    private static String mask(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }
}
