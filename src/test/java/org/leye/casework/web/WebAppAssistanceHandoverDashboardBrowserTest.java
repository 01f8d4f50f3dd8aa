package org.leye.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leye.casework.graduates.Gender;
import org.leye.casework.shared.CityTime;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The pages of issue 6 in headless Chromium: a counselor registers a student in difficulty and
 * names a helper; the helper writes the plan and records a follow-up, which the ledger shows by
 * name; a hand-over upload shows its progress to completion and its rejected rows download; the
 * dashboard's figures are the API's. Screenshots go to target/screenshots/.
 */
@IntegrationTest
@ExtendWith(BrowserAvailable.class)
class WebAppAssistanceHandoverDashboardBrowserTest extends BrowserPages {

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Test
    void counselorRegistersAStudentInDifficultyAndAssignsAHelper() throws IOException {
        browser.login("counselor.wyu");
        browser.click(browser.driver.findElement(By.cssSelector("nav a[href='/assistance']")));
        assertThat(browser.path()).isEqualTo("/assistance");
        browser.click("register-assistance");
        String name = "帮扶登记" + suffix();
        browser.fill("name", name);
        browser.fill("idNumber", TestGraduates.idNumber("440703", Gender.FEMALE));
        browser.fill("phone", TestGraduates.phone());
        browser.fill("major", "电子商务");
        browser.choose("degree", "ASSOCIATE");
        browser.fill("graduationYear", String.valueOf(Year.now().getValue() + 1));
        browser.choose("district", "440703");
        browser.click("register"); // no difficulty, no evidence: refused with the messages by the fields
        assertThat(browser.text("difficulties-error")).isNotBlank();
        assertThat(browser.text("evidence-error")).isNotBlank();
        assertThat(browser.byId("name").getAttribute("value")).isEqualTo(name);
        browser.click("difficulty-SUBSISTENCE_ALLOWANCE");
        browser.fill("evidence", "低保证编号 DB-2026-0107，学院审核");
        browser.click("register");

        assertThat(browser.path()).startsWith("/assistance/");
        long id = Long.parseLong(browser.path().substring("/assistance/".length()));
        assertThat(browser.text("student-name")).isEqualTo(name);
        assertThat(browser.byId("assistance-status").getAttribute("data-status")).isEqualTo("AWAITING_HELPER");
        assertThat(browser.text("assistance-status")).isEqualTo("待指定帮扶人");

        // the university's counselors name the helper: the open task is on the page
        WebElement assign = browser.driver.findElement(By.cssSelector("#assistance-tasks li[data-type='ASSIGN_HELPER'] a"));
        browser.click(assign);
        assertThat(browser.text("form-title")).isEqualTo("指定帮扶责任人");
        browser.choose("helper", "teacher.wyu");
        browser.choose("helperKind", "CLASS_TEACHER");
        browser.fill("note", "班主任熟悉学生情况");
        browser.screenshot("assistance-assign-helper");
        browser.click("complete");

        assertThat(browser.path()).isEqualTo("/assistance/" + id);
        assertThat(browser.byId("assistance-status").getAttribute("data-status")).isEqualTo("IN_PROGRESS");
        assertThat(browser.text("helper")).contains("teacher.wyu").contains("班主任");
        JsonNode api = Api.as(rest, "counselor.wyu").get("/api/assistance/" + id).expect(200).json();
        assertThat(api.path("helper").path("username").asText()).isEqualTo("teacher.wyu");
        assertThat(api.path("status").asText()).isEqualTo("IN_PROGRESS");

        browser.open("/assistance");
        WebElement row = browser.driver.findElement(By.cssSelector("tr[data-assistance-id='" + id + "']"));
        assertThat(row.findElement(By.cssSelector("td.helper")).getText()).isEqualTo("teacher.wyu");
        assertThat(browser.text("assistance-count").replace(",", "")).isEqualTo("共 " + Api.as(rest, "counselor.wyu")
                .get("/api/assistance?size=1").expect(200).json().path("totalElements").asLong() + " 项");
        browser.screenshot("assistance-list");
    }

    @Test
    void helperSeesOnlyTheirStudentsAndRecordsAssistanceWhichTheLedgerShowsByName() throws IOException {
        String name = "帮扶回访" + suffix();
        JsonNode registered = Api.as(rest, "counselor.wyu").post("/api/assistance", student(name)).expect(201).json();
        long id = registered.path("id").asLong();
        long graduateId = registered.path("graduateId").asLong();
        String assign = taskOf("counselor.wyu", "scope=candidate&type=ASSIGN_HELPER", graduateId);
        Api.as(rest, "counselor.wyu").post("/api/tasks/" + assign + "/complete",
                map("helper", "teacher.wyu", "helperKind", "EMPLOYMENT_GUIDANCE_TEACHER")).expect(204);
        // another helper's student, which teacher.wyu must not see
        JsonNode other = Api.as(rest, "counselor.wyu").post("/api/assistance", student("他人学生" + suffix()))
                .expect(201).json();
        Api.as(rest, "counselor.wyu").post("/api/tasks/" + taskOf("counselor.wyu",
                "scope=candidate&type=ASSIGN_HELPER", other.path("graduateId").asLong()) + "/complete",
                map("helper", "teacher2.wyu", "helperKind", "SUBJECT_TEACHER")).expect(204);

        // the helper's plan task has no district: the city's caseload leaves it out instead of failing
        assertThat(Api.as(rest, "sup.city").get("/api/caseload").expect(200).json().toString())
                .doesNotContain("teacher.wyu");

        browser.login("teacher.wyu");
        assertThat(browser.path()).isEqualTo("/inbox");
        browser.open("/inbox?scope=mine&q=" + name);
        List<WebElement> links = browser.all("#tasks tbody tr[data-type='ASSISTANCE_PLAN'] td a");
        assertThat(links).as("the plan in the helper's inbox").isNotEmpty()
                .allSatisfy(a -> assertThat(a.getAttribute("href")).contains("/tasks/").doesNotContain("/graduates/"));
        browser.open("/assistance");
        List<String> shown = browser.all("#assistances tbody tr[data-assistance-id]").stream()
                .map(tr -> tr.getAttribute("data-assistance-id")).toList();
        assertThat(shown).contains(String.valueOf(id)).doesNotContain(other.path("id").asText());
        assertThat((long) shown.size()).isEqualTo(Math.min(25, Api.as(rest, "teacher.wyu")
                .get("/api/assistance?size=1").expect(200).json().path("totalElements").asLong()));
        browser.open("/assistance/" + other.path("id").asLong());
        assertThat(browser.driver.getPageSource()).contains("未找到"); // like the API's 404

        // the plan
        browser.open("/assistance/" + id);
        browser.click(browser.driver.findElement(By.cssSelector("#assistance-tasks li[data-type='ASSISTANCE_PLAN'] a")));
        browser.click("complete"); // empty: refused next to the fields
        assertThat(browser.text("needs-error")).isNotBlank();
        browser.fill("needs", "缺乏面试经验，家庭经济困难");
        browser.fill("targetJobs", "电商运营、客服");
        browser.fill("actions", "每两周一次模拟面试，推荐校园招聘岗位");
        browser.click("complete");
        assertThat(browser.path()).isEqualTo("/assistance/" + id);
        assertThat(browser.text("plan")).contains("电商运营、客服");

        // fourteen days later: the follow-up
        fireFollowUpTimer(id);
        browser.open("/assistance/" + id);
        browser.click(browser.driver.findElement(
                By.cssSelector("#assistance-tasks li[data-type='ASSISTANCE_FOLLOW_UP'] a")));
        assertThat(browser.byId("date").getAttribute("value")).isEqualTo(LocalDate.now(CityTime.ZONE).toString());
        browser.choose("contact", "MEETING");
        browser.click("help-GUIDANCE");
        browser.click("help-JOB_RECOMMENDATION");
        browser.fill("jobsRecommended", "江门某电商公司 运营助理");
        browser.fill("note", "模拟面试一次，推荐岗位一个");
        browser.screenshot("assistance-follow-up");
        browser.click("complete");
        assertThat(browser.path()).isEqualTo("/assistance/" + id);
        WebElement followUp = browser.driver.findElement(By.cssSelector("#follow-ups li[data-type='ASSISTANCE_FOLLOW_UP']"));
        assertThat(followUp.getText()).contains("当面约谈").contains("就业指导").contains("推荐岗位")
                .contains("模拟面试一次").doesNotContain("MEETING");
        browser.screenshot("assistance");
        JsonNode api = Api.as(rest, "teacher.wyu").get("/api/assistance/" + id).expect(200).json();
        assertThat(api.path("followUps")).hasSize(1);
        assertThat(api.path("plan").path("targetJobs").asText()).isEqualTo("电商运营、客服");

        // on a phone the page fits the width
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.open("/assistance/" + id);
            long width = ((Number) browser.driver.executeScript("return document.documentElement.scrollWidth")).longValue();
            assertThat(width).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(390);
        } finally {
            browser.driver.manage().window().setSize(new Dimension(1366, 900));
        }

        // the counselor's view of the ledger: names, not codes
        browser.login("counselor.wyu");
        browser.open("/graduates/" + graduateId);
        WebElement entry = browser.driver.findElement(By.cssSelector("#timeline li[data-type='ASSISTANCE_FOLLOW_UP']"));
        assertThat(entry.getText()).contains("联系方式：当面约谈").contains("帮助：就业指导、推荐岗位")
                .doesNotContain("MEETING").doesNotContain("JOB_RECOMMENDATION");
        WebElement helper = browser.driver.findElement(By.cssSelector("#timeline li[data-type='HELPER_ASSIGNED']"));
        assertThat(helper.getText()).contains("就业指导教师").doesNotContain("EMPLOYMENT_GUIDANCE_TEACHER");
        browser.open("/graduates/" + graduateId + "?lang=en");
        assertThat(browser.driver.findElement(By.cssSelector("#timeline li[data-type='ASSISTANCE_FOLLOW_UP']"))
                .getText()).contains("Contact: Meeting").contains("Career guidance");
        browser.open("/graduates/" + graduateId + "?lang=zh-CN");
    }

    @Test
    void handoverUploadShowsProgressToCompletionAndTheRejectedRowsDownload() throws IOException {
        String marker = "移交" + suffix();
        int good = 240;
        StringBuilder csv = new StringBuilder("姓名,身份证号,性别,联系电话,学校,专业,学历,毕业年份,所属区县,困难类别,就业意愿\n");
        for (int i = 0; i < good; i++) {
            Gender gender = i % 2 == 0 ? Gender.FEMALE : Gender.MALE;
            csv.append(marker).append(i).append(',').append(TestGraduates.idNumber("440703", gender)).append(',')
                    .append(gender == Gender.FEMALE ? "女" : "男").append(',').append(TestGraduates.phone())
                    .append(",五邑大学,会计学,本科,2026,蓬江区,").append(i % 10 == 0 ? "低保家庭" : "").append(",是\n");
        }
        String valid = TestGraduates.idNumber("440703", Gender.FEMALE);
        String badId = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0'); // a wrong check digit
        csv.append(marker).append("坏号,").append(badId).append(",女,13800138000,五邑大学,会计学,本科,2026,蓬江区,,是\n");
        csv.append(marker).append("坏电话,").append(TestGraduates.idNumber("440703", Gender.MALE))
                .append(",男,12345,五邑大学,会计学,本科,2026,蓬江区,,是\n");
        Path file = Path.of("target", "handover-" + marker + ".csv").toAbsolutePath();
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);

        browser.login("counselor.wyu");
        browser.click(browser.driver.findElement(By.cssSelector("nav a[href='/handovers/new']")));
        assertThat(browser.byId("file").getAttribute("required")).as("no upload without a file").isNotNull();
        browser.byId("file").sendKeys(file.toString());
        browser.click("upload");
        assertThat(browser.path()).startsWith("/handovers/");
        long id = Long.parseLong(browser.path().substring("/handovers/".length()));

        // the bar moves while the rows are processed, and stops at the total
        Set<Integer> seen = new LinkedHashSet<>();
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!"DONE".equals(browser.byId("handover").getAttribute("data-status")) && System.nanoTime() < until) {
            seen.add(Integer.parseInt(browser.byId("handover-progress").getAttribute("value")));
            if (seen.size() == 2) {
                browser.screenshot("handover-running");
            }
            sleep(150);
        }
        assertThat(browser.byId("handover").getAttribute("data-status")).isEqualTo("DONE");
        assertThat(seen).as("progress values seen while running").hasSizeGreaterThanOrEqualTo(2);
        assertThat(seen.stream().filter(v -> v > 0 && v < good + 2).count()).as("partial progress shown").isPositive();
        assertThat(browser.byId("handover-progress").getAttribute("value")).isEqualTo(String.valueOf(good + 2));
        assertThat(browser.text("handover-status")).isEqualTo("已完成");
        assertThat(browser.text("progress-text")).isEqualTo("已处理 " + (good + 2) + " / " + (good + 2) + " 行");
        JsonNode api = Api.as(rest, "counselor.wyu").get("/api/handovers/" + id).expect(200).json();
        assertThat(browser.text("count-accepted")).isEqualTo(api.path("accepted").asText()).isEqualTo(String.valueOf(good));
        assertThat(browser.text("count-duplicates")).isEqualTo(api.path("duplicates").asText());
        assertThat(browser.text("count-rejected")).isEqualTo("2");
        assertThat(browser.all("#handover-errors tbody tr")).hasSize(2);
        assertThat(browser.text("handover-errors")).contains("身份证号").contains("手机号").doesNotContain("idNumber");
        browser.screenshot("handover");

        // the download link, fetched with the page's own session
        WebElement link = browser.byId("rejected-link");
        assertThat(link.isDisplayed()).isTrue();
        String rejected = (String) browser.driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done);",
                link.getAttribute("href"));
        List<String> lines = new ArrayList<>(List.of(rejected.replace("\uFEFF", "").split("\r?\n")));
        assertThat(lines.get(0)).startsWith("姓名,身份证号").endsWith("错误原因");
        assertThat(lines).hasSize(3);
        assertThat(String.join("\n", lines)).contains(marker + "坏号").contains(marker + "坏电话");

        // reloaded later, the page shows the finished hand-over as it is
        browser.open("/handovers/" + id);
        assertThat(browser.byId("handover-progress").getAttribute("value")).isEqualTo(String.valueOf(good + 2));
        assertThat(browser.byId("rejected-link").isDisplayed()).isTrue();
        browser.login("counselor.jmpt"); // another university: not theirs
        browser.open("/handovers/" + id);
        assertThat(browser.driver.getPageSource()).contains("未找到");
    }

    @Test
    void aFileOverTheUploadLimitIsRefusedOnThePageBeforeItIsSent() throws IOException {
        Path big = Path.of("target", "handover-too-large.csv").toAbsolutePath();
        try (var out = Files.newOutputStream(big)) {
            byte[] line = "姓名,身份证号\n".getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written <= 21L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        browser.login("counselor.wyu");
        browser.click(browser.driver.findElement(By.cssSelector("nav a[href='/handovers/new']")));
        assertThat(browser.byId("too-large").isDisplayed()).isFalse();
        browser.byId("file").sendKeys(big.toString());
        browser.click("upload");

        assertThat(browser.path()).isEqualTo("/handovers/new");
        assertThat(browser.byId("too-large").isDisplayed()).isTrue();
        assertThat(browser.byId("too-large").getText()).contains("20 MB");
        Files.deleteIfExists(big);
    }

    @Test
    void dashboardFiguresEqualTheApisWithTheChartAndDrillDownToADistrictsGraduates() throws IOException {
        // graduates of this year, some placed, in two districts: bars of different heights
        for (String[] d : new String[][] { { "cw.pengjiang", "440703", "3" }, { "cw.taishan", "440781", "1" } }) {
            for (int i = 0; i < 4; i++) {
                JsonNode g = Api.as(rest, d[0]).post("/api/graduates", map("name", "看板落实" + suffix(),
                        "idNumber", TestGraduates.idNumber(d[1], Gender.MALE), "gender", "MALE", "phone",
                        TestGraduates.phone(), "university", "五邑大学", "major", "会计学", "degree", "BACHELOR",
                        "graduationYear", LocalDate.now(CityTime.ZONE).getYear(), "district", d[1], "difficulties",
                        List.of(), "source", "JOB_SEEKING_REGISTRATION")).expect(201).json();
                if (i < Integer.parseInt(d[2])) {
                    Api.as(rest, d[0]).post("/api/graduates/" + g.path("id").asLong() + "/destination",
                            map("code", "11", "date", LocalDate.now(CityTime.ZONE).toString(), "employer", "江门某公司"))
                            .expect(200);
                }
            }
        }
        // the education department's totals of this year for the graduates' university: the cohort rate
        int year = LocalDate.now(CityTime.ZONE).getYear();
        Api.as(rest, "sup.city").exchange(org.springframework.http.HttpMethod.PUT, "/api/cohorts/" + year + "/WYU",
                map("graduates", 5000, "placedAtLeaving", 3600)).expect(200);
        browser.login("sup.city");
        assertThat(browser.path()).isEqualTo("/dashboard");
        Api api = Api.as(rest, "sup.city");
        JsonNode placement = api.get("/api/reports/placement").expect(200).json();
        JsonNode compliance = api.get("/api/reports/compliance?graduationYear=" + placement.path("graduationYear").asInt())
                .expect(200).json();

        // the cohort rate (all graduates), judged against the target of the day; the registered share apart
        JsonNode cohort = placement.path("cohort");
        assertThat(browser.text("cohort-title")).isEqualTo("毕业去向落实率（全体毕业生）");
        assertThat(browser.text("cohort-rate")).isEqualTo(percent(cohort.path("rate").decimalValue()));
        assertThat(browser.text("cohort-counts").replace(",", "")).isEqualTo("已落实 " + cohort.path("placed").asLong() + " 人，共 "
                + cohort.path("graduates").asLong() + " 人");
        assertThat(browser.byId("cohort-target").getAttribute("data-status"))
                .isEqualTo(placement.path("targetStatus").path("status").asText());
        for (JsonNode u : placement.path("universities")) {
            if (u.has("cohort") && !u.path("cohort").isNull()) {
                WebElement row = browser.driver.findElement(
                        By.cssSelector("#cohort-universities tr[data-university='" + u.path("code").asText() + "']"));
                assertThat(row.findElement(By.cssSelector(".rate")).getText())
                        .isEqualTo(percent(u.path("cohort").path("rate").decimalValue()));
            }
        }
        JsonNode registered = placement.path("registered");
        assertThat(browser.text("registered-title")).isEqualTo("登记离校未就业毕业生中已落实");
        assertThat(browser.text("registered-rate")).isEqualTo(percent(registered.path("rate").decimalValue()));
        assertThat(browser.text("registered-counts").replace(",", "")).isEqualTo("已落实 " + registered.path("placed").asLong()
                + " 人，共 " + registered.path("graduates").asLong() + " 人");
        for (JsonNode d : placement.path("byDistrict")) {
            WebElement row = browser.driver.findElement(
                    By.cssSelector("#placement tr[data-district='" + d.path("district").asText() + "']"));
            assertThat(row.findElement(By.cssSelector(".graduates")).getText()).isEqualTo(d.path("graduates").asText());
            assertThat(row.findElement(By.cssSelector(".placed")).getText()).isEqualTo(d.path("placed").asText());
            assertThat(row.findElement(By.cssSelector(".rate")).getText()).isEqualTo(percent(d.path("rate").decimalValue()));
        }
        for (JsonNode d : compliance.path("districts")) {
            WebElement row = browser.driver.findElement(
                    By.cssSelector("#compliance tr[data-district='" + d.path("district").asText() + "']"));
            for (Map.Entry<String, String> c : Map.of("willing", "willing", "met131", "met131", "not-yet-met",
                    "notYetMet", "overdue-tasks", "overdueTasks", "without-helper", "inDifficultyWithoutHelper")
                    .entrySet()) {
                assertThat(row.findElement(By.cssSelector("." + c.getKey())).getAttribute("textContent").strip())
                        .as("%s of %s", c.getValue(), d.path("district").asText()).isEqualTo(d.path(c.getValue()).asText());
            }
        }
        assertThat(browser.driver.findElement(By.cssSelector("#compliance-total .met131")).getText())
                .isEqualTo(compliance.path("total").path("met131").asText());

        // the chart of the cohort rate: ECharts from the WebJar drew one bar per university and the two target lines
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(20))
                .until(d -> "true".equals(browser.byId("placement-chart").getAttribute("data-rendered")));
        WebElement chart = browser.byId("placement-chart");
        assertThat(chart.findElements(By.tagName("svg"))).isNotEmpty();
        assertThat(chart.getAttribute("textContent")).contains("7月31日目标 70").contains("12月31日目标 90");
        assertThat(chart.getAttribute("aria-label")).contains("70.0 %").contains("90.0 %");
        browser.screenshot("dashboard-chart");

        // drill down: a district to its graduates
        String district = compliance.path("districts").get(0).path("district").asText();
        browser.click(browser.driver.findElement(By.cssSelector("#compliance tr[data-district='" + district + "'] a.drill")));
        assertThat(browser.path()).isEqualTo("/graduates");
        long inDistrict = api.get("/api/graduates?size=1&district=" + district).expect(200).json().path("totalElements")
                .asLong();
        assertThat(browser.text("graduate-count").replace(",", "")).isEqualTo("共 " + inDistrict + " 项");

        // a year without totals: said so, with the way to load them, and nothing drawn against the targets
        browser.open("/dashboard?graduationYear=2089");
        assertThat(browser.text("cohort-missing")).contains("2089 届尚未导入各校毕业生总数");
        assertThat(browser.all("#placement-chart")).isEmpty();
        browser.click("load-totals");
        assertThat(browser.path()).isEqualTo("/cohorts");
        assertThat(browser.text("none-loaded")).contains("2089 届尚未导入毕业生总数");

        // a district supervisor sees their own district only, as the API answers them
        browser.login("sup.pengjiang");
        JsonNode own = Api.as(rest, "sup.pengjiang").get("/api/reports/placement").expect(200).json();
        assertThat(browser.text("registered-rate")).isEqualTo(percent(own.path("registered").path("rate").decimalValue()));
        assertThat(browser.all("#placement tbody tr")).hasSize(1);
        assertThat(browser.all("#cohort-rate")).isEmpty();
        assertThat(browser.all("#load-totals")).isEmpty();
        assertThat(browser.all("nav a[href='/cohorts']")).isEmpty();
        assertThat(browser.all("#compliance tbody tr[data-district='440703']")).hasSize(1);
    }

    // ---------------------------------------------------------------------------------------------

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    private static Map<String, Object> student(String name) {
        return map("name", name, "idNumber", TestGraduates.idNumber("440703", Gender.MALE), "gender", "MALE",
                "phone", TestGraduates.phone(), "university", "五邑大学", "major", "电子商务", "degree", "ASSOCIATE",
                "graduationYear", Year.now().getValue() + 1, "district", "440703",
                "difficulties", List.of("ZERO_EMPLOYMENT"), "evidence", "零就业家庭认定表，社区盖章");
    }

    private String taskOf(String user, String query, long graduateId) {
        JsonNode page = Api.as(rest, user).get("/api/tasks?size=200&" + query).expect(200).json();
        for (JsonNode t : page.path("content")) {
            if (t.path("graduateId").asLong() == graduateId) {
                return t.path("id").asText();
            }
        }
        throw new AssertionError("no task " + query + " for graduate " + graduateId);
    }

    private void fireFollowUpTimer(long assistanceId) {
        String pid = runtime.createProcessInstanceQuery().processDefinitionKey("oneToOneAssistance")
                .variableValueEquals("assistanceId", assistanceId).singleResult().getId();
        Job job = management.createJobQuery().processInstanceId(pid).activityId("followUpWait").singleResult();
        assertThat(job).as("the follow-up timer").isNotNull();
        management.executeJob(job.getId());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String suffix() {
        return TestGraduates.tag();
    }
}
