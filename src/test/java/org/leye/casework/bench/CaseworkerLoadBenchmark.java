package org.leye.casework.bench;

import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.leye.casework.graduates.Degree;
import org.leye.casework.graduates.Gender;
import org.leye.casework.graduates.GraduateRegistry;
import org.leye.casework.graduates.RegisterGraduate;
import org.leye.casework.graduates.Source;
import org.leye.casework.graduates.SyntheticResidentIds;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The load test (not part of {@code mvn verify}): {@code load.workers} simulated caseworkers (50)
 * work their inboxes at once over real HTTP on the loopback interface, as people do in the web
 * application: sign in with the login form (session cookie, CSRF token), list the group's inbox, open
 * a task, complete it with its form, next; until each has completed {@code load.tasksPerWorker} tasks
 * (20) or {@code load.maxMinutes} (5) have passed. Prints p50 / p99 per request kind and the errors.
 * <pre>
 * mvn -Pbench test -Dbench.test=CaseworkerLoadBenchmark -Dbench.db=mysql   # the server of TEST_DB_URL
 * </pre>
 * The caseworkers ({@code load.cw01} ...) are spread over the seven districts, several to a district,
 * so that they pick from the same group inbox as colleagues do; two taking the same task is a 409
 * (counted apart: a conflict, not an error) and the loser takes the next one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "leye.demo.graduates=0",
        "camunda.bpm.job-execution.enabled=false", "logging.level.org.leye=warn", "server.tomcat.threads.max=200" })
@ActiveProfiles({ "test", "demo" })
@ContextConfiguration(initializers = BenchDatabase.class)
class CaseworkerLoadBenchmark {

    private static final String[] DISTRICTS = { "440703", "440704", "440705", "440781", "440783", "440784", "440785" };
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    enum Kind { LOGIN, INBOX, OPEN, COMPLETE, CYCLE }

    @LocalServerPort
    int port;
    @Autowired
    GraduateRegistry registry;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    DataSource dataSource;
    @Autowired
    PasswordEncoder passwords;

    private final int workers = Integer.getInteger("load.workers", 50);
    private final int tasksPerWorker = Integer.getInteger("load.tasksPerWorker", 20);
    private final int maxMinutes = Integer.getInteger("load.maxMinutes", 5);

    private final Map<Kind, List<Long>> latencies = new EnumMap<>(Kind.class);
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    private final AtomicInteger conflicts = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();

    @Test
    void fiftyCaseworkersWorkTheirInboxes() throws Exception {
        for (Kind k : Kind.values()) {
            latencies.put(k, Collections.synchronizedList(new ArrayList<>()));
        }
        String run = Long.toString(System.currentTimeMillis() % 100_000, 36);
        List<String> users = seedCaseworkers(run);
        int cases = seedCases(run);
        System.out.printf(Locale.ROOT, "%nLOAD: %s, %d caseworkers, %d open cases seeded, %d tasks each, at most %d min; "
                + "%d cores, load average %.1f%n", BenchDatabase.describe(), workers, cases, tasksPerWorker, maxMinutes,
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch start = new CountDownLatch(1);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(maxMinutes));
        List<Throwable> crashes = new CopyOnWriteArrayList<>();
        for (int w = 0; w < workers; w++) {
            String user = users.get(w);
            Random random = new Random(w);
            pool.submit(() -> {
                try {
                    start.await();
                    work(user, random, deadline);
                } catch (Throwable t) {
                    crashes.add(t);
                    error("crash " + t.getClass().getSimpleName());
                }
            });
        }
        long t0 = System.nanoTime();
        start.countDown();
        pool.shutdown();
        pool.awaitTermination(maxMinutes + 2L, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - t0) / 1e9;

        System.out.printf(Locale.ROOT, "LOAD: %d tasks completed in %.1f s (%.1f completions/s), %d conflicts (409), "
                + "errors %s; load average %.1f%n", completed.get(), seconds, completed.get() / seconds, conflicts.get(),
                errors, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "| request | count | p50 ms | p99 ms | max ms |%n|---|---|---|---|---|%n");
        for (Kind k : Kind.values()) {
            List<Long> l = new ArrayList<>(latencies.get(k));
            Collections.sort(l);
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n", k.name().toLowerCase(Locale.ROOT), l.size(),
                    pct(l, 0.50), pct(l, 0.99), l.isEmpty() ? 0 : l.get(l.size() - 1) / 1e6);
        }
        crashes.stream().limit(3).forEach(Throwable::printStackTrace);
    }

    /** One caseworker: sign in, then inbox, open, complete, until done. */
    private void work(String user, Random random, Instant deadline) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        String base = "http://127.0.0.1:" + port;

        long l0 = System.nanoTime();
        String loginPage = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String form = "username=" + enc(user) + "&password=demo&_csrf=" + enc(csrf(loginPage));
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            error("login " + login.statusCode());
            return;
        }
        // the token of the signed-in session, from any page (the layout's logout form)
        String token = csrf(http.send(HttpRequest.newBuilder(URI.create(base + "/inbox")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        latencies.get(Kind.LOGIN).add(System.nanoTime() - l0);

        int done = 0;
        int idle = 0;
        while (done < tasksPerWorker && Instant.now().isBefore(deadline)) {
            long c0 = System.nanoTime();
            HttpResponse<String> inbox = timed(Kind.INBOX, http, get(base + "/api/tasks?scope=candidate&size=50"));
            if (inbox.statusCode() != 200) {
                error("inbox " + inbox.statusCode());
                continue;
            }
            JsonNode content = JSON.readTree(inbox.body()).path("content");
            if (content.isEmpty()) {
                if (++idle > 50) {
                    error("inbox empty");
                    return;
                }
                Thread.sleep(200);
                continue;
            }
            JsonNode pick = content.get(random.nextInt(Math.min(content.size(), 50)));
            String id = pick.path("id").asText();
            HttpResponse<String> open = timed(Kind.OPEN, http, get(base + "/api/tasks/" + id));
            if (open.statusCode() == 409 || open.statusCode() == 404) {
                conflicts.incrementAndGet(); // completed by a colleague meanwhile
                continue;
            }
            if (open.statusCode() != 200) {
                error("open " + open.statusCode());
                continue;
            }
            String type = JSON.readTree(open.body()).path("type").asText();
            HttpRequest complete = HttpRequest.newBuilder(URI.create(base + "/api/tasks/" + id + "/complete"))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("X-CSRF-TOKEN", token).timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(form(type)))).build();
            HttpResponse<String> result = timed(Kind.COMPLETE, http, complete);
            if (result.statusCode() == 204) {
                done++;
                completed.incrementAndGet();
                latencies.get(Kind.CYCLE).add(System.nanoTime() - c0);
            } else if (result.statusCode() == 409) {
                conflicts.incrementAndGet();
            } else {
                error("complete " + type + " " + result.statusCode());
            }
        }
    }

    private HttpResponse<String> timed(Kind kind, HttpClient http, HttpRequest request) throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        latencies.get(kind).add(System.nanoTime() - t);
        return r;
    }

    private static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60)).GET().build();
    }

    private static Map<String, Object> form(String type) {
        String today = LocalDate.now().toString();
        return switch (type) {
            case "FIRST_CONTACT" -> Map.of("reached", true, "willingness", "WANTS_JOB", "note", "电话联系上");
            case "GUIDANCE" -> Map.of("date", today, "topic", "求职规划", "note", "一对一面谈");
            case "REFERRAL" -> Map.of("employer", "江门市示范企业有限公司", "position", "会计助理", "outcome", "INTERVIEW");
            case "TRAINING_OR_INTERNSHIP" -> Map.of("kind", "INTERNSHIP", "provider", "江门市就业见习基地",
                    "program", "会计见习岗", "startDate", today);
            default -> Map.of("note", "负载测试");
        };
    }

    private List<String> seedCaseworkers(String run) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String hash = passwords.encode("demo");
        List<String> users = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            String username = String.format(Locale.ROOT, "load.%s.cw%02d", run, i + 1);
            jdbc.update("insert into app_user (username, password_hash, display_name, role, district_code, enabled, "
                    + "created_at) values (?, ?, ?, 'CASEWORKER', ?, true, ?)", username, hash, "负载经办" + (i + 1),
                    DISTRICTS[i % DISTRICTS.length], Timestamp.from(Instant.now()));
            users.add(username);
        }
        return users;
    }

    /** Enough open cases that nobody runs out of work: each yields six tasks, one or four at a time. */
    private int seedCases(String run) {
        int perDistrict = Math.max(20, workers * tasksPerWorker / DISTRICTS.length / 3);
        Random random = new Random(7);
        int n = 0;
        for (String district : DISTRICTS) {
            CurrentUser cw = new CurrentUser("load." + run + ".seed", "seed", Role.CASEWORKER, district, null);
            for (int i = 0; i < perDistrict; i++) {
                Gender gender = i % 2 == 0 ? Gender.FEMALE : Gender.MALE;
                LocalDate birth = LocalDate.of(1998 + random.nextInt(6), 1 + random.nextInt(12), 1 + random.nextInt(28));
                RegisterGraduate g = new RegisterGraduate("负载" + run + i, SyntheticResidentIds.next(random,
                        district, birth, gender), gender, "137" + String.format("%08d", random.nextInt(100_000_000)),
                        "五邑大学", "会计学", Degree.BACHELOR, 2023, district, null, List.of(), Source.HANDOVER, true);
                try {
                    tx.executeWithoutResult(s -> registry.register(g, cw));
                    n++;
                } catch (RuntimeException duplicate) {
                    // a drawn ID number already registered by an earlier run: skip it
                }
            }
        }
        return n;
    }

    private void error(String what) {
        errors.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}
