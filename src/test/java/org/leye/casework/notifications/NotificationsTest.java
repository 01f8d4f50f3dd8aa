package org.leye.casework.notifications;

import org.leye.casework.support.TestGraduates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;
import static org.leye.casework.support.TestGraduates.graduate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leye.casework.shared.ApplicationCaller;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.tasks.DueTomorrowNotices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * Notifications: each fires once at the right time with its deep link, is the recipient's own,
 * and is e-mailed (to GreenMail on the port that application-test.yml names) with nothing personal
 * beyond a name and a case number.
 */
@IntegrationTest
class NotificationsTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService management;
    @Autowired
    DueTomorrowNotices dueTomorrow;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    Api cw() {
        return Api.as(rest, "cw.pengjiang");
    }

    record Registered(long id, String caseNumber, String name, String idNumber, String phone) {
    }

    Registered register(String name) {
        Map<String, Object> body = graduate(name, "440703");
        JsonNode g = cw().post("/api/graduates", body).expect(201).json();
        return new Registered(g.path("id").asLong(), g.path("caseNumber").asText(), name, (String) body.get("idNumber"),
                (String) body.get("phone"));
    }

    String taskOf(Registered g) {
        return taskService.createTaskQuery().processInstanceBusinessKey(g.caseNumber()).singleResult().getId();
    }

    static List<JsonNode> withLink(Api as, String link) {
        List<JsonNode> found = new ArrayList<>();
        as.get("/api/notifications?size=200").expect(200).json().path("content").forEach(n -> {
            if (n.path("link").asText().equals(link)) {
                found.add(n);
            }
        });
        return found;
    }

    @Test
    void overdueTellsTheAssigneeAndEverySupervisorOnceWithTheLink() {
        Registered g = register("逾期通知");
        String task = taskOf(g);
        cw().post("/api/tasks/" + task + "/claim", null).expect(204);
        String pid = taskService.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
        management.executeJob(management.createJobQuery().processInstanceId(pid).activityId("firstContactOverdue")
                .singleResult().getId());

        String link = "/tasks/" + task;
        for (String user : List.of("cw.pengjiang", "sup.pengjiang", "sup.city")) {
            List<JsonNode> got = withLink(Api.as(rest, user), link);
            assertThat(got).as(user).hasSize(1);
            assertThat(got.get(0).path("kind").asText()).isEqualTo("TASK_OVERDUE");
            assertThat(got.get(0).path("read").asBoolean()).isFalse();
            assertThat(got.get(0).path("text").asText()).contains(g.caseNumber());
        }
        assertThat(withLink(Api.as(rest, "cw.pengjiang2"), link)).isEmpty();
        assertThat(withLink(Api.as(rest, "cw.taishan"), link)).isEmpty();
    }

    @Test
    void dueTomorrowIsSentOnceToTheAssignee() {
        Registered g = register("明天到期");
        String task = taskOf(g);
        cw().post("/api/tasks/" + task + "/claim", null).expect(204);
        Instant now = Instant.now();
        LocalDate tomorrow = LocalDate.ofInstant(now, SHANGHAI).plusDays(1);
        ApplicationCaller.run(() -> taskService.setDueDate(task,
                Date.from(tomorrow.atTime(15, 0).atZone(SHANGHAI).toInstant())));

        // two days before: nothing yet
        dueTomorrow.notifyDueTomorrow(now.minusSeconds(86_400));
        assertThat(withLink(cw(), "/tasks/" + task)).isEmpty();

        assertThat(dueTomorrow.notifyDueTomorrow(now)).isPositive();
        dueTomorrow.notifyDueTomorrow(now);
        List<JsonNode> got = withLink(cw(), "/tasks/" + task);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).path("kind").asText()).isEqualTo("TASK_DUE_TOMORROW");
        assertThat(withLink(Api.as(rest, "cw.pengjiang2"), "/tasks/" + task)).isEmpty();
    }

    @Test
    void readStateIsPerUserAndAnotherUsersNotificationIsNotFound() {
        Registered g = register("已读状态");
        String task = taskOf(g);
        String pid = taskService.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
        management.executeJob(management.createJobQuery().processInstanceId(pid).activityId("firstContactOverdue")
                .singleResult().getId());
        Api sup = Api.as(rest, "sup.pengjiang");
        Api city = Api.as(rest, "sup.city");
        long id = withLink(sup, "/tasks/" + task).get(0).path("id").asLong();
        long unread = sup.get("/api/notifications/unread-count").json().path("unread").asLong();
        assertThat(sup.get("/api/notifications?unread=true&size=200").json().toString()).contains("\"id\":" + id);

        city.post("/api/notifications/" + id + "/read", null).expect(404);
        JsonNode read = sup.post("/api/notifications/" + id + "/read", null).expect(200).json();
        assertThat(read.path("read").asBoolean()).isTrue();
        assertThat(read.path("link").asText()).isEqualTo("/tasks/" + task);
        assertThat(sup.get("/api/notifications/unread-count").json().path("unread").asLong()).isEqualTo(unread - 1);
        assertThat(sup.get("/api/notifications?unread=true&size=200").json().toString()).doesNotContain("\"id\":" + id + ",");
        // the city supervisor's copy is still unread
        assertThat(withLink(city, "/tasks/" + task).get(0).path("read").asBoolean()).isFalse();
        sup.post("/api/notifications/999999999/read", null).expect(404);
    }

    @Test
    void handOverTellsTheDistrictsCaseworkers() {
        Registered g = register("移交通知");
        tx.executeWithoutResult(s -> notifications.handedOver("440703", g.id(), g.name(), g.caseNumber()));
        for (String user : List.of("cw.pengjiang", "cw.pengjiang2")) {
            List<JsonNode> got = withLink(Api.as(rest, user), "/graduates/" + g.id());
            assertThat(got).hasSize(1);
            assertThat(got.get(0).path("kind").asText()).isEqualTo("HANDED_OVER");
            assertThat(got.get(0).path("text").asText()).contains(g.name()).contains(g.caseNumber());
        }
        assertThat(withLink(Api.as(rest, "cw.taishan"), "/graduates/" + g.id())).isEmpty();
    }

    @Test
    void assignmentIsEmailedWithANameAndCaseNumberOnly() throws Exception {
        greenMail.reset();
        Registered g = register("邮件通知");
        String task = taskOf(g);
        Api.as(rest, "sup.pengjiang").post("/api/tasks/reassign",
                map("taskIds", List.of(task), "assignee", "cw.pengjiang2", "reason", "邮件测试")).expect(200);

        assertThat(greenMail.waitForIncomingEmail(15_000, 1)).isTrue();
        MimeMessage mail = List.of(greenMail.getReceivedMessages()).stream()
                .filter(m -> GreenMailUtil.getBody(m).contains(task) || body(m).contains(g.caseNumber()))
                .findFirst().orElseThrow();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("cw.pengjiang2@example.org");
        String body = body(mail);
        assertThat(body).contains(g.caseNumber()).contains(g.name()).contains("/tasks/" + task);
        assertThat(body).doesNotContain(g.idNumber()).doesNotContain(g.idNumber().substring(6, 14))
                .doesNotContain(g.phone());
    }

    @Test
    void aUserWithoutAnAddressGetsNoEmailAndTheSupervisorsAreToldOnce() throws Exception {
        String username = "cw.nomail" + TestGraduates.tag();
        jdbc.update("INSERT INTO app_user (username, password_hash, display_name, role, district_code, email, enabled,"
                + " created_at) VALUES (?, 'x', '无邮箱经办', 'CASEWORKER', '440785', NULL, TRUE, CURRENT_TIMESTAMP)",
                username);
        greenMail.reset();
        tx.executeWithoutResult(s -> notifications.toUser(username, "TASK_ASSIGNED", "测试", "/tasks/x"));
        tx.executeWithoutResult(s -> notifications.toUser(username, "TASK_ASSIGNED", "测试", "/tasks/y"));

        assertThat(notifications.forUser(username)).hasSize(2);
        assertThat(withLink(Api.as(rest, "sup.city"), "/users/" + username)).hasSize(1)
                .allSatisfy(n -> assertThat(n.path("kind").asText()).isEqualTo("NO_EMAIL"));
        assertThat(withLink(Api.as(rest, "sup.pengjiang"), "/users/" + username)).isEmpty();
        Thread.sleep(500);
        assertThat(List.of(greenMail.getReceivedMessages())).noneMatch(m -> body(m).contains(username)
                || body(m).contains("/tasks/x"));
    }

    @Test
    void aFederationOfficerWithoutAnAddressIsTheirDistrictSupervisorsToFixOnTheAccountsPage() {
        String username = "dpf.nomail" + TestGraduates.tag();
        jdbc.update("INSERT INTO app_user (username, password_hash, display_name, role, district_code, email, enabled,"
                + " created_at) VALUES (?, 'x', '无邮箱专干', 'DPF_OFFICER', '440703', NULL, TRUE, CURRENT_TIMESTAMP)",
                username);

        tx.executeWithoutResult(s -> notifications.toUser(username, "TASK_ASSIGNED", "测试", "/tasks/z"));

        assertThat(withLink(Api.as(rest, "sup.pengjiang"), "/users/" + username)).hasSize(1);
        Api.as(rest, "sup.pengjiang").get("/api/users/" + username).expect(200);
    }

    private static String body(MimeMessage m) {
        try {
            Object content = m.getContent();
            return content instanceof String s ? s : GreenMailUtil.getBody(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
