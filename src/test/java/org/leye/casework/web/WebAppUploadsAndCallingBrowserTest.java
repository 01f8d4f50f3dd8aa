package org.leye.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.TestGraduates.graduate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leye.casework.graduates.Gender;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * More pages of issue 20 in headless Chromium: a counselor uploads a list of students in difficulty
 * on {@code /assistance/uploads} and reads each row's result; the assignee caseworker of a first
 * contact shows the graduate's whole phone once on the task page and records a WeChat attempt that
 * nobody answered, which the graduate's ledger then names. Screenshots go to target/screenshots/.
 */
@IntegrationTest
@ExtendWith(BrowserAvailable.class)
class WebAppUploadsAndCallingBrowserTest extends BrowserPages {

    private static final List<String> HEADER = List.of("姓名", "身份证号", "性别", "联系电话", "学校", "专业", "学历",
            "毕业年份", "所属区县", "困难类别", "困难情况说明", "预计离校日期");

    @Test
    void aCounselorUploadsAListOfStudentsAndSeesEachRowRegisteredOrReturnedWithItsReason() throws IOException {
        String marker = "网传" + TestGraduates.hanzi();
        List<List<String>> rows = List.of(student(marker + "甲", "低保家庭"), student(marker + "乙", "零就业家庭"),
                student(marker + "丙", "无")); // no difficulty: returned
        Path dir = Files.createTempDirectory("leye-students-");
        Path csv = dir.resolve("困难学生名单.csv");
        try {
            Files.write(csv, csv(rows));

            browser.login("counselor.wyu");
            browser.open("/assistance/uploads");
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("批量登记困难学生");
            assertThat(browser.driver.getPageSource()).contains("困难情况说明");
            browser.byId("file").sendKeys(csv.toAbsolutePath().toString());
            browser.screenshot("assistance-uploads");
            browser.click("upload");
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(dir);
        }

        assertThat(browser.path()).matches("/assistance/uploads/\\d+");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("批量登记困难学生 · 困难学生名单.csv");
        long uploadId = Long.parseLong(browser.path().substring("/assistance/uploads/".length()));
        // the page polls the hand-over and reloads itself when it is done
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return document.readyState === 'complete'"
                                + " && document.getElementById('handover').dataset.status === 'DONE'"
                                + " && document.querySelectorAll('#upload-rows tbody tr').length === 3")));
        assertThat(browser.text("handover-status")).isEqualTo("已完成");
        assertThat(browser.text("count-total")).isEqualTo("3");
        assertThat(browser.text("count-accepted")).isEqualTo("2");
        assertThat(browser.text("count-rejected")).isEqualTo("1");

        JsonNode upload = Api.as(rest, "counselor.wyu").get("/api/assistance/uploads/" + uploadId).expect(200).json();
        List<String> outcomes = new ArrayList<>();
        for (WebElement tr : browser.all("#upload-rows tbody tr")) {
            outcomes.add(tr.getAttribute("data-row") + " " + tr.getAttribute("data-outcome"));
        }
        assertThat(outcomes).containsExactly("2 ACCEPTED", "3 ACCEPTED", "4 REJECTED");
        for (int i = 0; i < 2; i++) {
            long assistanceId = upload.path("rows").get(i).path("assistanceId").asLong();
            WebElement link = row(i + 2).findElement(By.cssSelector("td:nth-child(2) a"));
            assertThat(link.getText()).isEqualTo("已登记");
            assertThat(link.getAttribute("href")).endsWith("/assistance/" + assistanceId);
        }
        WebElement rejected = row(4);
        assertThat(rejected.findElements(By.cssSelector("td:nth-child(2) a"))).as("no assistance to link").isEmpty();
        assertThat(rejected.findElement(By.cssSelector("td:nth-child(2)")).getText()).isEqualTo("退回");
        assertThat(rejected.findElement(By.cssSelector("td:nth-child(3) li")).getText())
                .isEqualTo("困难类别：困难学生至少应有一项困难类别（脱贫家庭、低保家庭、零就业家庭、残疾、其他）");
        assertThat(rejected.findElement(By.cssSelector("td:nth-child(3) ul")).getCssValue("list-style-type"))
                .as("the reasons listed without bullets").isEqualTo("none");
        assertThat(browser.byId("rejected-link").getAttribute("href"))
                .endsWith("/api/handovers/" + uploadId + "/rejected");
        browser.screenshot("assistance-upload-result");

        browser.click(row(2).findElement(By.cssSelector("td:nth-child(2) a")));
        assertThat(browser.path()).isEqualTo("/assistance/" + upload.path("rows").get(0).path("assistanceId").asLong());
        assertThat(browser.text("student-name")).isEqualTo(marker + "甲");
    }

    @Test
    void theAssigneeShowsTheWholeNumberOnceAndRecordsAnUnansweredWeChatThatTheLedgerNames() throws IOException {
        Map<String, Object> body = graduate("显号" + TestGraduates.hanzi(), "440703");
        String phone = (String) body.get("phone");
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        Api cw = Api.as(rest, "cw.pengjiang");
        JsonNode g = cw.post("/api/graduates", body).expect(201).json();
        long id = g.path("id").asLong();
        String task = cw.get("/api/tasks?scope=all&type=FIRST_CONTACT&q=" + g.path("caseNumber").asText()).expect(200)
                .json().path("content").get(0).path("id").asText();

        browser.login("cw.pengjiang");
        browser.open("/tasks/" + task);
        assertThat(browser.all("#show-phone")).as("only the assignee may show the number").isEmpty();
        browser.click("claim");
        assertThat(browser.text("unclaim")).isNotBlank();
        assertThat(browser.text("phone")).contains(masked).doesNotContain(phone);
        assertThat(browser.text("show-phone")).isEqualTo("显示号码");

        browser.click("show-phone");
        String whole = browser.text("full-phone");
        assertThat(whole).isEqualTo(phone)
                .isEqualTo(cw.get("/api/graduates/" + id + "/identity").expect(200).json().path("phone").asText());
        assertThat(browser.byId("full-phone").getAttribute("href")).isEqualTo("tel:" + phone);
        assertThat(browser.text("phone-shown")).startsWith("完整号码仅在本页显示这一次");
        assertThat(browser.byId("phone").findElements(By.id("phone-shown")))
                .as("the hint beside the number, not a cell of the record's grid of its own").hasSize(1);
        assertThat(browser.all("#show-phone")).isEmpty();
        assertThat(labels("channel")).containsExactly("请选择", "电话", "当面约谈", "网络", "家访", "短信", "微信");
        assertThat(labels("outcome")).containsExactly("请选择", "联系上", "无人接听", "号码错误", "拒绝沟通");
        browser.choose("channel", "WECHAT");
        browser.choose("outcome", "NO_ANSWER");
        browser.fill("note", "微信语音未接");
        browser.screenshot("task-show-number");

        // opened again, the page shows the masked number: nothing kept the whole one
        browser.open("/tasks/" + task);
        assertThat(browser.text("phone")).contains(masked).doesNotContain(phone);
        assertThat(browser.all("#full-phone")).isEmpty();
        assertThat(browser.driver.getPageSource()).doesNotContain(phone);

        browser.choose("channel", "WECHAT");
        browser.choose("outcome", "NO_ANSWER");
        browser.fill("note", "微信语音未接");
        browser.click("complete");
        assertThat(browser.path()).isEqualTo("/inbox");

        browser.open("/graduates/" + id);
        List<WebElement> attempts = browser.all("#timeline li[data-type='CONTACT_ATTEMPT']");
        assertThat(attempts).hasSize(1);
        assertThat(attempts.get(0).getText()).contains("联系未果", "联系渠道：微信", "结果：无人接听", "微信语音未接")
                .doesNotContain(phone);
        assertThat(browser.driver.getPageSource()).doesNotContain(phone);
    }

    // ---------------------------------------------------------------------------------------------

    /** A 五邑大学 student of 蓬江区 leaving school next year, with the given difficulty. */
    private static List<String> student(String name, String difficulty) {
        return List.of(name, TestGraduates.idNumber("440703", Gender.MALE), "男", TestGraduates.phone(), "五邑大学",
                "机械工程", "本科", String.valueOf(Year.now().getValue() + 1), "蓬江区", difficulty, "困难证明，学院审核", "");
    }

    private static byte[] csv(List<List<String>> rows) {
        StringBuilder text = new StringBuilder("\uFEFF").append(String.join(",", HEADER)).append("\r\n");
        rows.forEach(r -> text.append(String.join(",", r)).append("\r\n"));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static WebElement row(int number) {
        return browser.driver.findElement(By.cssSelector("#upload-rows tbody tr[data-row='" + number + "']"));
    }

    private static List<String> labels(String selectId) {
        return new Select(browser.byId(selectId)).getOptions().stream().map(WebElement::getText).toList();
    }
}
