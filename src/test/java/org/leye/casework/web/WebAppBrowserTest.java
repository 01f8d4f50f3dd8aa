package org.leye.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;
import static org.leye.casework.support.TestGraduates.graduate;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leye.casework.graduates.Gender;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The web application in headless Chromium: each role signs in, a caseworker takes a graduate
 * through the whole 131 from the inbox, a refused form shows its messages, a counselor registers
 * a student, and the dashboard shows what the task list says. Screenshots go to target/screenshots/.
 */
@IntegrationTest
@ExtendWith(BrowserAvailable.class)
class WebAppBrowserTest extends BrowserPages {

    @Test
    void eachRoleSignsInAndSeesNameRoleAndScope() throws IOException {
        browser.open("/login?lang=zh-CN");
        browser.screenshot("login");
        record Expect(String user, String role, String scope, String home) {
        }
        for (Expect e : List.of(new Expect("cw.pengjiang", "经办人员", "蓬江区", "/inbox"),
                new Expect("counselor.wyu", "高校辅导员", "五邑大学", "/students"),
                new Expect("sup.pengjiang", "督导", "蓬江区", "/dashboard"),
                new Expect("sup.city", "督导", "全市", "/dashboard"),
                new Expect("admin", "系统管理员", "全市", "/dashboard"))) {
            browser.login(e.user());
            assertThat(browser.path()).as(e.user()).isEqualTo(e.home());
            assertThat(browser.text("me-role")).isEqualTo(e.role());
            assertThat(browser.text("me-scope")).contains(e.scope());
            assertThat(browser.text("me-name")).isNotBlank();
            browser.logout();
            assertThat(browser.path()).isEqualTo("/login");
        }
        browser.login("wrong.user");
        assertThat(browser.driver.getPageSource()).contains("用户名或密码错误");
    }

    @Test
    void caseworkerTakesGraduateThroughWhole131FromTheInbox() throws IOException {
        browser.login("cw.pengjiang");
        String name = "浏览器" + suffix();
        // register through the page: the 131 case opens
        browser.open("/graduates/new");
        browser.fill("name", name);
        browser.fill("idNumber", TestGraduates.idNumber("440703", Gender.FEMALE));
        browser.fill("phone", TestGraduates.phone());
        browser.choose("university", "WYU");
        browser.fill("major", "会计学");
        browser.choose("degree", "BACHELOR");
        browser.click("difficulty-SUBSISTENCE_ALLOWANCE");
        browser.click("register");
        assertThat(browser.text("graduate-name")).isEqualTo(name);
        String caseNumber = browser.text("case-number");
        String graduatePage = browser.path();

        // first contact, from the inbox
        openOnlyTask(caseNumber, "FIRST_CONTACT");
        browser.click("claim");
        assertThat(browser.text("unclaim")).isNotBlank();
        assertThat(browser.text("phone")).contains("****");
        browser.click("show-phone"); // the assignee calls the graduate: the whole number, this once
        assertThat(browser.text("full-phone")).matches("1\\d{10}");
        browser.choose("channel", "PHONE");
        browser.choose("outcome", "REACHED");
        browser.choose("willingness", "WANTS_JOB");
        browser.fill("note", "电话联系上，愿意就业");
        browser.click("complete");
        assertThat(browser.path()).isEqualTo("/inbox");

        openOnlyTask(caseNumber, "GUIDANCE");
        browser.fill("topic", "求职规划");
        browser.click("complete");

        List<String> types = inboxTypes(caseNumber);
        assertThat(types).containsExactlyInAnyOrder("REFERRAL", "REFERRAL", "REFERRAL", "TRAINING_OR_INTERNSHIP");
        browser.screenshot("inbox");

        openOnlyTask(caseNumber, "TRAINING_OR_INTERNSHIP");
        browser.choose("kind", "INTERNSHIP");
        browser.fill("provider", "江门市就业见习基地");
        browser.fill("program", "会计见习岗");
        browser.click("complete");

        String employer = "浏览器测试会计师事务所" + suffix();
        for (int i = 0; i < 3; i++) {
            openFirstTask(caseNumber, "REFERRAL");
            if (i == 0) {
                browser.fill("employer", employer); // a new employer, registered by the referral
            } else {
                browser.fill("employerQ", employer);
                browser.click("employer-search");
                browser.choose("employerId", optionValue("employerId", employer));
            }
            browser.fill("position", List.of("会计助理", "出纳", "审计助理").get(i)); // three distinct positions
            browser.choose("outcome", "INTERVIEW");
            if (i == 1) {
                browser.screenshot("task-referral");
            }
            browser.click("complete");
            assertThat(browser.path()).isEqualTo("/inbox");
        }
        assertThat(inboxTypes(caseNumber)).isEmpty();

        browser.open(graduatePage);
        assertThat(browser.text("count-guidance")).isEqualTo("1 / 1");
        assertThat(browser.text("count-referrals")).isEqualTo("3 / 3");
        assertThat(browser.text("count-training")).isEqualTo("1 / 1");
        assertThat(browser.text("met131")).contains("已完成 131 服务");
        assertThat(browser.byId("id-number").getText()).contains("*");
        assertThat(browser.byId("diagram").getAttribute("naturalWidth")).isNotEqualTo("0");
        assertThat(browser.text("current-steps")).contains("推荐周期");
        browser.screenshot("graduate");

        browser.choose("code", "11");
        browser.fill("employer", "江门市某科技有限公司");
        browser.click("register-destination");
        assertThat(browser.text("case-status")).isEqualTo("已结案");
        assertThat(browser.text("graduate-status")).isEqualTo("已落实去向");
        List<String> ledger = browser.all("#timeline li").stream().map(li -> li.getAttribute("data-type")).toList();
        assertThat(ledger).containsExactly("REGISTERED", "WILLINGNESS", "GUIDANCE", "INTERNSHIP", "REFERRAL",
                "REFERRAL", "REFERRAL", "DESTINATION", "CLOSED");
        browser.screenshot("graduate-closed");
    }

    @Test
    void refusedFormShowsTheMessageNextToTheField() throws IOException {
        String caseNumber = registerByApi("校验" + suffix());
        browser.login("cw.pengjiang");
        openOnlyTask(caseNumber, "FIRST_CONTACT");
        browser.choose("channel", "PHONE");
        browser.choose("outcome", "REACHED"); // reached, but no willingness
        browser.click("complete");
        assertThat(browser.text("willingness-error")).isEqualTo("联系上时须填写就业意愿");
        assertThat(browser.byId("willingness").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.byId("willingness").getAttribute("aria-describedby")).isEqualTo("willingness-error");
        assertThat(browser.byId("outcome").getAttribute("value")).as("the answers are kept").isEqualTo("REACHED");
        browser.screenshot("task-validation");

        browser.open("/inbox?lang=en");
        openOnlyTask(caseNumber, "FIRST_CONTACT");
        browser.choose("channel", "PHONE");
        browser.choose("outcome", "REACHED");
        browser.click("complete");
        assertThat(browser.text("willingness-error")).isEqualTo("willingness is required when the graduate was reached");
        browser.open("/inbox?lang=zh-CN");
    }

    @Test
    void referralToAnEmployerBlacklistedByTheSupervisorIsRefused() throws IOException {
        String caseNumber = registerByApi("黑名单" + suffix());
        Api cw = Api.as(rest, "cw.pengjiang");
        String contact = taskId(caseNumber, "FIRST_CONTACT");
        cw.post("/api/tasks/" + contact + "/complete", map("reached", true, "willingness", "WANTS_JOB")).expect(204);
        cw.post("/api/tasks/" + taskId(caseNumber, "GUIDANCE") + "/complete",
                map("date", LocalDate.now().toString(), "topic", "职业测评")).expect(204);
        String employer = "浏览器黑名单公司" + suffix();
        long employerId = cw.post("/api/employers", map("name", employer)).expect(201).json().path("id").asLong();

        // the supervisor blacklists it on the employers page; an empty reason is refused first
        browser.login("sup.pengjiang");
        browser.open("/employers?q=" + employer);
        WebElement row = browser.driver.findElement(By.cssSelector("tr[data-employer-id='" + employerId + "']"));
        browser.click(row.findElement(By.cssSelector("button.danger")));
        assertThat(browser.text("reason-" + employerId + "-error")).isEqualTo("不能为空");
        browser.fill("reason-" + employerId, "拖欠工资");
        browser.click(browser.driver.findElement(By.cssSelector("tr[data-employer-id='" + employerId + "'] button.danger")));
        assertThat(browser.driver.findElement(By.cssSelector("tr[data-employer-id='" + employerId + "']")).getText())
                .contains("黑名单").contains("拖欠工资");
        browser.screenshot("employers");

        browser.login("cw.pengjiang");
        openFirstTask(caseNumber, "REFERRAL");
        browser.fill("employerQ", employer);
        browser.click("employer-search");
        browser.choose("employerId", String.valueOf(employerId));
        browser.fill("position", "销售");
        browser.choose("outcome", "PENDING");
        browser.click("complete");
        String refusal = "用人单位“" + employer + "”在招聘黑名单中，不能推荐。";
        assertThat(browser.text("problem")).isEqualTo(refusal);
        assertThat(browser.text("employerId-error")).isEqualTo(refusal);
        assertThat(browser.byId("position").getAttribute("value")).isEqualTo("销售");
        browser.screenshot("task-referral-refused");
        assertThat(inboxTypes(caseNumber)).contains("REFERRAL", "REFERRAL", "REFERRAL");

        // lifted, the same referral goes through
        browser.login("sup.pengjiang");
        browser.open("/employers?q=" + employer);
        browser.fill("lift-reason-" + employerId, "已补发工资");
        browser.click(browser.driver.findElement(
                By.cssSelector("tr[data-employer-id='" + employerId + "'] button.secondary")));
        assertThat(browser.driver.findElement(By.cssSelector("tr[data-employer-id='" + employerId + "']")).getText())
                .doesNotContain("拖欠工资");
    }

    @Test
    void counselorRegistersAStudentWhoAppearsAmongTheirStudents() throws IOException {
        browser.login("counselor.wyu");
        assertThat(browser.path()).isEqualTo("/students");
        browser.click("register-student");
        String name = "辅导员登记" + suffix();
        browser.fill("name", name);
        browser.fill("idNumber", TestGraduates.idNumber("440703", Gender.MALE));
        browser.fill("phone", "12345"); // wrong first: the message is shown next to the field
        browser.choose("degree", "ASSOCIATE");
        browser.choose("district", "440703");
        browser.click("difficulty-ZERO_EMPLOYMENT");
        browser.click("register");
        assertThat(browser.byId("phone-error").getText()).isNotBlank();
        assertThat(browser.byId("name").getAttribute("value")).isEqualTo(name);
        browser.screenshot("register-refused");
        browser.fill("phone", TestGraduates.phone());
        browser.click("register");
        assertThat(browser.text("graduate-name")).isEqualTo(name);
        assertThat(browser.text("phone")).contains("*");
        browser.open("/students?q=" + name);
        assertThat(browser.text("graduates")).contains(name);
        browser.screenshot("students");
    }

    @Test
    void supervisorDashboardShowsWhatTheTaskListSays() throws IOException {
        registerByApi("看板" + suffix());
        browser.login("sup.pengjiang");
        assertThat(browser.path()).isEqualTo("/dashboard");
        Api api = Api.as(rest, "sup.pengjiang");
        long open = api.get("/api/tasks?scope=all&size=1").expect(200).json().path("totalElements").asLong();
        long overdue = api.get("/api/tasks?scope=all&overdue=true&size=1").expect(200).json().path("totalElements")
                .asLong();
        assertThat(open).isPositive();
        assertThat(browser.text("open-total")).isEqualTo(String.valueOf(open));
        assertThat(browser.text("overdue-total")).isEqualTo(String.valueOf(overdue));
        WebElement row = browser.driver.findElement(By.cssSelector("#districts tr[data-district='440703']"));
        assertThat(row.findElement(By.cssSelector("a.open")).getText()).isEqualTo(String.valueOf(open));
        // the figures and the chart: the other browser test; a district has no cohort rate, only the registered share
        assertThat(browser.text("cohort-slot")).contains("毕业去向落实率（全体毕业生）").contains("学校不属于区县");
        assertThat(browser.text("registered-slot")).contains("登记离校未就业毕业生中已落实");
        browser.screenshot("dashboard");

        browser.click(row.findElement(By.cssSelector("a.open")));
        assertThat(browser.path()).isEqualTo("/inbox");
        assertThat(browser.text("task-count").replace(",", "")).isEqualTo("共 " + open + " 项");

        browser.login("sup.city");
        long cityOpen = Api.as(rest, "sup.city").get("/api/tasks?scope=all&size=1").json().path("totalElements")
                .asLong();
        assertThat(browser.text("open-total")).isEqualTo(String.valueOf(cityOpen));
        browser.screenshot("dashboard-city");
    }

    // ---------------------------------------------------------------------------------------------

    private void searchInbox(String caseNumber) {
        browser.open("/inbox?scope=all&q=" + caseNumber);
    }

    private List<String> inboxTypes(String caseNumber) {
        searchInbox(caseNumber);
        return browser.all("#tasks tbody tr[data-type]").stream().map(tr -> tr.getAttribute("data-type")).toList();
    }

    private void openOnlyTask(String caseNumber, String type) {
        searchInbox(caseNumber);
        List<WebElement> rows = browser.all("#tasks tbody tr[data-type='" + type + "']");
        assertThat(rows).as("open %s tasks of %s", type, caseNumber).hasSize(1);
        browser.click(rows.get(0).findElement(By.cssSelector("td a")));
    }

    private void openFirstTask(String caseNumber, String type) {
        searchInbox(caseNumber);
        List<WebElement> rows = browser.all("#tasks tbody tr[data-type='" + type + "']");
        assertThat(rows).as("open %s tasks of %s", type, caseNumber).isNotEmpty();
        browser.click(rows.get(0).findElement(By.cssSelector("td a")));
    }

    private String optionValue(String selectId, String text) {
        return browser.byId(selectId).findElements(By.tagName("option")).stream()
                .filter(o -> o.getText().startsWith(text)).findFirst().orElseThrow().getAttribute("value");
    }

    private String registerByApi(String name) {
        JsonNode g = Api.as(rest, "cw.pengjiang").post("/api/graduates", graduate(name, "440703")).expect(201).json();
        return g.path("caseNumber").asText();
    }

    private String taskId(String caseNumber, String type) {
        JsonNode page = Api.as(rest, "cw.pengjiang").get("/api/tasks?scope=all&q=" + caseNumber).expect(200).json();
        for (JsonNode t : page.path("content")) {
            if (t.path("type").asText().equals(type)) {
                return t.path("id").asText();
            }
        }
        throw new AssertionError("no " + type + " task for " + caseNumber);
    }

    private static String suffix() {
        return TestGraduates.tag();
    }

    record EventGraduate(long id, String caseNumber) {
    }

    EventGraduate wantsJob(Api cw, String name) {
        JsonNode g = cw.post("/api/graduates", graduate(name, "440703")).expect(201).json();
        EventGraduate r = new EventGraduate(g.path("id").asLong(), g.path("caseNumber").asText());
        String contact = cw.get("/api/tasks?q=" + r.caseNumber()).expect(200).json().path("content").get(0)
                .path("id").asText();
        cw.post("/api/tasks/" + contact + "/complete", map("reached", true, "willingness", "WANTS_JOB")).expect(204);
        return r;
    }

    @Test
    void aCaseworkerRecordsAGroupGuidanceSessionForTickedAndPastedGraduates() throws IOException {
        Api cw = Api.as(rest, "cw.pengjiang");
        EventGraduate ticked = wantsJob(cw, "钟离安" + TestGraduates.hanzi());
        EventGraduate pasted = wantsJob(cw, "钟离宁" + TestGraduates.hanzi());

        browser.login("cw.pengjiang");
        browser.click(browser.driver.findElement(By.cssSelector("nav a[href='/events/new']")));
        assertThat(browser.path()).isEqualTo("/events/new");
        browser.choose("kind", "GUIDANCE");
        browser.fill("title", "求职简历集体辅导");
        browser.fill("place", "蓬江区人力资源市场");
        List<WebElement> boxes = browser.all("input[name='graduateIds'][value='" + ticked.id() + "'][data-type='GUIDANCE']");
        assertThat(boxes).hasSize(1);
        browser.click(boxes.get(0));
        browser.fill("pasted", pasted.caseNumber() + "\nCN-NOBODY");
        browser.screenshot("events-new");
        browser.click("record-event");

        assertThat(browser.path()).isEqualTo("/events");
        browser.screenshot("events-result");
        assertThat(graduateIds(browser.all("#completed li"))).containsExactly(ticked.id(), pasted.id());
        assertThat(browser.text("unknown")).contains("CN-NOBODY");
        for (EventGraduate g : List.of(ticked, pasted)) {
            JsonNode ledger = cw.get("/api/graduates/" + g.id() + "/ledger").expect(200).json();
            assertThat(ledger.path("compliance").path("guidance").asInt()).isEqualTo(1);
        }
    }

    private static List<Long> graduateIds(List<WebElement> items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(li -> ids.add(Long.valueOf(li.getAttribute("data-graduate-id"))));
        return ids;
    }
}
