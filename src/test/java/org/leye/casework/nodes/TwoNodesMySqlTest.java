package org.leye.casework.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leye.casework.CaseworkApplication;
import org.leye.casework.support.Api;
import org.leye.casework.support.MySqlAvailable;
import org.leye.casework.support.TestGraduates;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes on one MySQL database, as behind a load balancer: each its own web
 * server, connection pool, process engine and job executor (two Spring applications; here in one
 * JVM, started one after the other as a rolling deployment would). They share the database of
 * TEST_DB_URL with the suffix {@code _nodes}, made fresh for this test.
 */
@ExtendWith(MySqlAvailable.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesMySqlTest {

    private static final String DISTRICT = "440703";

    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;
    private JdbcTemplate db;

    @BeforeAll
    void startTwoNodes() throws Exception {
        String url = freshDatabase();
        nodeA = start("node-a", url);
        nodeB = start("node-b", url);
        db = new JdbcTemplate(nodeA.getBean(DataSource.class));
    }

    @AfterAll
    void stopNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    void aTaskCompletedOnOneNodeIsGoneFromTheOtherNodesInbox() {
        String caseNumber = register(api(nodeA), "两节点甲");
        String taskId = openTask(api(nodeB), caseNumber);
        assertThat(openTask(api(nodeA), caseNumber)).isEqualTo(taskId);

        api(nodeB).post("/api/tasks/" + taskId + "/complete", map("reached", true, "willingness", "WANTS_JOB"))
                .expect(204);

        assertThat(api(nodeA).get("/api/tasks?q=" + caseNumber).expect(200).json().path("content"))
                .noneMatch(t -> t.path("id").asText().equals(taskId))
                .anyMatch(t -> t.path("type").asText().equals("GUIDANCE"));
        api(nodeA).post("/api/tasks/" + taskId + "/complete", map("reached", true, "willingness", "WANTS_JOB"))
                .expect(409);
        assertThat(db.queryForObject("select count(*) from ledger_entry where task_id = ?", Integer.class, taskId))
                .as("ledger entries of the completed task").isEqualTo(1);
    }

    @Test
    void aTimerDueOnBothNodesFiresOnce() throws Exception {
        List<String> caseNumbers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            caseNumbers.add(register(i % 2 == 0 ? api(nodeA) : api(nodeB), "两节点计时" + i));
        }
        List<String> instances = caseNumbers.stream().map(n -> db.queryForObject(
                "select process_instance_id from case_file where case_number = ?", String.class, n)).toList();
        String in = String.join(",", instances.stream().map(i -> "'" + i + "'").toList());

        // the first-contact deadline passes: both job executors see the same twelve timers due
        int due = db.update("update ACT_RU_JOB set DUEDATE_ = ? where HANDLER_CFG_ like 'firstContactOverdue%'"
                + " and PROCESS_INSTANCE_ID_ in (" + in + ")", Timestamp.from(Instant.now().minusSeconds(60)));
        assertThat(due).isEqualTo(12);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (remainingTimers(in) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        assertThat(remainingTimers(in)).as("overdue timers still waiting").isZero();

        // each timer ran its service task exactly once, and wrote one OVERDUE entry per case
        for (String instance : instances) {
            assertThat(db.queryForObject("select count(*) from ACT_HI_ACTINST where PROC_INST_ID_ = ?"
                    + " and ACT_ID_ = 'markFirstContactOverdue'", Integer.class, instance))
                    .as("overdue handling of %s", instance).isEqualTo(1);
        }
        for (String caseNumber : caseNumbers) {
            assertThat(db.queryForObject("select count(*) from ledger_entry l join case_file c on c.id = l.case_id"
                    + " where c.case_number = ? and l.type = 'OVERDUE'", Integer.class, caseNumber)).isEqualTo(1);
        }
        assertThat(db.queryForObject("select count(*) from ACT_RU_INCIDENT where PROC_INST_ID_ in (" + in + ")",
                Integer.class)).isZero();
        System.out.printf(Locale.ROOT, "TWO NODES | 12 timers due on two job executors: 12 fired, each once%n");
    }

    @Test
    void aSessionSurvivesASwitchOfNode() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> loginPage = http.send(HttpRequest.newBuilder(uri(nodeA, "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = sessionCookie(loginPage);
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).as("CSRF field on the login page").isTrue();

        String form = "username=cw.pengjiang&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri(nodeA, "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String session = sessionCookie(login);

        // the load balancer sends the next request to the other node
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(uri(nodeB, "/api/me")).header("Cookie", session)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("cw.pengjiang");

        // and without the session cookie that node does not know the user
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri(nodeB, "/api/me"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void bothNodesServeRegistrationsTogether() throws Exception {
        int n = 40;
        // both nodes warmed up first (JIT, caches, connections), so that neither figure has the other's start-up in it
        registrationsPerSecond(20, List.of(nodeA, nodeB), "warm");
        double[] one = new double[2];
        double[] two = new double[2];
        for (int round = 0; round < 2; round++) {
            one[round] = registrationsPerSecond(n, List.of(nodeA), "one" + round);
            two[round] = registrationsPerSecond(n, List.of(nodeA, nodeB), "two" + round);
        }
        assertThat(db.queryForObject("select count(*) from graduate where name like '吞吐%'", Integer.class))
                .isEqualTo(20 + 4 * n);
        assertThat(db.queryForObject("select count(*) from graduate g left join case_file c on c.graduate_id = g.id"
                + " where g.name like '吞吐%' and c.process_instance_id is null", Integer.class))
                .as("graduates without a started case").isZero();
        // a figure, not a pass mark: docs/operations.md "Two nodes on one database" says how to read it
        double bestOne = Math.max(one[0], one[1]);
        double bestTwo = Math.max(two[0], two[1]);
        System.out.printf(Locale.ROOT, "TWO NODES | registrations with case start over HTTP, 4 clients, two rounds:"
                + " one node %.1f/s and %.1f/s, two nodes %.1f/s and %.1f/s (best %.0f %%)%n", one[0], one[1], two[0],
                two[1], 100 * bestTwo / bestOne);
    }

    private double registrationsPerSecond(int n, List<ConfigurableApplicationContext> nodes, String run)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            long start = System.nanoTime();
            List<Future<String>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ConfigurableApplicationContext node = nodes.get(i % nodes.size());
                String name = "吞吐" + run + "-" + i;
                done.add(clients.submit(() -> register(api(node), name)));
            }
            for (Future<String> f : done) {
                assertThat(f.get()).startsWith("JM-");
            }
            return n / ((System.nanoTime() - start) / 1e9);
        } finally {
            clients.shutdown();
        }
    }

    private int remainingTimers(String instances) {
        return db.queryForObject("select count(*) from ACT_RU_JOB where HANDLER_CFG_ like 'firstContactOverdue%'"
                + " and PROCESS_INSTANCE_ID_ in (" + instances + ")", Integer.class);
    }

    private static String register(Api api, String name) {
        return api.post("/api/graduates", TestGraduates.graduate(name, DISTRICT)).expect(201).json().path("caseNumber")
                .asText();
    }

    private static String openTask(Api api, String caseNumber) {
        var content = api.get("/api/tasks?q=" + caseNumber).expect(200).json().path("content");
        assertThat(content).hasSize(1);
        return content.get(0).path("id").asText();
    }

    private static Api api(ConfigurableApplicationContext node) {
        return Api.as(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port(node))),
                "cw.pengjiang");
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static URI uri(ConfigurableApplicationContext node, String path) {
        return URI.create("http://localhost:" + port(node) + path);
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("SESSION=")).findFirst()
                .orElseThrow(() -> new AssertionError("no SESSION cookie in " + response.headers().map()));
    }

    private static ConfigurableApplicationContext start(String node, String url) {
        // as command-line arguments, which take precedence over the profiles' files
        return new SpringApplicationBuilder(CaseworkApplication.class).profiles("test", "demo")
                .run("--server.port=0", "--leye.demo.allow-on-server=true", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + MySqlAvailable.user(),
                        "--spring.datasource.password=" + MySqlAvailable.password(),
                        "--spring.datasource.hikari.maximum-pool-size=8",
                        "--spring.application.name=leye-" + node,
                        "--camunda.bpm.job-execution.enabled=true",
                        "--camunda.bpm.job-execution.wait-time-in-millis=200",
                        "--camunda.bpm.job-execution.max-wait=1000",
                        "--camunda.bpm.generic-properties.properties.hostname=" + node,
                        // an engine name of its own: closing this node leaves the other test contexts' engine
                        // ("default") registered; no Cockpit, whose JVM-wide state closing would clear
                        "--camunda.bpm.process-engine-name=" + node.replace('-', '_'),
                        "--camunda.bpm.webapp.enabled=false",
                        "--spring.jmx.enabled=false", "--spring.main.banner-mode=off");
    }

    /** TEST_DB_URL's server, a database of its own: {@code <name>_nodes}, dropped and made again. */
    private static String freshDatabase() throws Exception {
        String url = MySqlAvailable.url();
        Matcher m = Pattern.compile("^(jdbc:mysql://[^/]+/)([^?]*)(.*)$").matcher(url);
        assertThat(m.matches()).as("TEST_DB_URL names a database: %s", url.replaceAll("\\?.*", "")).isTrue();
        String name = (m.group(2).isEmpty() ? "leye_test" : m.group(2)) + "_nodes";
        try (Connection c = DriverManager.getConnection(url, MySqlAvailable.user(), MySqlAvailable.password());
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name + " character set utf8mb4 collate utf8mb4_unicode_ci");
        }
        return m.group(1) + name + m.group(3);
    }
}
