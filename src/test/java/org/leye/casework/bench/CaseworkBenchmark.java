package org.leye.casework.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.leye.casework.assistance.AssistanceTimers;
import org.leye.casework.cases.CaseTimers;
import org.leye.casework.graduates.Degree;
import org.leye.casework.graduates.Gender;
import org.leye.casework.graduates.GraduateRegistry;
import org.leye.casework.graduates.RegisterGraduate;
import org.leye.casework.graduates.Source;
import org.leye.casework.graduates.SyntheticResidentIds;
import org.leye.casework.ledger.Ledger;
import org.leye.casework.ledger.PlacementPeriods;
import org.leye.casework.reports.ReportsProbe;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;
import org.leye.casework.shared.ApplicationCaller;
import org.leye.casework.support.TestGraduates;
import org.leye.casework.tasks.TaskList;
import org.leye.casework.tasks.TaskPriority;
import org.leye.casework.tasks.TaskQuery;
import org.leye.casework.tasks.TaskType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The performance benchmark (not part of {@code mvn verify}): {@code mvn -Pbench test} on H2, or
 * {@code mvn -Pbench test -Dbench.db=mysql} on the server of {@code TEST_DB_URL}. Each figure is
 * printed beside its raw reference measured in the same run on the same database, and the ratio.
 * Scales: {@code -Dbench.cases=1000 -Dbench.whole=200 -Dbench.engineStarts=2000
 * -Dbench.inboxScales=100000,1000000}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = { "leye.demo.graduates=0",
        "camunda.bpm.job-execution.enabled=false", "logging.level.org.leye=warn" })
@ActiveProfiles({ "test", "demo" })
@ContextConfiguration(initializers = BenchDatabase.class)
class CaseworkBenchmark {

    private static final String DISTRICT = "440703";
    private static final CurrentUser WORKER = new CurrentUser("cw.pengjiang", "bench", Role.CASEWORKER, DISTRICT, null);
    private static final List<String[]> ROWS = new ArrayList<>();

    @Autowired
    GraduateRegistry registry;
    @Autowired
    TaskList taskList;
    @Autowired
    Ledger ledger;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    DataSource dataSource;
    @Autowired
    ProcessEngine springEngine;
    @Autowired
    CaseTimers timers;
    @Autowired
    AssistanceTimers assistanceTimers;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.springframework.context.ApplicationContext context;

    // a new seed each run: the graduates of an earlier run on the same database would be duplicates
    private final Random random = new Random(Long.getLong("bench.seed", TestGraduates.SEED));
    private final Set<String> usedIdNumbers = new java.util.HashSet<>();
    private final int cases = Integer.getInteger("bench.cases", 1000);
    private final int whole = Integer.getInteger("bench.whole", 200);
    private final int engineStarts = Integer.getInteger("bench.engineStarts", 2000);
    private final int handoverRows = Integer.getInteger("bench.handoverRows", 2000);
    /** Open tasks to grow the engine to for its own inbox query (0: as many as the case starts left). */
    private final int engineTasks = Integer.getInteger("bench.engineTasks", 0);
    private final int[] inboxScales = Arrays.stream(System.getProperty("bench.inboxScales", "100000,1000000").split(","))
            .mapToInt(Integer::parseInt).toArray();
    private final Set<String> sections = Set.of(System.getProperty("bench.sections", "cases,reports,xlsx").split(","));
    private final int reportGraduates = Integer.getInteger("bench.reportGraduates",
            BenchDatabase.mysql() ? 1_000_000 : 100_000);
    private final boolean reportReference = Boolean.parseBoolean(System.getProperty("bench.reportReference", "true"));

    @Autowired
    PlacementPeriods placementPeriods;

    @Test
    void benchmark() throws Exception {
        Assumptions.assumeTrue(sections.contains("cases"), "bench.sections leaves out cases");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        ProcessEngine alone = engineAlone();
        row("database", BenchDatabase.describe(), "", "");

        // 1. case start: registration through the service layer vs the engine alone starting the same
        // model, in alternating rounds after a warm-up of both, so that both see the same machine load
        resetPeaks();
        List<Long> graduateIds = new ArrayList<>();
        int[] serial = { 0 };
        IntTask serviceStart = i -> {
            try {
                graduateIds.add(tx.execute(s -> registry.register(graduate(serial[0]++), WORKER).id()));
            } catch (org.leye.casework.shared.problem.ConflictException registeredInAnEarlierRun) {
                graduateIds.add(tx.execute(s -> registry.register(graduate(serial[0]++), WORKER).id()));
            }
        };
        // the instances started here (an earlier run's on the same database may be past their first task)
        List<String> aloneStarted = new ArrayList<>();
        IntTask aloneStart = i -> aloneStarted.add(start131(alone, i));
        // the engine's part of the same registrations, in one transaction each as ours are: the 131 for
        // every graduate, and the bureau's assistance too for the sixth in difficulty (graduate(i)), as
        // AssistanceService starts it (before 2026-12-06 the engine alone started the 131 only)
        int[] aloneSerial = { 0 };
        var aloneCommands = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) alone
                .getProcessEngineConfiguration()).getCommandExecutorTxRequired();
        IntTask aloneCaseStart = i -> {
            int n = aloneSerial[0]++;
            aloneCommands.execute(context -> {
                aloneStarted.add(start131(alone, n));
                if (inDifficulty(n)) {
                    alone.getRuntimeService().startProcessInstanceByKey("bureauAssistance",
                            "BENCH-A-" + TestGraduates.tag(), bureauVariables(n));
                }
                return null;
            });
        };
        Paired starts = paired(cases, engineStarts, serviceStart, aloneCaseStart);
        row("case starts/s (register + case + process)", fmt(starts.rateA()), fmt(starts.rateB()) + " engine alone",
                pct(starts.rateA() / starts.rateB()));
        row("  (the engine alone: the 131, and the bureau's assistance for the 1 in 6 in difficulty)", "", "", "");
        row("  JVM CPU ms per case start", ms(starts.cpuA()), ms(starts.cpuB()) + " engine alone",
                pct(starts.cpuB() / starts.cpuA()));

        // where the difference lies: the application's engine (Spring transactions, task events for the
        // task table, its listeners) starting the same model without the service layer
        IntTask appEngineStart = i -> ApplicationCaller.run(() -> springEngine.getRuntimeService()
                .startProcessInstanceByKey("service131", "BENCH-APP-" + TestGraduates.tag(), startVariables(i)));
        Paired inApp = paired(Math.max(50, cases / 3), Math.max(50, cases / 3), appEngineStart, aloneStart);
        row("  the application's engine alone: starts/s", fmt(inApp.rateA()), fmt(inApp.rateB()) + " engine alone",
                pct(inApp.rateA() / inApp.rateB()));
        row("  the application's engine alone: JVM CPU ms per start", ms(inApp.cpuA()), ms(inApp.cpuB()) + " engine alone",
                pct(inApp.cpuB() / inApp.cpuA()));

        // 2. whole 131: the five task types (six completions) through TaskList vs the engine alone
        List<String> caseNumbers = jdbc.queryForList(
                "select case_number from case_file where case_number is not null order by id desc", String.class)
                .subList(0, Math.min(whole + whole / 10, cases));
        List<String> aloneInstances = aloneStarted.subList(0, Math.min(aloneStarted.size(), caseNumbers.size()));
        int pairs = Math.min(caseNumbers.size(), aloneInstances.size()) * 10 / 11; // and a tenth to warm up
        int[] wholeNext = { 0, 0 };
        Paired wholes = paired(pairs, pairs, i -> whole131(caseNumbers.get(wholeNext[0]++)),
                i -> whole131Alone(alone, aloneInstances.get(wholeNext[1]++)));
        row("whole-131 completions/s (6 tasks)", fmt(wholes.rateA()), fmt(wholes.rateB()) + " engine alone",
                pct(wholes.rateA() / wholes.rateB()));
        row("  JVM CPU ms per whole 131", ms(wholes.cpuA()), ms(wholes.cpuB()) + " engine alone",
                pct(wholes.cpuB() / wholes.cpuA()));

        // 3. ledger read
        double[] ledgerMs = timeMany(500, () -> {
            Long id = graduateIds.get(random.nextInt(graduateIds.size()));
            ledger.of(id);
            return ledger.compliance(id);
        });
        row("ledger read p50 / p99 ms", ms(ledgerMs[0]) + " / " + ms(ledgerMs[1]), "target p99 < 20", "");

        // 4. hand-over import with case start against the engine alone starting the same model
        resetPeaks();
        CurrentUser citySupervisor = new CurrentUser("sup.city", "bench", Role.SUPERVISOR, null, null);
        // a warm-up file first, as the case starts and the engine alone had theirs: its parsing and row
        // handling would otherwise be measured before the JIT compiled it
        org.leye.casework.handover.HandoverProbe.rowsPerSecond(context, Math.max(50, handoverRows / 10), citySupervisor);
        // then four rounds, each a file of a quarter of the rows and as many starts of the engine alone, so
        // that both see the same machine: the rates are of the four rounds together. Who goes first
        // alternates: whatever runs right after the other's writes runs in the database's wake (purge,
        // page flushing), which slowed the engine alone by a tenth when it always came second
        int rounds = 4;
        int perRound = Math.max(50, handoverRows / rounds);
        double handoverSeconds = 0;
        double aloneSeconds = 0;
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (int round = 0; round < rounds; round++) {
            double h;
            double a;
            if (round % 2 == 0) {
                h = org.leye.casework.handover.HandoverProbe.rowsPerSecond(context, perRound, citySupervisor);
                a = rate(perRound, aloneStart);
            } else {
                a = rate(perRound, aloneStart);
                h = org.leye.casework.handover.HandoverProbe.rowsPerSecond(context, perRound, citySupervisor);
            }
            handoverSeconds += perRound / h;
            aloneSeconds += perRound / a;
            lowest = Math.min(lowest, h / a);
            highest = Math.max(highest, h / a);
        }
        double handover = rounds * perRound / handoverSeconds;
        double aloneAfter = rounds * perRound / aloneSeconds;
        int lanes = context.getEnvironment().getProperty("leye.handover.lanes", Integer.class, 2);
        row("hand-over rows/s with case start (" + rounds + " files of " + perRound + " rows, " + lanes + " lanes)",
                fmt(handover), fmt(aloneAfter) + " engine alone starts", pct(handover / aloneAfter));
        row("  hand-over / engine alone, lowest and highest of the " + rounds + " rounds",
                pct(lowest) + " / " + pct(highest), "", "");
        // for the reader: the engine alone is one thread starting instances one after another (the
        // reference the target names); here is what it does on as many threads as the hand-over has lanes
        if (lanes > 1) {
            IntTask aloneUnrecorded = i -> alone.getRuntimeService()
                    .startProcessInstanceByKey("service131", "BENCH-" + TestGraduates.tag(), startVariables(i));
            double aloneParallel = rateOnThreads(Math.max(50, handoverRows / 4), lanes, aloneUnrecorded);
            row("  engine alone on " + lanes + " threads starts/s (for comparison, not the target)", fmt(aloneParallel),
                    "", pct(handover / aloneParallel));
        }
        row("peak heap MiB during the hand-over", String.valueOf(peakHeapMiB()), "", "");

        // 5. raw JDBC batch insert of graduate rows: the reference for hand-over import
        double rawInsert = rawGraduateInsert(jdbc, 20_000);
        row("raw JDBC batch insert graduates/s", fmt(rawInsert), "reference", "");

        // 5. inbox: the engine's own query at the open-task count it holds (grown to bench.engineTasks by
        // the engine alone starting the model, as far as a few minutes allow), then ours at growing scales
        long engineOpen = springEngine.getTaskService().createTaskQuery().count();
        if (engineTasks > engineOpen) {
            long seedStart = System.nanoTime();
            run((int) (engineTasks - engineOpen), aloneStart);
            engineOpen = springEngine.getTaskService().createTaskQuery().count();
            row(String.format(Locale.ROOT, "engine seeded to %,d open tasks (engine alone starting the model) s",
                    engineOpen), fmt((System.nanoTime() - seedStart) / 1e9), "", "");
        }
        double[] engineQuery = timeMany(100, () -> springEngine.getTaskService().createTaskQuery()
                .taskCandidateGroup("caseworkers-" + DISTRICT).taskDefinitionKey("firstContact")
                .orderByTaskPriority().desc().orderByDueDate().asc().listPage(0, 50));
        row("engine TaskService candidate page p50 / p99 ms @" + engineOpen, ms(engineQuery[0]) + " / " + ms(engineQuery[1]),
                "reference", "");
        seedCaseTasks(jdbc, (int) Math.max(0, engineOpen - openTaskRows(jdbc)));
        inbox("@" + openTaskRows(jdbc) + " (same count as engine)", engineQuery[1]);
        for (int scale : inboxScales) {
            seedCaseTasks(jdbc, (int) Math.max(0, scale - openTaskRows(jdbc)));
            inbox("@" + openTaskRows(jdbc), engineQuery[1]);
        }
        row("peak heap MiB", String.valueOf(peakHeapMiB()), "", "");
        alone.close();
    }

    /**
     * Heap while reading an .xlsx hand-over file: the live heap sampled (after a forced collection)
     * ten times while a generated file of 100,000 rows is read, against one of 1,000 rows. Rows
     * from {@code -Dbench.xlsxRows=1000,100000}.
     */
    @Test
    void xlsxReadingHeap() throws Exception {
        Assumptions.assumeTrue(sections.contains("xlsx"), "bench.sections leaves out xlsx");
        int[] sizes = Arrays.stream(System.getProperty("bench.xlsxRows", "1000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        org.leye.casework.handover.HandoverProbe.xlsxReadHeap(sizes[0]); // warm-up: classes loaded
        double small = 0;
        for (int i = 0; i < sizes.length; i++) {
            double[] r = org.leye.casework.handover.HandoverProbe.xlsxReadHeap(sizes[i]);
            if (i == 0) {
                small = r[0];
            }
            row(String.format(Locale.ROOT, ".xlsx read, %,d rows (%.1f MiB file): live heap MiB, s", sizes[i], r[2]),
                    fmt(r[0]) + ", " + fmt(r[1]), i == 0 ? "" : fmt(small) + " MiB at " + String.format(Locale.ROOT,
                            "%,d", sizes[0]) + " rows", "");
        }
    }

    /** The cohort of the report benchmark: a year of its own, seeded once and kept for later runs. */
    private static final int REPORT_YEAR = 2091;

    /**
     * The city placement report (and the compliance report) over a cohort of
     * {@code bench.reportGraduates} graduates seeded in bulk, against the placement read from the
     * ledger itself (the query before the placement spans, {@code -Dbench.reportReference=false} to
     * skip it), whose cells must be the same.
     */
    @Test
    void reportsAtScale() {
        Assumptions.assumeTrue(sections.contains("reports"), "bench.sections leaves out reports");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String scale = String.format(Locale.ROOT, "%,d", reportGraduates);
        long have = jdbc.queryForObject("select count(*) from graduate where graduation_year = ?", Long.class,
                REPORT_YEAR);
        if (have == 0) {
            seedReportCohort(jdbc, reportGraduates);
        } else if (have != reportGraduates) {
            throw new IllegalStateException("the bench cohort " + REPORT_YEAR + " holds " + have + " graduates, not "
                    + reportGraduates + ": use a fresh database or -Dbench.reportGraduates=" + have);
        } else {
            row("report cohort " + REPORT_YEAR + " (kept from an earlier run)", scale + " graduates", "", "");
        }
        row("ledger entries / placement spans of the cohort", jdbc.queryForObject("select count(*) from ledger_entry l"
                + " join graduate g on g.id = l.graduate_id where g.graduation_year = ?", Long.class, REPORT_YEAR) + " / "
                + jdbc.queryForObject("select count(*) from placement_period where graduation_year = ?", Long.class,
                        REPORT_YEAR), "", "");
        CurrentUser city = new CurrentUser("sup.city", "bench", Role.SUPERVISOR, null, null);
        LocalDate july = LocalDate.of(REPORT_YEAR, 7, 31);
        LocalDate december = LocalDate.of(REPORT_YEAR, 12, 31);
        long counted = ReportsProbe.placement(context, december, REPORT_YEAR, city);
        if (counted != reportGraduates) {
            throw new IllegalStateException("the report counted " + counted + " graduates, not " + reportGraduates);
        }
        double[] julyMs = timeMany(10, () -> ReportsProbe.placement(context, july, REPORT_YEAR, city));
        double[] decemberMs = timeMany(10, () -> ReportsProbe.placement(context, december, REPORT_YEAR, city));
        String reference = "";
        String ratio = "";
        if (reportReference) {
            long ledgerMs = ReportsProbe.ledgerReadingAgrees(context, july, REPORT_YEAR);
            if (ledgerMs < 0) {
                throw new IllegalStateException("the placement spans and the ledger disagree as of " + july);
            }
            reference = ledgerMs + " ms read from the ledger (same cells)";
            ratio = times(ledgerMs / (julyMs[0] / 1e6));
        }
        row("city report at " + scale + " graduates as of 31 July p50 / max ms", ms(julyMs[0]) + " / " + ms(julyMs[1]),
                reference, ratio);
        row("city report at " + scale + " graduates as of 31 December p50 / max ms",
                ms(decemberMs[0]) + " / " + ms(decemberMs[1]), "target < 2000", "");
        System.out.printf("city report at %s graduates: %s ms%n", scale, ms(julyMs[0]));
        double[] complianceMs = timeMany(3, () -> ReportsProbe.compliance(context, REPORT_YEAR, city));
        row("compliance report at " + scale + " graduates (cohort) p50 / max ms",
                ms(complianceMs[0]) + " / " + ms(complianceMs[1]), "", "");
        long[] atRisk = { 0 };
        double[] warningMs = timeMany(3, () -> atRisk[0] = ReportsProbe.earlyWarning(context, december, REPORT_YEAR, city));
        row("early warning at " + scale + " graduates (cohort, by 31 December) p50 / max ms",
                ms(warningMs[0]) + " / " + ms(warningMs[1]), String.format(Locale.ROOT, "%,d at risk", atRisk[0]), "");
    }

    /**
     * Seeds the report cohort with INSERT ... SELECT from a numbers table: every graduate
     * registered between 1 March and the end of July in one of the seven districts, 2 % moved, 60 %
     * with guidance and a referral, 75 % with a destination (two ninths of them not placed), 5 % of
     * those reopened and half of those placed again, a case for each with the 131 met for 40 %; then
     * the placement spans rebuilt from those rows by {@link PlacementPeriods#rebuild(long, long)}, in
     * slices side by side, which also writes the graduates' copies that the compliance report reads
     * (met131_at, destination_at, helper_assigned: db/V19). Every graduate is seeded REGISTERED, not in
     * difficulty: the compliance report's days to placement and its graduates in difficulty count nobody
     * here (their scans are still made). Each step is timed in a row of its own.
     *
     * <p>The graduates are numbered, and so written, in the order of their registration, as the
     * application writes them (their ledger entries of registration, guidance and referral too): the
     * indexes that hold a registration time after the district (the compliance indexes of db/V19, the
     * ledger's by type and time) then grow at their ends instead of at a random page each, which with a
     * million rows and a 128 MB buffer pool was a disk read per row. Their names and ID hashes are
     * zero-padded for the same reason.
     */
    private void seedReportCohort(JdbcTemplate jdbc, int n) {
        long start = System.nanoTime();
        seedStep("numbers table", () -> {
            jdbc.execute("CREATE TABLE IF NOT EXISTS bench_digit (d INT NOT NULL PRIMARY KEY)");
            jdbc.execute("CREATE TABLE IF NOT EXISTS bench_number (n INT NOT NULL PRIMARY KEY)");
            if (jdbc.queryForObject("select count(*) from bench_digit", Long.class) == 0) {
                jdbc.execute("INSERT INTO bench_digit VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)");
            }
            if (jdbc.queryForObject("select count(*) from bench_number", Long.class) < n) {
                jdbc.execute("DELETE FROM bench_number");
                jdbc.execute("INSERT INTO bench_number SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d"
                        + " + 100000 * h.d + 1000000 * i.d FROM bench_digit a, bench_digit b, bench_digit c, bench_digit e,"
                        + " bench_digit f, bench_digit h, bench_digit i WHERE i.d <= " + (n - 1) / 1_000_000);
            }
            return n;
        });
        String cohort = " FROM graduate WHERE graduation_year = " + REPORT_YEAR;
        long entries = 0;
        seedStep("graduates", () -> jdbc.update("INSERT INTO graduate (name, name_sort, id_number_hash,"
                + " id_number_enc, id_number_masked, gender, university_name, degree, graduation_year, district_code,"
                + " willing_to_work, status, registered_at, registered_by, version)"
                + " SELECT CONCAT('基准', LPAD(n, 7, '0')), '00', CONCAT('bench-report-', LPAD(n, 7, '0')), 'bench',"
                + " '440703********0000', 'FEMALE', '五邑大学', 'BACHELOR', ?,"
                + " CASE MOD(n, 7) WHEN 0 THEN '440703' WHEN 1 THEN '440704' WHEN 2 THEN '440705' WHEN 3 THEN '440781'"
                + " WHEN 4 THEN '440783' WHEN 5 THEN '440784' ELSE '440785' END, TRUE, 'REGISTERED',"
                // 216,000 minutes (150 days) from 1 March, in the graduates' order
                + " TIMESTAMPADD(MINUTE, FLOOR(n * ?), TIMESTAMP '2091-03-01 00:00:00'), 'bench', 0"
                + " FROM bench_number WHERE n < ? ORDER BY n", REPORT_YEAR, 216_000.0 / n, n));
        // the cases on a connection of their own beside the ledger's statements, which take the ledger's
        // AUTO-INC lock one after the other; the server runs each statement on one core
        ExecutorService beside = Executors.newSingleThreadExecutor();
        Future<Integer> cases = beside.submit(() -> seedStep("cases (beside the ledger)", () -> jdbc.update(
                "INSERT INTO case_file (case_number, graduate_id, district_code, status, priority, in_difficulty,"
                + " failed_contact_attempts, opened_at, met131_at, version)"
                + " SELECT CONCAT('B2091-', id), id, district_code, 'OPEN', 50, FALSE, 0, registered_at,"
                + " CASE WHEN MOD(id, 5) < 2 THEN TIMESTAMPADD(DAY, 20, registered_at) END, 0" + cohort
                // in the graduates' order, as the application writes them (a case in its graduate's
                // transaction): read from the cohort's index, the case ids came out shuffled, and every
                // query from a graduate to its case read a random page of case_file
                + " ORDER BY id")));
        beside.shutdown();
        String entry = "INSERT INTO ledger_entry (graduate_id, type, at, actor, district_code";
        entries += seedStep("ledger: registrations", () -> jdbc.update(entry + ")"
                + " SELECT id, 'REGISTERED', registered_at, 'bench', district_code" + cohort + " ORDER BY id"));
        entries += seedStep("ledger: moves", () -> jdbc.update(entry + ")"
                + " SELECT id, 'DISTRICT_CHANGED', TIMESTAMPADD(DAY, 5, registered_at), 'bench', '440781'" + cohort
                + " AND MOD(id, 50) = 3 ORDER BY id"));
        for (String service : List.of("GUIDANCE", "REFERRAL")) {
            entries += seedStep("ledger: " + service.toLowerCase(Locale.ROOT), () -> jdbc.update(entry + ")"
                    + " SELECT id, '" + service + "', TIMESTAMPADD(DAY, 2, registered_at), 'bench', district_code"
                    + cohort + " AND MOD(id, 5) < 3 ORDER BY id"));
        }
        String placedAt = "TIMESTAMPADD(MINUTE, MOD(id * 13, 288000), TIMESTAMPADD(DAY, 10, registered_at))";
        entries += seedStep("ledger: destinations", () -> jdbc.update(entry + ", destination_code)"
                + " SELECT id, 'DESTINATION', " + placedAt + ", 'bench', district_code,"
                + " CASE MOD(id, 9) WHEN 0 THEN '10' WHEN 1 THEN '11' WHEN 2 THEN '12' WHEN 3 THEN '75' WHEN 4 THEN '76'"
                + " WHEN 5 THEN '80' WHEN 6 THEN '46' WHEN 7 THEN '70' ELSE '72' END" + cohort + " AND MOD(id, 4) <> 0"
                + " ORDER BY id"));
        // 30 days after the destination (every graduate with MOD(id, 20) = 1 has one), from the graduates in
        // their order: read back from the ledger's 750,000 destinations, these took longer than all of them
        entries += seedStep("ledger: reopenings and placed again", () -> jdbc.update(entry + ")"
                + " SELECT id, 'REOPENED', TIMESTAMPADD(DAY, 30, " + placedAt + "), 'bench', district_code" + cohort
                + " AND MOD(id, 20) = 1 ORDER BY id")
                + jdbc.update(entry + ", destination_code)"
                        + " SELECT id, 'DESTINATION', TIMESTAMPADD(DAY, 60, " + placedAt + "), 'bench', district_code, '12'"
                        + cohort + " AND MOD(id, 40) = 1 ORDER BY id"));
        await(cases);
        double seeded = (System.nanoTime() - start) / 1e9;
        row(String.format(Locale.ROOT, "seed %,d graduates + cases, %,d ledger entries (INSERT ... SELECT) s", n,
                entries), fmt(seeded), fmt((2L * n + entries) / seeded) + " rows/s", "");

        long rebuildStart = System.nanoTime();
        long from = jdbc.queryForObject("select min(id)" + cohort, Long.class);
        long to = jdbc.queryForObject("select max(id)" + cohort, Long.class);
        long spans = spansInSlices(from, to);
        double rebuilt = (System.nanoTime() - rebuildStart) / 1e9;
        row(String.format(Locale.ROOT, "placement spans rebuilt for %,d graduates (%,d spans, %d connections) s", n,
                spans, SEED_CONNECTIONS), fmt(rebuilt), fmt(n / rebuilt) + " graduates/s", "");
        double total = (System.nanoTime() - start) / 1e9;
        row(String.format(Locale.ROOT, "seeding of the report cohort, %,d graduates, in all s", n), fmt(total),
                "target < 300", "");
    }

    /** Connections that rebuild the seeded cohort's spans side by side, a slice of graduates each at a time. */
    private static final int SEED_CONNECTIONS = Integer.getInteger("bench.seedConnections", 2);

    /**
     * {@link PlacementPeriods#rebuild(long, long)} over the ids [from, to] in slices of 50,000 graduates,
     * on {@link #SEED_CONNECTIONS} connections: the server runs each statement on one core, and the
     * slices touch disjoint graduates. Returns the spans written.
     */
    private long spansInSlices(long from, long to) {
        ExecutorService pool = Executors.newFixedThreadPool(SEED_CONNECTIONS);
        try {
            List<Future<Integer>> slices = new ArrayList<>();
            for (long lo = from; lo <= to; lo += 50_000) {
                long a = lo;
                slices.add(pool.submit(() -> tx.execute(s -> placementPeriods.rebuild(a, Math.min(to, a + 49_999)))));
            }
            long spans = 0;
            for (Future<Integer> slice : slices) {
                spans += await(slice);
            }
            return spans;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T await(Future<T> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** One statement (or a few) of the seeding, timed in a row of its own. Returns the rows written. */
    private static int seedStep(String what, Supplier<Integer> step) {
        long start = System.nanoTime();
        int rows = step.get();
        double s = (System.nanoTime() - start) / 1e9;
        row("seeding step: " + what + " s", fmt(s), String.format(Locale.ROOT, "%,d rows", rows), "");
        return rows;
    }

    private void inbox(String scale, double engineP99) {
        CurrentUser sup = new CurrentUser("sup.pengjiang", "bench", Role.SUPERVISOR, DISTRICT, null);
        double[] mine = timeMany(1000, () -> taskList.list(new TaskQuery(TaskQuery.Scope.MINE, null, null, null, null, null,
                TaskQuery.SortOrder.DUE), PageRequest.of(0, 50, TaskList.sort(TaskQuery.SortOrder.DUE)), WORKER));
        double[] candidate = timeMany(1000, () -> taskList.list(new TaskQuery(TaskQuery.Scope.CANDIDATE, TaskType.REFERRAL,
                DISTRICT, null, null, null, TaskQuery.SortOrder.PRIORITY),
                PageRequest.of(0, 50, TaskList.sort(TaskQuery.SortOrder.PRIORITY)), WORKER));
        double[] overdue = timeMany(1000, () -> taskList.list(new TaskQuery(TaskQuery.Scope.ALL, null, null, null, true, null,
                TaskQuery.SortOrder.DUE), PageRequest.of(0, 50, TaskList.sort(TaskQuery.SortOrder.DUE)), sup));
        row("inbox mine p50 / p99 ms " + scale, ms(mine[0]) + " / " + ms(mine[1]), "", "");
        row("inbox candidate+district+type p50 / p99 ms " + scale, ms(candidate[0]) + " / " + ms(candidate[1]),
                ms(engineP99) + " engine p99", times(engineP99 / candidate[1]));
        row("inbox overdue p50 / p99 ms " + scale, ms(overdue[0]) + " / " + ms(overdue[1]), "", "");
    }

    private void whole131(String caseNumber) {
        complete(caseNumber, TaskType.FIRST_CONTACT, "{\"reached\":true,\"willingness\":\"WANTS_JOB\"}");
        complete(caseNumber, TaskType.GUIDANCE, "{\"date\":\"" + LocalDate.now() + "\",\"topic\":\"bench\"}");
        for (int i = 0; i < 3; i++) {
            complete(caseNumber, TaskType.REFERRAL, "{\"employer\":\"基准测试单位\",\"position\":\"文员\",\"outcome\":\"PENDING\"}");
        }
        complete(caseNumber, TaskType.TRAINING_OR_INTERNSHIP, "{\"kind\":\"TRAINING\",\"provider\":\"p\",\"program\":\"q\","
                + "\"startDate\":\"" + LocalDate.now() + "\"}");
    }

    private void complete(String caseNumber, TaskType type, String form) {
        // the task's id by one plain query, as the engine alone finds its tasks by process instance: a
        // JPA criteria query here cost a quarter of the path's samples, translated again on every call
        String taskId = new JdbcTemplate(dataSource).queryForObject(
                "select id from case_task where case_number = ? and type = ? limit 1", String.class, caseNumber,
                type.name());
        try {
            taskList.complete(taskId, json.readTree(form), WORKER);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void whole131Alone(ProcessEngine alone, String processInstanceId) {
        var tasks = alone.getTaskService();
        tasks.complete(only(tasks.createTaskQuery().processInstanceId(processInstanceId).list()).getId(),
                Map.of("reached", true, "willingness", "WANTS_JOB", "lostContact", false));
        tasks.complete(only(tasks.createTaskQuery().processInstanceId(processInstanceId).list()).getId());
        for (Task t : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
            tasks.complete(t.getId());
        }
    }

    private static Task only(List<Task> tasks) {
        if (tasks.size() != 1) {
            throw new IllegalStateException("expected one task, found " + tasks.size());
        }
        return tasks.get(0);
    }

    /** The engine alone on the same database: no Spring, no listeners, no service layer. */
    private ProcessEngine engineAlone() {
        StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
        cfg.setProcessEngineName("bench-engine-alone");
        cfg.setDataSource(dataSource);
        cfg.setDatabaseSchemaUpdate("false");
        cfg.setJobExecutorActivate(false);
        cfg.setHistory("audit");
        cfg.setIdGenerator(new StrongUuidGenerator());
        cfg.setCmmnEnabled(false);
        cfg.setDmnEnabled(false);
        cfg.setDatabaseType(springEngine.getProcessEngineConfiguration() instanceof
                org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl impl ? impl.getDatabaseType() : null);
        JavaDelegate noOp = execution -> { };
        Map<Object, Object> beans = new HashMap<>();
        beans.put("caseTimers", timers);
        beans.put("assistanceTimers", assistanceTimers);
        beans.put("startDisabilityTrack", noOp);
        beans.put("markTaskOverdue", noOp);
        beans.put("markLostContact", noOp);
        beans.put("record131Met", noOp);
        cfg.setBeans(beans);
        return cfg.buildProcessEngine();
    }

    private Map<String, Object> startVariables(int i) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("caseId", (long) -i);
        vars.put("caseNumber", "BENCH-" + i);
        vars.put("graduateId", (long) -i);
        vars.put("district", DISTRICT);
        vars.put("candidateGroup", "caseworkers-" + DISTRICT);
        vars.put("supervisorGroup", "supervisors-" + DISTRICT);
        vars.put("priority", 50);
        vars.put("inDifficulty", false);
        vars.put("met131", false);
        vars.put("reached", false);
        vars.put("lostContact", false);
        vars.put("willingness", null);
        vars.put("registeredNotWilling", false);
        return vars;
    }

    private String start131(ProcessEngine alone, int i) {
        return alone.getRuntimeService().startProcessInstanceByKey("service131", "BENCH-" + TestGraduates.tag(),
                startVariables(i)).getId();
    }

    /** One graduate in six is registered in difficulty, and gets the bureau's assistance beside the 131. */
    private static boolean inDifficulty(int i) {
        return i % 6 == 0;
    }

    /** The variables AssistanceService starts the bureau's assistance with. */
    private static Map<String, Object> bureauVariables(int i) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("assistanceId", (long) -i);
        vars.put("graduateId", (long) -i);
        vars.put("helperGroup", "caseworkers-" + DISTRICT);
        vars.put("helper", null);
        vars.put("district", DISTRICT);
        vars.put("supervisorGroup", "supervisors-" + DISTRICT);
        vars.put("disability", false);
        vars.put("priority", TaskPriority.DIFFICULTY);
        return vars;
    }

    private RegisterGraduate graduate(int i) {
        Gender gender = i % 2 == 0 ? Gender.MALE : Gender.FEMALE;
        String idNumber;
        do { // 33 million numbers (26 years of birth dates, 7 areas): unique in this run, rarely met before
            LocalDate birth = LocalDate.of(1980 + random.nextInt(26), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String area = SyntheticResidentIds.JIANGMEN_AREA_CODES.get(random.nextInt(7));
            idNumber = SyntheticResidentIds.next(random, area, birth, gender);
        } while (!usedIdNumbers.add(idNumber));
        return new RegisterGraduate("基准" + i, idNumber, gender,
                "137" + String.format("%08d", random.nextInt(100_000_000)), "五邑大学", "会计学", Degree.BACHELOR, 2023,
                DISTRICT, null, inDifficulty(i) ? List.of(org.leye.casework.graduates.Difficulty.OTHER) : List.of(),
                Source.HANDOVER, true);
    }

    private double rawGraduateInsert(JdbcTemplate jdbc, int n) {
        long start = System.nanoTime();
        String marker = "raw-" + TestGraduates.tag();
        for (int from = 0; from < n; from += 1000) {
            List<Object[]> batch = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 1000); i++) {
                batch.add(new Object[] { "原始" + i, "00", marker + "-" + i, "enc", "440703********0000", "MALE", "五邑大学", "BACHELOR", 2023, DISTRICT, true,
                        "REGISTERED", Timestamp.from(Instant.now()), "bench" });
            }
            jdbc.batchUpdate("insert into graduate (name, name_sort, id_number_hash, id_number_enc, id_number_masked,"
                    + " gender, university_name, degree, graduation_year, district_code, willing_to_work,"
                    + " status, registered_at, registered_by, version) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)", batch);
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Bulk rows in the task table, spread like a province's inbox: 7 districts, all types (referrals
     * three times as often), 1 % assigned, 5 % overdue, one in six of raised priority. Generated by
     * the database itself (INSERT … SELECT over a table of digits, 100,000 rows a statement), so
     * that a million rows take minutes, not hours.
     */
    private static long openTaskRows(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from case_task", Long.class);
    }

    private void seedCaseTasks(JdbcTemplate jdbc, int n) {
        String digit = "(select 0 as v union all select 1 union all select 2 union all select 3 union all select 4"
                + " union all select 5 union all select 6 union all select 7 union all select 8 union all select 9)";
        long seeded = jdbc.queryForObject("select count(*) from case_task where process_instance_id = 'bench'", Long.class);
        long start = System.nanoTime();
        for (long from = 0; from < n; from += 100_000) {
            long base = seeded + from;
            int rows = (int) Math.min(100_000, n - from);
            String num = "(" + base + " + d0.v + 10 * d1.v + 100 * d2.v + 1000 * d3.v + 10000 * d4.v)";
            String district = "case mod(" + num + ", 7) when 0 then '440703' when 1 then '440704' when 2 then '440705'"
                    + " when 3 then '440781' when 4 then '440783' when 5 then '440784' else '440785' end";
            String type = "case mod(floor(" + num + " / 7), 7) when 0 then 'FIRST_CONTACT' when 1 then 'GUIDANCE'"
                    + " when 5 then 'TRAINING_OR_INTERNSHIP' when 6 then 'FOLLOW_UP' else 'REFERRAL' end";
            String overdue = "mod(floor(" + num + " / 49), 20) = 0";
            jdbc.update("insert into case_task (id, process_instance_id, activity_id, type, name, case_number,"
                    + " graduate_name, district_code, priority, due_at, overdue, assignee, candidate_group, created_at)"
                    + " select concat('bench-', " + num + "), 'bench', 'bench', " + type + ", " + type + ","
                    + " concat('BENCH-', " + num + "), concat('基准', " + num + "), " + district + ","
                    + " case when mod(floor(" + num + " / 3), 6) = 0 then 80 else 50 end,"
                    + " timestampadd(DAY, mod(floor(" + num + " / 11), 30) - case when " + overdue + " then 30 else 0 end, ?),"
                    + " " + overdue + ","
                    + " case when mod(floor(" + num + " / 980), 100) = 0 then case when mod(" + num + ", 7) = 0"
                    + " then 'cw.pengjiang' else 'cw.x' end end,"
                    + " concat('caseworkers-', " + district + "),"
                    + " timestampadd(DAY, -mod(floor(" + num + " / 13), 60), ?)"
                    + " from " + digit + " d0, " + digit + " d1, " + digit + " d2, " + digit + " d3, " + digit + " d4"
                    + " where d0.v + 10 * d1.v + 100 * d2.v + 1000 * d3.v + 10000 * d4.v < " + rows,
                    Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        }
        if (n > 0) {
            System.out.printf(Locale.ROOT, "BENCH | seeded %d task rows in %.0f s%n", n, (System.nanoTime() - start) / 1e9);
        }
    }

    interface IntTask {
        void run(int i) throws Exception;
    }

    /** Rates (per second) and JVM CPU per run (ns) of two paths. */
    record Paired(double rateA, double rateB, double cpuA, double cpuB) {
    }

    /**
     * Two paths measured in ten alternating rounds, after a warm-up of a tenth of the runs each, so
     * that a noisy machine slows both alike. CPU is this thread's, i.e. the JVM's work per run.
     */
    private static Paired paired(int nA, int nB, IntTask a, IntTask b) {
        run(Math.max(1, nA / 10), a);
        run(Math.max(1, nB / 10), b);
        var threads = ManagementFactory.getThreadMXBean();
        long wallA = 0, wallB = 0, cpuA = 0, cpuB = 0;
        int doneA = 0, doneB = 0;
        for (int round = 0; round < 10; round++) {
            int runsA = nA * (round + 1) / 10 - doneA;
            int runsB = nB * (round + 1) / 10 - doneB;
            long c0 = threads.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            run(runsA, a);
            long c1 = threads.getCurrentThreadCpuTime(), w1 = System.nanoTime();
            run(runsB, b);
            long c2 = threads.getCurrentThreadCpuTime(), w2 = System.nanoTime();
            wallA += w1 - w0;
            cpuA += c1 - c0;
            wallB += w2 - w1;
            cpuB += c2 - c1;
            doneA += runsA;
            doneB += runsB;
        }
        return new Paired(doneA / (wallA / 1e9), doneB / (wallB / 1e9), (double) cpuA / doneA, (double) cpuB / doneB);
    }

    private static void run(int n, IntTask task) {
        for (int i = 0; i < n; i++) {
            try {
                task.run(i);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Starts per second of {@code n} runs shared by {@code threads} threads. */
    private static double rateOnThreads(int n, int threads, IntTask task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    task.run(i);
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : done) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static double rate(int n, IntTask task) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            try {
                task.run(i);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** p50 and p99 in nanoseconds, after a warm-up of a tenth of the runs. */
    private static double[] timeMany(int n, Supplier<?> call) {
        for (int i = 0; i < n / 10; i++) {
            call.get();
        }
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            call.get();
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        return new double[] { t[n / 2], t[(int) Math.ceil(n * 0.99) - 1] };
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String ms(double nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    private static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }

    private static String times(double ratio) {
        return String.format(Locale.ROOT, "%.0f×", ratio);
    }

    private static synchronized void row(String what, String value, String reference, String ratio) {
        ROWS.add(new String[] { what, value, reference, ratio });
        System.out.printf("BENCH | %-58s | %-18s | %-26s | %s%n", what, value, reference, ratio);
    }

    @AfterAll
    static void table() {
        System.out.println();
        System.out.println("| measure | figure | reference (same run, same database) | ratio |");
        System.out.println("|---|---|---|---|");
        for (String[] r : ROWS) {
            System.out.println("| " + String.join(" | ", r) + " |");
        }
    }
}
