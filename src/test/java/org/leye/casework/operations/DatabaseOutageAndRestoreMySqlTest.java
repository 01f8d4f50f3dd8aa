package org.leye.casework.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leye.casework.CaseworkApplication;
import org.leye.casework.support.DisposableMariaDb;
import org.leye.casework.support.MySqlAvailable;
import org.leye.casework.support.TestGraduates;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reliability on a real MariaDB: the database stopped and restarted under load, then a backup and
 * its restore. The server is the test's own ({@link DisposableMariaDb}: a data directory under /tmp,
 * a free port), never the shared one on 3306; the application runs in a Spring context of its own
 * (this class's alone, started twice: on the disposable server, then on the restored copy).
 * <ol>
 * <li>Under load (registrations and task completions from several threads over HTTP Basic), the
 * server is killed ({@code SIGKILL}, a crash), later stopped cleanly ({@code SIGTERM}); meanwhile
 * every request fails cleanly: 503 problem+json with {@code Retry-After}, and the health endpoint says
 * DOWN. The server is started again and the same application serves again, not restarted. Nothing is
 * half-written: every graduate has a case, every case a process instance, every completed task exactly
 * one ledger entry and every acknowledged write (201, 204) is there.</li>
 * <li>{@code mariadb-dump} of the database (our tables and the engine's {@code ACT_*}) while the
 * application runs, restored into a fresh database on the test server of {@code TEST_DB_URL}
 * ({@code <its database>_restore}, created and dropped here), the application started on it, and a
 * case carried on: its next task completed and its ledger entry written.</li>
 * </ol>
 */
@Tag("mysql")
@ExtendWith(MySqlAvailable.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageAndRestoreMySqlTest {

    private static final String DATABASE = "leye";
    private static final String DISTRICT = "440703";
    private static final String CASEWORKER = "cw.pengjiang";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DisposableMariaDb db;
    private static ConfigurableApplicationContext app;
    private static HttpClient http;
    private static String base;

    /** Acknowledged writes: graduates answered 201, tasks answered 204. */
    private static final Set<Long> registered = ConcurrentHashMap.newKeySet();
    private static final Set<String> completed = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startDisposableServerAndApplication() throws Exception {
        if (!DisposableMariaDb.installed()) {
            String message = "SKIPPED: MySQL tests: no MariaDB server programs to start a disposable server ("
                    + DisposableMariaDb.missing() + ")";
            if (Boolean.parseBoolean(System.getenv("REQUIRE_MYSQL"))) {
                throw new IllegalStateException("REQUIRE_MYSQL=true but " + message);
            }
            Assumptions.abort(message);
        }
        db = DisposableMariaDb.create();
        db.start();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        app = startApplication(db.jdbcUrl(DATABASE), "root", "", true);
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (app != null) {
            app.close();
        }
        if (db != null) {
            db.close();
        }
    }

    // ------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void databaseStoppedAndRestartedUnderLoadFailsRequestsCleanlyAndLosesNothing() throws Exception {
        Load load = new Load();
        load.start(3, 3);
        try {
            load.await(s -> s.created.get() >= 10 && s.completedOk.get() >= 5, Duration.ofSeconds(120), "warm-up");

            List<String> faults = new ArrayList<>();
            List<Long> recoverySeconds = new ArrayList<>();
            for (String fault : List.of("SIGKILL", "SIGTERM")) {
                int failedBefore = load.unavailable.get();
                if (fault.equals("SIGKILL")) {
                    db.kill();
                } else {
                    db.stop();
                }
                faults.add(fault);
                load.outage.set(true);
                long down = System.nanoTime();
                load.await(s -> s.unavailable.get() >= failedBefore + 5, Duration.ofSeconds(60), "503s during " + fault);
                HttpResponse<String> health = get("/actuator/health", null);
                assertThat(health.statusCode()).as("health while the database is down").isEqualTo(503);
                assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("DOWN");
                Thread.sleep(3000); // the load goes on against the stopped server

                db.start();
                int createdAtRestart = load.created.get();
                int completedAtRestart = load.completedOk.get();
                load.await(s -> s.created.get() > createdAtRestart + 2 && s.completedOk.get() > completedAtRestart,
                        Duration.ofSeconds(90), "recovery after " + fault);
                recoverySeconds.add(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - down));
                load.outage.set(false);
                assertThat(get("/actuator/health", null).statusCode()).as("health after the restart").isEqualTo(200);
                int created = load.created.get();
                load.await(s -> s.created.get() >= created + 5, Duration.ofSeconds(60), "steady after " + fault);
            }
            load.stop();

            // clean failures only: no 500, no 401 for a good password, no hung or dropped request
            assertThat(load.unexpected).as("unexpected answers").isEmpty();
            assertThat(load.badProblems).as("503 answers that are not problem+json with Retry-After").isEmpty();
            assertThat(load.unavailable.get()).isGreaterThanOrEqualTo(10);

            Consistency c = consistency(db.jdbcUrl(DATABASE), "root", "");
            assertThat(c.graduatesWithoutCase).as("graduates without a case").isZero();
            assertThat(c.casesWithoutProcess).as("cases without a process instance").isZero();
            assertThat(c.openCasesWithoutRunningProcess).as("open cases whose process is not running").isZero();
            assertThat(c.graduatesWithoutRegisteredEntry).as("graduates without a REGISTERED entry").isZero();
            assertThat(c.completedTasksWithoutOneEntry).as("completed tasks without exactly one ledger entry").isZero();
            assertThat(c.entriesOfTasksNotCompleted).as("ledger entries of tasks the engine did not complete").isZero();
            assertThat(c.openTasksOutOfStep).as("case_task rows out of step with the engine's tasks").isZero();
            long lostGraduates = registered.stream().filter(id -> !c.graduateIds.contains(id)).count();
            long lostCompletions = completed.stream().filter(id -> !c.taskIdsWithEntry.contains(id)).count();
            assertThat(lostGraduates).as("acknowledged registrations lost").isZero();
            assertThat(lostCompletions).as("acknowledged completions without their ledger entry").isZero();

            System.out.printf(
                    "OUTAGE: faults injected %d (%s), recovered after %s s without restarting the application; "
                            + "requests %d: 201 %d, 204 %d, 409 %d, 503 %d, other %d; graduates %d, completed tasks %d; "
                            + "acknowledged writes lost %d (registrations %d, completions %d)%n",
                    faults.size(), String.join(", ", faults), recoverySeconds, load.requests.get(), load.created.get(),
                    load.completedOk.get(), load.conflicts.get(), load.unavailable.get(), load.unexpected.size(),
                    c.graduateIds.size(), c.completedTasks, lostGraduates + lostCompletions, lostGraduates,
                    lostCompletions);
        } finally {
            load.stop();
        }
    }

    @Test
    @Order(2)
    void backupRestoredIntoAFreshDatabaseCarriesACaseOn() throws Exception {
        // a case waiting at its guidance task, in the running application
        JsonNode g = json(post("/api/graduates", TestGraduates.graduate("备份恢复", DISTRICT)), 201);
        String caseNumber = g.path("caseNumber").asText();
        long graduateId = g.path("id").asLong();
        String firstContact = onlyTask(caseNumber, "FIRST_CONTACT");
        assertThat(post("/api/tasks/" + firstContact + "/complete",
                Map.of("reached", true, "willingness", "WANTS_JOB")).statusCode()).isEqualTo(204);
        String guidance = onlyTask(caseNumber, "GUIDANCE");
        Consistency source = consistency(db.jdbcUrl(DATABASE), "root", "");

        // the backup, taken while the application runs (one consistent InnoDB snapshot)
        Path dir = Files.createTempDirectory("leye-backup-");
        Path backup = dir.resolve("leye-backup.sql");
        db.dump(DATABASE, backup);
        String sql = Files.readString(backup, StandardCharsets.UTF_8);
        assertThat(sql).contains("CREATE TABLE `graduate`", "CREATE TABLE `ledger_entry`", "CREATE TABLE `ACT_RU_TASK`",
                "CREATE TABLE `ACT_HI_PROCINST`", "CREATE TABLE `flyway_schema_history`");

        app.close();
        app = null;

        // restored into a fresh database on the test server (TEST_DB_URL's), named after its database
        Target target = Target.fromTestDbUrl();
        String restoreDb = target.database + "_restore";
        try {
            target.execute("DROP DATABASE IF EXISTS `" + restoreDb + "`",
                    "CREATE DATABASE `" + restoreDb + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            DisposableMariaDb.restore(target.host, target.port, MySqlAvailable.user(), MySqlAvailable.password(),
                    restoreDb, backup);
            String url = target.url(restoreDb);
            Consistency restored = consistency(url, MySqlAvailable.user(), MySqlAvailable.password());
            assertThat(restored.graduateIds).isEqualTo(source.graduateIds);
            assertThat(restored.completedTasks).isEqualTo(source.completedTasks);
            assertThat(restored.openTasks).isEqualTo(source.openTasks);

            app = startApplication(url, MySqlAvailable.user(), MySqlAvailable.password(), false);
            base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();

            // the case goes on where it was: its guidance task is there and can be completed
            assertThat(onlyTask(caseNumber, "GUIDANCE")).isEqualTo(guidance);
            assertThat(post("/api/tasks/" + guidance + "/complete", Map.of("date", LocalDate.now().toString(),
                    "topic", "求职规划", "note", "恢复后继续服务")).statusCode()).isEqualTo(204);
            JsonNode ledger = json(get("/api/graduates/" + graduateId + "/ledger", CASEWORKER), 200);
            assertThat(ledger.path("compliance").path("guidance").asInt()).isEqualTo(1);
            List<String> types = new ArrayList<>();
            ledger.path("entries").forEach(e -> types.add(e.path("type").asText()));
            assertThat(types).startsWith("REGISTERED").contains("WILLINGNESS", "GUIDANCE");
            JsonNode tasks = json(get("/api/tasks?scope=all&size=200&q=" + caseNumber, CASEWORKER), 200);
            assertThat(tasks.path("content")).extracting(t -> t.path("type").asText())
                    .containsExactlyInAnyOrder("REFERRAL", "REFERRAL", "REFERRAL", "TRAINING_OR_INTERNSHIP");
            // the identifiers stay readable: the same keys (LEYE_CRYPTO_KEY, LEYE_HASH_KEY) go with the backup
            assertThat(get("/api/graduates/" + graduateId + "/identity", CASEWORKER).statusCode()).isEqualTo(200);
            System.out.printf("RESTORE: backup %d KiB, %d graduates and %d completed tasks restored into %s; case %s "
                    + "continued after restore%n", Files.size(backup) / 1024, restored.graduateIds.size(),
                    restored.completedTasks, restoreDb, caseNumber);
        } finally {
            if (app != null) {
                app.close();
                app = null;
            }
            target.execute("DROP DATABASE IF EXISTS `" + restoreDb + "`");
            try (var files = Files.list(dir)) {
                files.forEach(p -> p.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    // ------------------------------------------------------------------------------------------ the application

    private static ConfigurableApplicationContext startApplication(String url, String user, String password,
            boolean jobExecutor) {
        return run(url, user, password, jobExecutor);
    }

    private static ConfigurableApplicationContext run(String url, String user, String password, boolean jobExecutor) {
        return new SpringApplicationBuilder(CaseworkApplication.class).profiles("test", "demo", "mysql").run(
                "--server.port=0",
                "--leye.demo.allow-on-server=true", "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                // fail fast while the database is away, instead of holding the request for Hikari's 30 s
                "--spring.datasource.hikari.connection-timeout=2000",
                "--spring.datasource.hikari.validation-timeout=1000",
                "--spring.datasource.hikari.maximum-pool-size=12",
                // its own engine name: the other test contexts' engine ("default") stays registered
                "--camunda.bpm.process-engine-name=outage",
                "--camunda.bpm.job-execution.enabled=" + jobExecutor,
                // no Cockpit here: its servlet listeners keep JVM-wide state that closing this context would
                // clear under the other test contexts' webapps (EngineAccessTest)
                "--camunda.bpm.webapp.enabled=false",
                "--spring.jmx.enabled=false", "--spring.main.banner-mode=off");
    }

    private static HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json");
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(CASEWORKER)).header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int expected) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    private static String onlyTask(String caseNumber, String type) throws IOException, InterruptedException {
        JsonNode page = json(get("/api/tasks?scope=all&size=200&q=" + caseNumber, CASEWORKER), 200);
        List<String> ids = new ArrayList<>();
        page.path("content").forEach(t -> {
            if (t.path("type").asText().equals(type)) {
                ids.add(t.path("id").asText());
            }
        });
        assertThat(ids).as("open %s tasks of %s", type, caseNumber).hasSize(1);
        return ids.get(0);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------------------------------ the load

    /** Registrars and caseworkers over HTTP; every answer is counted, anything but 2xx, 409 or 503 is kept. */
    private static final class Load {

        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicBoolean outage = new AtomicBoolean(false);
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger completedOk = new AtomicInteger();
        final AtomicInteger conflicts = new AtomicInteger();
        final AtomicInteger unavailable = new AtomicInteger();
        final List<String> unexpected = new CopyOnWriteArrayList<>();
        final List<String> badProblems = new CopyOnWriteArrayList<>();
        final ConcurrentLinkedQueue<Throwable> crashes = new ConcurrentLinkedQueue<>();
        private ExecutorService pool;

        void start(int registrars, int caseworkers) {
            pool = Executors.newFixedThreadPool(registrars + caseworkers);
            for (int i = 0; i < registrars; i++) {
                pool.submit(() -> loop(this::register));
            }
            for (int i = 0; i < caseworkers; i++) {
                Random random = new Random(i);
                pool.submit(() -> loop(() -> workInbox(random)));
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            if (pool != null) {
                pool.shutdown();
                assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).as("load threads finish").isTrue();
            }
        }

        interface Step {
            void run() throws Exception;
        }

        private void loop(Step step) {
            while (running.get()) {
                try {
                    step.run();
                } catch (Exception e) {
                    // a request that got no answer at all (the application never stops, so this is a failure)
                    unexpected.add("no answer: " + e);
                }
                if (outage.get()) {
                    sleep(100);
                }
            }
        }

        void await(java.util.function.Predicate<Load> condition, Duration timeout, String what) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!condition.test(this)) {
                assertThat(System.nanoTime()).as("%s within %s (requests %d, 201 %d, 204 %d, 503 %d, unexpected %s)", what,
                        timeout, requests.get(), created.get(), completedOk.get(), unavailable.get(), unexpected)
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
        }

        private void register() throws Exception {
            HttpResponse<String> r = post("/api/graduates", TestGraduates.graduate("负载测试", DISTRICT));
            if (count(r, 201)) {
                registered.add(JSON.readTree(r.body()).path("id").asLong());
                created.incrementAndGet();
            }
        }

        private void workInbox(Random random) throws Exception {
            HttpResponse<String> list = get("/api/tasks?scope=candidate&size=30", CASEWORKER);
            if (!count(list, 200)) {
                return;
            }
            JsonNode content = JSON.readTree(list.body()).path("content");
            if (content.isEmpty()) {
                sleep(50);
                return;
            }
            JsonNode task = content.get(random.nextInt(content.size()));
            String id = task.path("id").asText();
            HttpResponse<String> done = post("/api/tasks/" + id + "/complete", form(task.path("type").asText()));
            if (count(done, 204)) {
                completed.add(id);
                completedOk.incrementAndGet();
            }
        }

        private static Map<String, Object> form(String type) {
            String today = LocalDate.now().toString();
            return switch (type) {
                case "FIRST_CONTACT" -> Map.of("reached", true, "willingness", "WANTS_JOB", "note", "负载");
                case "GUIDANCE" -> Map.of("date", today, "topic", "求职规划", "note", "负载");
                case "REFERRAL" -> Map.of("employer", "江门市负载测试有限公司", "position", "会计助理", "outcome", "PENDING");
                case "TRAINING_OR_INTERNSHIP" -> Map.of("kind", "TRAINING", "provider", "江门市职业培训中心",
                        "program", "会计实务", "startDate", today);
                default -> Map.of("note", "负载");
            };
        }

        /** True when the answer is the expected success; 409 and 503 are expected failures; anything else is kept. */
        private boolean count(HttpResponse<String> r, int success) {
            requests.incrementAndGet();
            int status = r.statusCode();
            if (status == success) {
                return true;
            }
            if (status == 503) {
                unavailable.incrementAndGet();
                String type = r.headers().firstValue("Content-Type").orElse("");
                boolean problem = type.startsWith("application/problem+json") && r.body().contains("\"status\":503");
                if (!problem || r.headers().firstValue("Retry-After").isEmpty()) {
                    badProblems.add(type + " " + r.headers().firstValue("Retry-After").orElse("-") + " " + r.body());
                }
            } else if (status == 409) {
                conflicts.incrementAndGet(); // two caseworkers took the same task: one wins
            } else {
                unexpected.add(r.request().method() + " " + r.uri().getPath() + " -> " + status + " "
                        + (r.body().length() > 300 ? r.body().substring(0, 300) : r.body()) + " " + r.headers().map()
                        + " " + r.version());
            }
            return false;
        }

        private static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ------------------------------------------------------------------------------------------ the checks

    /** What the database holds, read directly with JDBC. */
    private record Consistency(Set<Long> graduateIds, Set<String> taskIdsWithEntry, long graduatesWithoutCase,
            long casesWithoutProcess, long openCasesWithoutRunningProcess, long graduatesWithoutRegisteredEntry,
            long completedTasks, long completedTasksWithoutOneEntry, long entriesOfTasksNotCompleted, long openTasks,
            long openTasksOutOfStep) {
    }

    private static Consistency consistency(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            Set<Long> graduates = ConcurrentHashMap.newKeySet();
            try (ResultSet rs = s.executeQuery("select id from graduate")) {
                while (rs.next()) {
                    graduates.add(rs.getLong(1));
                }
            }
            Set<String> entries = ConcurrentHashMap.newKeySet();
            try (ResultSet rs = s.executeQuery("select task_id from ledger_entry where task_id is not null")) {
                while (rs.next()) {
                    entries.add(rs.getString(1));
                }
            }
            return new Consistency(graduates, entries,
                    count(s, "select count(*) from graduate g where g.willing_to_work = true "
                            + "and not exists (select 1 from case_file c where c.graduate_id = g.id)"),
                    count(s, "select count(*) from case_file c where c.process_instance_id is null "
                            + "or not exists (select 1 from ACT_HI_PROCINST p where p.PROC_INST_ID_ = c.process_instance_id)"),
                    count(s, "select count(*) from case_file c where c.status = 'OPEN' and not exists "
                            + "(select 1 from ACT_RU_EXECUTION e where e.ID_ = c.process_instance_id)"),
                    count(s, "select count(*) from graduate g where not exists (select 1 from ledger_entry l "
                            + "where l.graduate_id = g.id and l.type = 'REGISTERED')"),
                    count(s, "select count(*) from ACT_HI_TASKINST t where t.END_TIME_ is not null "
                            + "and t.DELETE_REASON_ = 'completed'"),
                    count(s, "select count(*) from ACT_HI_TASKINST t where t.END_TIME_ is not null "
                            + "and t.DELETE_REASON_ = 'completed' and (select count(*) from ledger_entry l "
                            + "where l.task_id = t.ID_) <> 1"),
                    count(s, "select count(*) from ledger_entry l where l.task_id is not null and not exists "
                            + "(select 1 from ACT_HI_TASKINST t where t.ID_ = l.task_id and t.DELETE_REASON_ = 'completed')"),
                    count(s, "select count(*) from ACT_RU_TASK"),
                    count(s, "select (select count(*) from ACT_RU_TASK t where not exists "
                            + "(select 1 from case_task c where c.id = t.ID_)) + (select count(*) from case_task c "
                            + "where not exists (select 1 from ACT_RU_TASK t where t.ID_ = c.id))"));
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The test server of TEST_DB_URL, where the backup is restored. */
    private record Target(String host, int port, String database) {

        static Target fromTestDbUrl() {
            URI uri = URI.create(MySqlAvailable.url().substring("jdbc:".length()));
            String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
            return new Target(uri.getHost(), uri.getPort() < 0 ? 3306 : uri.getPort(),
                    path.isEmpty() ? "leye_test" : path);
        }

        String url(String db) {
            return "jdbc:mysql://" + host + ":" + port + "/" + db + "?"
                    + MySqlAvailable.url().substring(MySqlAvailable.url().indexOf('?') + 1);
        }

        void execute(String... sql) throws SQLException {
            try (Connection c = DriverManager.getConnection("jdbc:mysql://" + host + ":" + port + "/?connectTimeout=3000",
                    MySqlAvailable.user(), MySqlAvailable.password()); Statement s = c.createStatement()) {
                for (String statement : sql) {
                    s.execute(statement);
                }
            }
        }
    }
}
