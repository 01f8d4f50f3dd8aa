package org.leye.casework.bench;

import static us.abstracta.jmeter.javadsl.JmeterDsl.httpCookies;
import static us.abstracta.jmeter.javadsl.JmeterDsl.httpSampler;
import static us.abstracta.jmeter.javadsl.JmeterDsl.jsr223PostProcessor;
import static us.abstracta.jmeter.javadsl.JmeterDsl.onceOnlyController;
import static us.abstracta.jmeter.javadsl.JmeterDsl.regexExtractor;
import static us.abstracta.jmeter.javadsl.JmeterDsl.testPlan;
import static us.abstracta.jmeter.javadsl.JmeterDsl.threadGroup;
import static us.abstracta.jmeter.javadsl.JmeterDsl.uniformRandomTimer;

import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.http.entity.ContentType;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.leye.casework.graduates.Degree;
import org.leye.casework.graduates.Gender;
import org.leye.casework.graduates.GraduateRegistry;
import org.leye.casework.graduates.RegisterGraduate;
import org.leye.casework.graduates.Source;
import org.leye.casework.graduates.SyntheticResidentIds;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;
import org.leye.casework.shared.crypto.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import us.abstracta.jmeter.javadsl.core.DslTestPlan.TestPlanChild;
import us.abstracta.jmeter.javadsl.core.TestPlanStats;
import us.abstracta.jmeter.javadsl.core.postprocessors.DslJsr223PostProcessor.PostProcessorVars;
import us.abstracta.jmeter.javadsl.core.preprocessors.DslJsr223PreProcessor.PreProcessorVars;
import us.abstracta.jmeter.javadsl.core.threadgroups.BaseThreadGroup.ThreadGroupChild;
import us.abstracta.jmeter.javadsl.http.DslHttpSampler;

/**
 * The load test of the pages people use (issue 21), driven by JMeter (jmeter-java-dsl, in the
 * {@code bench} profile only) against the application started on a random port over the loopback
 * interface, on a database already seeded at scale. Not part of {@code mvn verify}.
 * <pre>
 * # 1. the cohort: 1,000,000 graduates with their cases (CaseworkBenchmark's report section, once)
 * TEST_DB_URL=jdbc:mysql://127.0.0.1:3306/leye_load mvn -Pbench test -Dbench.test=CaseworkBenchmark -Dbench.db=mysql \
 *     -Dbench.sections=reports -Dbench.reportReference=false
 * # 2. this test, on the same database (leye_load_bench); -Dload.seedTasks=true the first time
 * TEST_DB_URL=jdbc:mysql://127.0.0.1:3306/leye_load mvn -Pbench test -Dbench.test=PagesUnderLoadBenchmark -Dbench.db=mysql
 * </pre>
 * {@code load.caseworkers} (50) simulated caseworkers, spread over the seven districts, sign in once
 * with the login form, then loop: their inbox page, a task's page, the task completed with its form,
 * the graduate's page; {@code load.supervisors} (5, the city's) sign in and loop: the dashboard, a
 * graduate's page. A uniform think time of {@code load.thinkMinMs}..{@code load.thinkMaxMs} (1 to 5 s)
 * before each request. Users ramp in over {@code load.rampSeconds} (60), so that sign-in (a BCrypt
 * check, its own row) does not pile up; the whole run stops by itself after {@code load.minutes}
 * (10, at most 10).
 * <p>
 * The inbox is the real page over every open task of the district (a million rows of
 * {@code case_task} at full scale, most of them rows without a process, which cannot be completed);
 * the task each caseworker then opens and completes is one of the engine's own open tasks of their
 * district, handed out by this test to one caseworker only, so that no two take the same task. The
 * test starts with {@code load.cases} (700) such tasks, spread over the districts, and registers
 * more graduates through the application whenever a district has none left to hand out, so that a
 * database used by an earlier run serves as well as a fresh one. It refuses to run on a database holding fewer than {@code load.graduates}
 * graduates or {@code load.openTasks} open tasks, and says how to seed them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "leye.demo.graduates=0",
        "camunda.bpm.job-execution.enabled=false", "logging.level.org.leye=warn", "server.tomcat.threads.max=200",
        // JMeter's jars share this JVM: their template engines must not become view resolvers of the application
        "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.groovy.template.GroovyTemplateAutoConfiguration,"
                + "org.springframework.boot.autoconfigure.freemarker.FreeMarkerAutoConfiguration" })
@ActiveProfiles({ "test", "demo" })
@ContextConfiguration(initializers = BenchDatabase.class)
class PagesUnderLoadBenchmark {

    private static final String[] DISTRICTS = { "440703", "440704", "440705", "440781", "440783", "440784", "440785" };
    private static final String CSRF = "name=\"_csrf\"\\s+value=\"([^\"]+)\"";
    private static final int COHORT_YEAR = 2091; // CaseworkBenchmark's report cohort
    private static final Set<String> COMPLETABLE = Set.of("FIRST_CONTACT", "FOLLOW_UP", "GUIDANCE", "REFERRAL",
            "TRAINING_OR_INTERNSHIP");
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private static final String INBOX = "inbox page";
    private static final String TASK = "task page";
    private static final String COMPLETE = "task completion";
    private static final String GRADUATE = "graduate page";
    private static final String DASHBOARD = "dashboard";
    private static final String SIGN_IN = "sign in (login page, form, first page)";

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
    @Autowired
    TaskService taskService;
    @Autowired
    PersonalDataCipher cipher;

    private final int caseworkers = Integer.getInteger("load.caseworkers", 50);
    private final int supervisors = Integer.getInteger("load.supervisors", 5);
    private final int minutes = Math.max(1, Math.min(10, Integer.getInteger("load.minutes", 10)));
    private final int rampSeconds = Integer.getInteger("load.rampSeconds", 60);
    private final long thinkMin = Long.getLong("load.thinkMinMs", 1000);
    private final long thinkMax = Long.getLong("load.thinkMaxMs", 5000);
    private final int openCases = Integer.getInteger("load.cases", 700);
    private final long wantGraduates = Long.getLong("load.graduates", 1_000_000);
    private final long wantOpenTasks = Long.getLong("load.openTasks", 1_000_000);
    private final boolean seedTasks = Boolean.getBoolean("load.seedTasks");

    private JdbcTemplate jdbc;
    private final Map<String, Deque<String[]>> handOut = new ConcurrentHashMap<>();
    private final Set<String> handedOut = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private List<Long> cohortIds;
    /** Graduates registered during the run when a district had no task left to hand out. */
    private final AtomicInteger toppedUp = new AtomicInteger();
    private final AtomicInteger registeredSoFar = new AtomicInteger();
    private final Random ids = new Random(System.nanoTime());
    private static final int TOP_UP = 20;

    @Test
    void caseworkersAndSupervisorsUseThePages() throws Exception {
        jdbc = new JdbcTemplate(dataSource);
        long graduates = count("select count(*) from graduate");
        if (graduates < wantGraduates) {
            throw new IllegalStateException(String.format(Locale.ROOT, "the database holds %,d graduates, not the %,d "
                    + "the load test needs: seed the cohort first with CaseworkBenchmark's report section on the same "
                    + "TEST_DB_URL (-Dbench.test=CaseworkBenchmark -Dbench.sections=reports -Dbench.reportReference=false "
                    + "-Dbench.reportGraduates=%d), or run at a smaller scale with -Dload.graduates=N -Dload.openTasks=N "
                    + "(docs/benchmark.md, \"Load test\")", graduates, wantGraduates, wantGraduates));
        }
        long tasks = count("select count(*) from case_task");
        if (tasks < wantOpenTasks) {
            if (!seedTasks) {
                throw new IllegalStateException(String.format(Locale.ROOT, "the database holds %,d open tasks, not the "
                        + "%,d the load test needs: run it once with -Dload.seedTasks=true, which adds the missing ones "
                        + "to the cohort's cases, or with -Dload.openTasks=N (docs/benchmark.md, \"Load test\")", tasks,
                        wantOpenTasks));
            }
            seedCohortTasks(wantOpenTasks - tasks);
            tasks = count("select count(*) from case_task");
        }
        List<String> cw = seedUsers("cw", caseworkers, Role.CASEWORKER);
        List<String> sup = seedUsers("sup", supervisors, Role.SUPERVISOR);
        int registered = keepCasesOpen();
        cohortIds = sampleGraduates(2000);
        for (String d : DISTRICTS) {
            handOut.put(d, new ArrayDeque<>());
        }
        System.out.printf(Locale.ROOT, "%nLOAD: %s; %,d graduates, %,d open tasks (%,d of them the engine's), %d cases "
                + "registered now; %d caseworkers and %d supervisors for %d min (ramp %d s), think time %d-%d ms; "
                + "%d cores, load average %.2f%n", BenchDatabase.describe(), graduates, tasks,
                taskService.createTaskQuery().count(), registered, caseworkers, supervisors, minutes, rampSeconds,
                thinkMin, thinkMax, Runtime.getRuntime().availableProcessors(), loadAverage());

        String base = "http://127.0.0.1:" + port;
        Duration ramp = Duration.ofSeconds(Math.min(rampSeconds, minutes * 60L / 2));
        Duration hold = Duration.ofMinutes(minutes).minus(ramp);
        TestPlanStats stats = testPlan(
                httpCookies().clearCookiesBetweenIterations(false),
                threadGroup("caseworkers").rampToAndHold(caseworkers, ramp, hold).children(
                        signIn(base, cw),
                        page(INBOX, v -> base + "/inbox"),
                        page(TASK, v -> base + "/tasks/" + nextTask(v)),
                        think(httpSampler(COMPLETE, v -> base + "/tasks/" + v.vars.get("taskId") + "/complete")
                                .post(this::completionForm, ContentType.APPLICATION_FORM_URLENCODED)
                                .followRedirects(false).children(expect(302))),
                        page(GRADUATE, v -> base + "/graduates/" + v.vars.get("graduateId"))),
                threadGroup("supervisors").rampToAndHold(supervisors, ramp, hold).children(
                        signIn(base, sup),
                        page(DASHBOARD, v -> base + "/dashboard"),
                        page(GRADUATE, v -> base + "/graduates/"
                                + cohortIds.get(ThreadLocalRandom.current().nextInt(cohortIds.size())))))
                .run();
        report(stats);
    }

    /** Once per simulated user: the login page, the form posted, the first page; its own row. */
    private ThreadGroupChild signIn(String base, List<String> users) {
        return onceOnlyController(
                httpSampler(SIGN_IN + " 1", base + "/login").children(regexExtractor("csrf", CSRF), expect(200)),
                httpSampler(SIGN_IN + " 2", base + "/login")
                        .post(v -> "username=" + enc(users.get(v.ctx.getThreadNum())) + "&password=demo&_csrf="
                                + enc(v.vars.get("csrf")), ContentType.APPLICATION_FORM_URLENCODED)
                        .followRedirects(true)
                        // the token of the signed-in session, from the first page's logout form
                        .children(regexExtractor("csrf", CSRF), expect(200)));
    }

    private DslHttpSampler page(String label, java.util.function.Function<PreProcessorVars, String> url) {
        return think(httpSampler(label, url).followRedirects(false).children(expect(200)));
    }

    private DslHttpSampler think(DslHttpSampler sampler) {
        return sampler.responseTimeout(Duration.ofSeconds(60))
                .children(uniformRandomTimer(Duration.ofMillis(thinkMin), Duration.ofMillis(thinkMax)));
    }

    /**
     * The status the page must answer with; a redirect to the login page, a form shown again with a
     * message, or anything else is an error, counted by request and status.
     */
    private us.abstracta.jmeter.javadsl.core.postprocessors.DslJsr223PostProcessor expect(int status) {
        return jsr223PostProcessor((PostProcessorVars v) -> {
            String label = v.prev.getSampleLabel();
            latencies.computeIfAbsent(label, k -> Collections.synchronizedList(new ArrayList<>())).add(v.prev.getTime());
            String code = v.prev.getResponseCode();
            String location = v.prev instanceof org.apache.jmeter.protocol.http.sampler.HTTPSampleResult http
                    ? http.getRedirectLocation() : null;
            boolean ok = String.valueOf(status).equals(code) && (location == null || !location.contains("/login"));
            if (!ok) {
                v.prev.setSuccessful(false);
                errors.computeIfAbsent(label, k -> new AtomicInteger()).incrementAndGet();
                String why = label + " " + code
                        + (location != null ? " to " + location.replaceAll("\\d+", "{n}") : "");
                failures.computeIfAbsent(why, k -> new AtomicInteger()).incrementAndGet();
            }
        });
    }

    /** One of the engine's open tasks of the caseworker's district, given to nobody else. */
    private String nextTask(PreProcessorVars v) {
        String district = DISTRICTS[v.ctx.getThreadNum() % DISTRICTS.length];
        Deque<String[]> queue = handOut.get(district);
        String[] task;
        synchronized (queue) {
            if (queue.isEmpty()) {
                refill(district, queue);
            }
            task = queue.poll();
        }
        if (task == null) {
            failures.computeIfAbsent("no task left to hand out in " + district, k -> new AtomicInteger()).incrementAndGet();
            task = new String[] { "none", "GUIDANCE", "0" };
        }
        v.vars.put("taskId", task[0]);
        v.vars.put("taskType", task[1]);
        v.vars.put("graduateId", task[2]);
        return task[0];
    }

    /**
     * The district's newest unassigned tasks of the engine that a caseworker completes with a form and
     * that nobody was given yet. When there are none (a reused database whose cases have gone through
     * the 131, or tasks of other kinds at the head of the list), {@value #TOP_UP} more graduates of the
     * district are registered through the application, as a caseworker would, and the list read again.
     */
    private void refill(String district, Deque<String[]> queue) {
        for (int attempt = 0; attempt < 2 && queue.isEmpty(); attempt++) {
            if (attempt == 1) {
                toppedUp.addAndGet(register(district, TOP_UP));
            }
            List<String> ids = taskService.createTaskQuery().taskCandidateGroup("caseworkers-" + district)
                    .taskUnassigned().orderByTaskCreateTime().desc().listPage(0, 1000).stream().map(Task::getId)
                    .filter(id -> !handedOut.contains(id)).limit(200).toList();
            if (ids.isEmpty()) {
                continue;
            }
            String in = ids.stream().map(id -> "?").collect(Collectors.joining(","));
            jdbc.query("select id, type, graduate_id from case_task where id in (" + in + ")", rs -> {
                if (COMPLETABLE.contains(rs.getString(2)) && handedOut.add(rs.getString(1))) {
                    queue.add(new String[] { rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3)) });
                }
            }, ids.toArray());
        }
    }

    /** The task page's form as a person fills it in, by the task's type (Service131Forms). */
    private String completionForm(PreProcessorVars v) {
        String today = LocalDate.now(CITY).toString();
        Map<String, String> form = new LinkedHashMap<>();
        switch (v.vars.get("taskType")) {
            case "FIRST_CONTACT", "FOLLOW_UP" -> {
                form.put("channel", "PHONE");
                form.put("outcome", "REACHED");
                form.put("willingness", "WANTS_JOB");
                form.put("note", "电话联系上");
            }
            case "GUIDANCE" -> {
                form.put("date", today);
                form.put("topic", "求职规划");
                form.put("note", "一对一面谈");
            }
            case "REFERRAL" -> {
                form.put("employer", "江门市示范企业有限公司");
                form.put("position", "会计助理");
                form.put("outcome", "INTERVIEW");
            }
            default -> {
                form.put("kind", "INTERNSHIP");
                form.put("provider", "江门市就业见习基地");
                form.put("program", "会计见习岗");
                form.put("startDate", today);
            }
        }
        form.put("_csrf", v.vars.get("csrf"));
        return form.entrySet().stream().map(e -> e.getKey() + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    /**
     * The table: every sample's elapsed time (first byte sent to last byte read, redirects of the
     * sign-in included), nearest-rank percentiles; an error is a sample whose status was not the
     * expected one (or that redirected to the login page).
     */
    private void report(TestPlanStats stats) {
        System.out.printf(Locale.ROOT, "LOAD: ran %.0f s; load average %.2f; %d graduates registered during the run "
                + "for districts out of tasks; failures %s%n", stats.duration().toMillis() / 1e3, loadAverage(),
                toppedUp.get(), new TreeMap<>(failures));
        System.out.printf(Locale.ROOT, "| request | count | p50 ms | p95 ms | p99 ms | max ms | errors | p99 < 300 ms, no errors |%n"
                + "|---|---|---|---|---|---|---|---|%n");
        for (String label : List.of(INBOX, TASK, COMPLETE, GRADUATE, DASHBOARD, SIGN_IN + " 1", SIGN_IN + " 2")) {
            List<Long> times = new ArrayList<>(latencies.getOrDefault(label, List.of()));
            Collections.sort(times);
            int failed = errors.getOrDefault(label, new AtomicInteger()).get();
            long p99 = pct(times, 0.99);
            String target = label.startsWith(SIGN_IN) ? "(not a target)" : p99 < 300 && failed == 0 ? "met" : "NOT MET";
            System.out.printf(Locale.ROOT, "| %s | %,d | %d | %d | %d | %d | %d | %s |%n", label, times.size(),
                    pct(times, 0.50), pct(times, 0.95), p99, times.isEmpty() ? 0 : times.get(times.size() - 1), failed,
                    target);
        }
    }

    private static long pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /**
     * Open tasks for the cohort's own cases, as many as are missing (one per case, the cohort's
     * graduates in id order), written by the database itself: rows of {@code case_task} as the
     * application keeps them, in the graduates' districts and candidate groups, without a process
     * behind them (process {@code load}), so that the inbox pages list a million open tasks that link
     * to real graduates. Like CaseworkBenchmark's rows: a third due within the week, 5 % overdue, one
     * in six of raised priority, 1 % assigned.
     */
    private void seedCohortTasks(long missing) {
        long start = System.nanoTime();
        long from = jdbc.queryForObject("select coalesce(max(case_id), 0) from case_task where process_instance_id = 'load'",
                Long.class);
        long left = missing;
        Timestamp now = Timestamp.from(Instant.now());
        while (left > 0) {
            int n = (int) Math.min(100_000, left);
            Long upTo = jdbc.queryForObject("select max(id) from (select c.id from case_file c join graduate g on g.id ="
                    + " c.graduate_id where g.graduation_year = ? and c.id > ? order by c.id limit " + n + ") t", Long.class,
                    COHORT_YEAR, from);
            if (upTo == null) {
                throw new IllegalStateException("the cohort " + COHORT_YEAR + " has no more cases to give open tasks: "
                        + "seed more graduates (-Dbench.reportGraduates) or lower -Dload.openTasks");
            }
            String type = "case mod(c.id, 7) when 0 then 'FIRST_CONTACT' when 1 then 'GUIDANCE' when 5 then"
                    + " 'TRAINING_OR_INTERNSHIP' when 6 then 'FOLLOW_UP' else 'REFERRAL' end";
            left -= jdbc.update("insert into case_task (id, process_instance_id, activity_id, type, name, case_id,"
                    + " case_number, graduate_id, graduate_name, district_code, priority, due_at, overdue, assignee,"
                    + " candidate_group, created_at, graduation_year)"
                    + " select concat('load-', c.id), 'load', 'load', " + type + ", " + type + ", c.id, c.case_number,"
                    + " g.id, g.name, g.district_code, case when mod(c.id, 6) = 0 then 80 else 50 end,"
                    + " timestampadd(DAY, mod(c.id, 21) - case when mod(c.id, 20) = 0 then 30 else 0 end, ?),"
                    + " mod(c.id, 20) = 0, case when mod(c.id, 100) = 0 then 'cw.x' end,"
                    + " concat('caseworkers-', g.district_code), timestampadd(DAY, -mod(c.id, 60), ?), g.graduation_year"
                    + " from case_file c join graduate g on g.id = c.graduate_id"
                    + " where g.graduation_year = ? and c.id > ? and c.id <= ?", now, now, COHORT_YEAR, from, upTo);
            from = upTo;
        }
        System.out.printf(Locale.ROOT, "LOAD: seeded %,d open tasks for the cohort's cases in %.0f s%n", missing,
                (System.nanoTime() - start) / 1e9);
    }

    /** load.cw01 ... spread over the districts; load.sup1 ... the city's supervisors; password "demo". */
    private List<String> seedUsers(String prefix, int n, Role role) {
        String hash = passwords.encode("demo");
        List<String> users = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String username = String.format(Locale.ROOT, "load.%s%02d", prefix, i + 1);
            String district = role == Role.CASEWORKER ? DISTRICTS[i % DISTRICTS.length] : null;
            if (count("select count(*) from app_user where username = '" + username + "'") == 0) {
                jdbc.update("insert into app_user (username, password_hash, display_name, role, district_code, enabled, "
                        + "created_at) values (?, ?, ?, ?, ?, true, ?)", username, hash, "负载" + prefix + (i + 1),
                        role.name(), district, Timestamp.from(Instant.now()));
            }
            users.add(username);
        }
        return users;
    }

    /**
     * Registers graduates through the application (a case and its process each) until every district
     * has its share of {@code load.cases} unassigned open tasks of the engine; {@link #refill} adds more
     * during the run when a district runs out.
     */
    private int keepCasesOpen() {
        int n = 0;
        for (String district : DISTRICTS) {
            long open = taskService.createTaskQuery().taskCandidateGroup("caseworkers-" + district).taskUnassigned()
                    .count();
            n += register(district, (int) Math.max(0, openCases / DISTRICTS.length - open));
        }
        return n;
    }

    /**
     * {@code count} graduates of the district registered through the application as a caseworker of it
     * registers them, each opening a case and its 131; an ID number drawn that an earlier run on the
     * same database registered is skipped. The ID numbers come from a generator seeded at start-up, so
     * that a reused database gets new ones.
     */
    private int register(String district, int count) {
        CurrentUser cw = new CurrentUser("load.seed", "seed", Role.CASEWORKER, district, null);
        int n = 0;
        for (int i = 0; i < count; i++) {
            RegisterGraduate g;
            synchronized (ids) {
                Gender gender = ids.nextBoolean() ? Gender.FEMALE : Gender.MALE;
                LocalDate birth = LocalDate.of(1998 + ids.nextInt(6), 1 + ids.nextInt(12), 1 + ids.nextInt(28));
                g = new RegisterGraduate("负载" + registeredSoFar.incrementAndGet(),
                        SyntheticResidentIds.next(ids, district, birth, gender), gender,
                        "137" + String.format(Locale.ROOT, "%08d", ids.nextInt(100_000_000)), "五邑大学", "会计学",
                        Degree.BACHELOR, 2023, district, null, List.of(), Source.HANDOVER, true);
            }
            try {
                tx.executeWithoutResult(s -> registry.register(g, cw));
                n++;
            } catch (RuntimeException duplicate) {
                // a drawn ID number already registered by an earlier run: skip it
            }
        }
        return n;
    }

    /**
     * Ids of cohort graduates at random points of the cohort's id range, for the supervisors, each
     * given an ID number that the graduate's page can read.
     */
    private List<Long> sampleGraduates(int n) {
        Long lo = jdbc.queryForObject("select min(id) from graduate where graduation_year = ?", Long.class, COHORT_YEAR);
        Long hi = jdbc.queryForObject("select max(id) from graduate where graduation_year = ?", Long.class, COHORT_YEAR);
        if (lo == null) {
            throw new IllegalStateException("no graduate of the cohort " + COHORT_YEAR + ": seed it with CaseworkBenchmark");
        }
        Random random = new Random(21);
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < n; i++) {
            long at = lo + (long) (random.nextDouble() * (hi - lo + 1));
            // by the primary key: with the year in the condition, the server walks the year's index instead
            jdbc.query("select id, graduation_year from graduate where id >= ? order by id limit 1", rs -> {
                if (rs.getInt(2) == COHORT_YEAR) {
                    ids.add(rs.getLong(1));
                }
            }, at);
        }
        // the bulk-seeded cohort carries no real ciphertext ('bench'), which the graduate's page decrypts
        // (the birth date): these graduates get a synthetic ID number encrypted as the application does
        String idNumber = SyntheticResidentIds.next(random, DISTRICTS[0], LocalDate.of(2001, 5, 17), Gender.FEMALE);
        String encrypted = cipher.encrypt(idNumber, "graduate.id_number");
        jdbc.batchUpdate("update graduate set id_number_enc = ? where id = ? and id_number_enc = 'bench'",
                ids.stream().map(id -> new Object[] { encrypted, id }).toList());
        return List.copyOf(ids);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
