package org.leye.casework.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.leye.casework.cohorts.CohortTotalView;
import org.leye.casework.cohorts.Cohorts;
import org.leye.casework.graduates.Destination.Group;
import org.leye.casework.graduates.Destination;
import org.leye.casework.ledger.Compliance;
import org.leye.casework.reference.District;
import org.leye.casework.reference.ReferenceData;
import org.leye.casework.reference.ReferenceData.UniversityName;
import org.leye.casework.reports.ReportQueries.AsOfCount;
import org.leye.casework.reports.ReportQueries.DaysCount;
import org.leye.casework.reports.ReportQueries.Filter;
import org.leye.casework.reports.ReportViews.AtRisk;
import org.leye.casework.reports.ReportViews.Caseload;
import org.leye.casework.reports.ReportViews.DistrictCompliance;
import org.leye.casework.reports.ReportViews.DistrictPlacement;
import org.leye.casework.reports.ReportViews.DistrictWarning;
import org.leye.casework.reports.ReportViews.Durations;
import org.leye.casework.reports.ReportViews.QuarterRow;
import org.leye.casework.reports.ReportViews.Share;
import org.leye.casework.reports.ReportViews.UniversityPlacement;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.leye.casework.reports.ReportViews.rate;

/** The supervisors' figures, from the ledger and the registry, within the caller's districts. */
@Service
public class Reports {

    static final List<String> SERVICE_TYPES = List.of("GUIDANCE", "REFERRAL", "TRAINING", "INTERNSHIP");

    private final ReportQueries queries;
    private final ReportScope scope;
    private final Cohorts cohorts;
    private final ReferenceData reference;
    private final ReportSettings settings;
    private final Clock clock;

    /**
     * Runs the compliance report's five scans side by side, each on a connection of its own (the
     * database runs a query on one core): {@link ReportExecutors}. Few threads, so that reports never
     * take the pool's connections from everything else.
     */
    private final Executor scans;

    /** The compliance report's one snapshot, when its scans side by side keep reading a change between them. */
    private final TransactionTemplate snapshot;

    Reports(ReportQueries queries, ReportScope scope, Cohorts cohorts, ReferenceData reference, ReportSettings settings,
            Clock clock, @Qualifier("reportScanExecutor") Executor scans, PlatformTransactionManager transactions) {
        this.queries = queries;
        this.scope = scope;
        this.cohorts = cohorts;
        this.reference = reference;
        this.settings = settings;
        this.clock = clock;
        this.scans = scans;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    private <T> CompletableFuture<T> scan(Supplier<T> query) {
        return CompletableFuture.supplyAsync(query, scans);
    }

    /** The result of a scan, or its own exception (a DataAccessException stays one for the 503 of an outage). */
    private static <T> T result(CompletableFuture<T> scan) {
        try {
            return scan.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(settings.zone()));
    }

    /** The configured placement targets, mid-year and year-end (the dashboard draws both). */
    public List<java.math.BigDecimal> placementTargets() {
        return settings.placementTargets();
    }

    /**
     * Placement as of the end of {@code asOf} (default today) for the cohort (default asOf's year):
     * the share among registered leavers by district, and for the city's report the cohort rate by
     * university (see {@link #cohort}).
     */
    @Transactional(readOnly = true)
    public ReportViews.Placement placement(LocalDate asOf, Integer graduationYear, String district, CurrentUser caller) {
        ReportScope.Districts districts = scope.resolve(district, caller);
        LocalDate date = asOf == null ? today() : asOf;
        int year = graduationYear == null ? date.getYear() : graduationYear;
        var target = settings.placementTarget(date, year);
        Instant end = Period.endOf(date, settings.zone());
        // the district table and the cohort's by university from one read of the spans
        List<ReportQueries.AsOfCell> cells = queries.asOfCells(end, year);
        List<AsOfCount> counts = ReportQueries.byDistrict(cells);
        List<DistrictPlacement> rows = new ArrayList<>();
        Map<String, Long> cityGroups = emptyGroups();
        long graduates = 0;
        long placed = 0;
        for (District d : districts.covered()) {
            Map<String, Long> groups = emptyGroups();
            long n = 0;
            for (AsOfCount c : counts) {
                if (d.code().equals(c.district())) {
                    groups.merge(groupOf(c.destinationCode()).name(), c.count(), Long::sum);
                    n += c.count();
                }
            }
            long p = n - groups.get(Group.NOT_PLACED.name());
            groups.forEach((k, v) -> cityGroups.merge(k, v, Long::sum));
            graduates += n;
            placed += p;
            rows.add(new DistrictPlacement(d.code(), d.name(), n, p, rate(p, n),
                    rate(p, n).compareTo(target) >= 0, groups));
        }
        Cohort cohort = districts.district() == null ? cohort(ReportQueries.byUniversity(cells), year) : Cohort.NONE;
        return new ReportViews.Placement(date, year, districts.district(), cohort.city(), Share.of(graduates, placed),
                settings.judge(date, year, cohort.city() == null ? null : cohort.city().rate()), cohort.universities(),
                cohort.withoutTotals(), cohort.registeredWithoutTotals(), graduates, placed, rate(placed, graduates),
                target, rate(placed, graduates).compareTo(target) >= 0, cityGroups, rows);
    }

    /**
     * The cohort figures of the city: per university, its totals' graduates and placed at leaving
     * plus its registered leavers placed as of the cut-off, at most its graduates; the city's the sums
     * over the universities with totals (null without any). Registered leavers of a university without totals, or of one
     * not in the city's list, are in no cohort figure: they are counted apart, and such universities
     * of the list are named.
     */
    record Cohort(Share city, List<UniversityPlacement> universities, List<UniversityName> withoutTotals,
            long registeredWithoutTotals) {

        static final Cohort NONE = new Cohort(null, List.of(), List.of(), 0);
    }

    Cohort cohort(Instant end, int year) {
        return cohort(queries.asOfByUniversity(end, year), year);
    }

    private Cohort cohort(List<ReportQueries.UniversityCount> byUniversity, int year) {
        Map<String, CohortTotalView> totals = cohorts.totals(year).stream()
                .collect(Collectors.toMap(CohortTotalView::universityCode, t -> t));
        Map<String, long[]> registered = new HashMap<>(); // university -> {leavers, placed}
        for (ReportQueries.UniversityCount c : byUniversity) {
            long[] n = registered.computeIfAbsent(c.university() == null ? "" : c.university(), k -> new long[2]);
            n[0] += c.count();
            n[1] += groupOf(c.destinationCode()) != Group.NOT_PLACED ? c.count() : 0;
        }
        List<UniversityPlacement> universities = new ArrayList<>();
        List<UniversityName> withoutTotals = new ArrayList<>();
        long cityGraduates = 0, cityPlaced = 0, outside = 0;
        for (UniversityName u : reference.universityNames()) {
            CohortTotalView t = totals.get(u.code());
            long[] r = registered.getOrDefault(u.code(), new long[2]);
            if (t == null && r[0] == 0) {
                continue;
            }
            Share cohort = null;
            if (t != null) {
                // placed at leaving plus registered leavers placed since can exceed the totals' graduates
                // (totals loaded low, a leaver counted twice): capped, so that no rate exceeds 100 %
                cohort = Share.of(t.graduates(), Math.min(t.graduates(), t.placedAtLeaving() + r[1]));
                cityGraduates += cohort.graduates();
                cityPlaced += cohort.placed();
            } else {
                withoutTotals.add(u);
                outside += r[0];
            }
            universities.add(new UniversityPlacement(u.code(), u.name(), cohort, Share.of(r[0], r[1])));
        }
        outside += registered.getOrDefault("", new long[2])[0];
        return new Cohort(totals.isEmpty() ? null : Share.of(cityGraduates, cityPlaced), universities, withoutTotals,
                outside);
    }

    static Group groupOf(String destinationCode) {
        return Destination.ofCode(destinationCode).map(Destination::group).orElse(Group.NOT_PLACED);
    }

    private static Map<String, Long> emptyGroups() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Group g : Group.values()) {
            m.put(g.name(), 0L);
        }
        return m;
    }

    /** Rounds of side-by-side scans whose overlapping counts must agree before one snapshot is read instead. */
    static final int AGREEMENT_ATTEMPTS = 3;

    /**
     * 131 compliance now, per district and for the caller's whole scope. Its five scans (each an
     * index-only scan of up to a million rows at a province's scale) run side by side, each in its
     * own statement: no transaction here, so that the caller holds no connection while it waits.
     * Its sections must not contradict one another while cases change ({@link Scans#agree}): the
     * scans of the registry, of the 131's and the placement's durations and of the graduates in
     * difficulty placed count the same graduates in part, and a round whose counts differ (a change
     * committed between two scans) is read again, up to {@link #AGREEMENT_ATTEMPTS} rounds; then the
     * scans are read one after the other in one read-only REPEATABLE READ transaction, one snapshot.
     */
    public ReportViews.Compliance compliance(String district, Integer graduationYear, CurrentUser caller) {
        ReportScope.Districts districts = scope.resolve(district, caller);
        Filter f = new Filter(districts.district(), graduationYear);
        Scans s = null;
        for (int attempt = 1; attempt <= AGREEMENT_ATTEMPTS && s == null; attempt++) {
            Scans round = Scans.read(queries, f, scans);
            s = round.agree() ? round : null;
        }
        if (s == null) {
            s = snapshot.execute(status -> Scans.read(queries, f, Runnable::run));
        }

        List<DistrictCompliance> rows = new ArrayList<>();
        for (District d : districts.covered()) {
            rows.add(districtCompliance(d.code(), d.name(), c -> d.code().equals(c), s));
        }
        DistrictCompliance total = districtCompliance(districts.district(), null, districts::includes, s);
        List<Caseload> caseload = s.load().stream().filter(l -> districts.includes(l.district()))
                .sorted(Comparator.comparing(ReportQueries.TaskLoad::district)
                        .thenComparing(l -> l.assignee() == null ? "" : l.assignee()))
                .map(l -> new Caseload(l.district(), l.assignee(), l.openTasks(), l.overdueTasks(), l.cases()))
                .toList();
        return new ReportViews.Compliance(districts.district(), graduationYear,
                new ReportViews.Targets(settings.helperTarget(), settings.placedInDifficultyTarget()), rows, total,
                caseload);
    }

    /** What the compliance report's scans read, together. */
    record Scans(List<ReportQueries.RegistryCount> registry, List<ReportQueries.TaskLoad> load, List<DaysCount> to131,
            List<DaysCount> toPlacement, List<ReportQueries.PlacedInDifficulty> placedInDifficulty) {

        /** The five scans on {@code executor}: side by side on the scan pool, or one after the other on this thread. */
        static Scans read(ReportQueries queries, Filter f, Executor executor) {
            var registryScan = CompletableFuture.supplyAsync(() -> queries.registry(f), executor);
            var loadScan = CompletableFuture.supplyAsync(() -> queries.taskLoad(f), executor);
            var to131Scan = CompletableFuture.supplyAsync(() -> queries.daysTo131(f), executor);
            var toPlacementScan = CompletableFuture.supplyAsync(() -> queries.daysToPlacement(f), executor);
            // a small range, after the first done
            var placedInDifficultyScan = CompletableFuture.supplyAsync(() -> queries.placedInDifficulty(f), executor);
            return new Scans(result(registryScan), result(loadScan), result(to131Scan), result(toPlacementScan),
                    result(placedInDifficultyScan));
        }

        /**
         * Whether the scans read the same graduates where they overlap, district by district: the 131
         * met (the registry's against the graduates in the 131's durations), the placed with the time
         * of their destination (against the placement's durations), and the willing in difficulty placed
         * (against the second 100%'s scan). A change committed between two scans shows in one of them.
         * The task scan reads another table and has no count in common with these.
         */
        boolean agree() {
            Map<String, long[]> byDistrict = new HashMap<>(); // {met131, placed with a time, willing in difficulty placed}
            for (var r : registry) {
                long[] n = byDistrict.computeIfAbsent(r.district(), k -> new long[3]);
                n[0] += r.met131();
                n[1] += "PLACED".equals(r.status()) ? r.withDestinationAt() : 0;
                n[2] += r.inDifficulty() && Boolean.TRUE.equals(r.willing()) && "PLACED".equals(r.status())
                        ? r.count() : 0;
            }
            Map<String, long[]> scanned = new HashMap<>();
            to131.forEach(d -> scanned.computeIfAbsent(d.district(), k -> new long[3])[0] += d.count());
            toPlacement.forEach(d -> scanned.computeIfAbsent(d.district(), k -> new long[3])[1] += d.count());
            placedInDifficulty.forEach(p -> scanned.computeIfAbsent(p.district(), k -> new long[3])[2] += p.count());
            byDistrict.values().removeIf(n -> n[0] == 0 && n[1] == 0 && n[2] == 0);
            scanned.values().removeIf(n -> n[0] == 0 && n[1] == 0 && n[2] == 0);
            if (!byDistrict.keySet().equals(scanned.keySet())) {
                return false;
            }
            return byDistrict.entrySet().stream()
                    .allMatch(e -> Arrays.equals(e.getValue(), scanned.get(e.getKey())));
        }
    }

    private DistrictCompliance districtCompliance(String code, String name, Predicate<String> in, Scans s) {
        var registry = s.registry();
        var load = s.load();
        var placedInDifficulty = s.placedInDifficulty();
        long graduates = 0, willing = 0, lost = 0, placed = 0, met131 = 0, placedBefore131 = 0, unconfirmed = 0;
        long inDifficulty = 0, helped = 0, willingInDifficulty = 0, willingPlaced = 0;
        for (var r : registry) {
            if (!in.test(r.district())) {
                continue;
            }
            boolean isPlaced = "PLACED".equals(r.status());
            graduates += r.count();
            willing += Boolean.TRUE.equals(r.willing()) ? r.count() : 0;
            lost += "LOST_CONTACT".equals(r.status()) ? r.count() : 0;
            placed += isPlaced ? r.count() : 0;
            met131 += Boolean.TRUE.equals(r.willing()) ? r.met131() : 0;
            placedBefore131 += Boolean.TRUE.equals(r.willing()) && isPlaced ? r.count() - r.met131() : 0;
            unconfirmed += r.willing() == null ? r.count() : 0;
            if (r.inDifficulty()) {
                inDifficulty += r.count();
                helped += r.helperAssigned() ? r.count() : 0;
                if (Boolean.TRUE.equals(r.willing())) {
                    willingInDifficulty += r.count();
                    willingPlaced += isPlaced ? r.count() : 0;
                }
            }
        }
        long employed = 0, furtherStudy = 0;
        for (var p : placedInDifficulty) {
            if (in.test(p.district())) {
                Optional<Destination> destination = Destination.ofCode(p.destinationCode());
                employed += destination.filter(Destination::employed).isPresent() ? p.count() : 0;
                furtherStudy += destination.filter(Destination::furtherStudy).isPresent() ? p.count() : 0;
            }
        }
        long overdue = load.stream().filter(l -> in.test(l.district())).mapToLong(ReportQueries.TaskLoad::overdueTasks)
                .sum();
        return new DistrictCompliance(code, name, inDifficulty, helped, inDifficulty - helped, rate(helped, inDifficulty),
                willingInDifficulty, willingPlaced, rate(willingPlaced, willingInDifficulty), employed, furtherStudy,
                rate(employed, willingInDifficulty), graduates, willing, met131,
                willing - met131 - placedBefore131, placedBefore131, unconfirmed, overdue, lost, placed, durations(s.to131(), in), durations(s.toPlacement(), in));
    }

    /** Median and 90th percentile by nearest rank (the smallest value with at least p of all at or below it). */
    static Durations durations(List<DaysCount> histogram, Predicate<String> in) {
        TreeMap<Long, Long> byDays = new TreeMap<>();
        histogram.stream().filter(h -> in.test(h.district())).forEach(h -> byDays.merge(h.days(), h.count(), Long::sum));
        long n = byDays.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return new Durations(0, null, null);
        }
        return new Durations(n, nearestRank(byDays, n, 50), nearestRank(byDays, n, 90));
    }

    private static Long nearestRank(TreeMap<Long, Long> byDays, long n, int percent) {
        long rank = Math.max(1, (n * percent + 99) / 100); // ceil(n * p / 100)
        long seen = 0;
        for (var e : byDays.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return byDays.lastKey();
    }

    /** The quarterly progress report; the cohort is the quarter's year unless given. */
    @Transactional(readOnly = true)
    ReportViews.Quarterly quarterly(String quarter, Integer graduationYear, String district, CurrentUser caller) {
        ReportScope.Districts districts = scope.resolve(district, caller);
        Period period = Period.quarter(quarter, settings.zone());
        int year = graduationYear == null ? period.from().getYear() : graduationYear;
        var target = settings.placementTarget(period.to(), year);
        List<AsOfCount> stock = queries.asOf(period.end(), year);
        List<String> flowTypes = new ArrayList<>(SERVICE_TYPES);
        flowTypes.add("REGISTERED");
        var flows = new ArrayList<>(queries.flows(period.start(), period.end(), year, flowTypes));
        flows.addAll(queries.publicWelfarePosts(period.start(), period.end(), year));
        Map<String, Long> met131 = queries.willingMet131AsOf(period.end(), year);
        List<QuarterRow> rows = new ArrayList<>();
        for (District d : districts.covered()) {
            rows.add(quarterRow(d.code(), d.name(), d.code()::equals, stock, met131, flows));
        }
        QuarterRow total = quarterRow(districts.district(), null, districts::includes, stock, met131, flows);
        return new ReportViews.Quarterly(period.from().getYear() + "Q" + ((period.from().getMonthValue() + 2) / 3),
                period.from(), period.to(), year, districts.district(), target, rows, total);
    }

    /** A district's quarter; {@code met131}: the willing leavers who met the 131 by the quarter's end, by district. */
    private static QuarterRow quarterRow(String code, String name, Predicate<String> in, List<AsOfCount> stock,
            Map<String, Long> willingMet131, List<ReportQueries.FlowCount> flows) {
        long graduates = 0, placed = 0;
        for (AsOfCount c : stock) {
            if (in.test(c.district())) {
                graduates += c.count();
                placed += groupOf(c.destinationCode()) != Group.NOT_PLACED ? c.count() : 0;
            }
        }
        long met131 = willingMet131.entrySet().stream().filter(m -> in.test(m.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        Map<String, Long> flow = flows.stream().filter(f -> in.test(f.district()))
                .collect(Collectors.groupingBy(ReportQueries.FlowCount::type,
                        Collectors.summingLong(ReportQueries.FlowCount::count)));
        return new QuarterRow(code, name, graduates, flow.getOrDefault("REGISTERED", 0L),
                flow.getOrDefault("GUIDANCE", 0L), flow.getOrDefault("REFERRAL", 0L),
                flow.getOrDefault("TRAINING", 0L) + flow.getOrDefault("INTERNSHIP", 0L),
                flow.getOrDefault(ReportQueries.PUBLIC_WELFARE_POSTS, 0L), met131, placed, rate(placed, graduates));
    }

    /** The plan's progress-report dates (30 June, 30 September, 30 December) as month and day. */
    static final List<java.time.MonthDay> CHECKPOINTS = List.of(java.time.MonthDay.of(6, 30),
            java.time.MonthDay.of(9, 30), java.time.MonthDay.of(12, 30));

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 9999;

    /**
     * The progress report: exactly one of {@code year} (its three checkpoints) and {@code asOf} (that
     * day, not after today); the cohort is the checkpoints' year unless given. A checkpoint whose day
     * has not ended (today or later) is listed unreached, without figures. One read-only transaction,
     * so that the checkpoints are read from one state of the database.
     */
    @Transactional(readOnly = true)
    public ReportViews.Progress progress(Integer year, LocalDate asOf, Integer graduationYear, String district,
            CurrentUser caller) {
        if ((year == null) == (asOf == null)) {
            throw new InvalidFieldException(List.of(
                    new InvalidFieldException.FieldError("year", "validation.yearOrAsOf"),
                    new InvalidFieldException.FieldError("asOf", "validation.yearOrAsOf")));
        }
        if (year != null && (year < FIRST_YEAR || year > LAST_YEAR)) {
            throw new InvalidFieldException("year", "validation.year", FIRST_YEAR, LAST_YEAR);
        }
        LocalDate today = today();
        if (asOf != null && asOf.isAfter(today)) {
            throw new InvalidFieldException("asOf", "validation.notInFuture");
        }
        if (graduationYear != null && (graduationYear < FIRST_YEAR || graduationYear > LAST_YEAR)) {
            throw new InvalidFieldException("graduationYear", "validation.year", FIRST_YEAR, LAST_YEAR);
        }
        ReportScope.Districts districts = scope.resolve(district, caller);
        List<LocalDate> dates = asOf != null ? List.of(asOf) : CHECKPOINTS.stream().map(d -> d.atYear(year)).toList();
        int cohortYear = graduationYear != null ? graduationYear : asOf != null ? asOf.getYear() : year;
        List<ReportViews.Checkpoint> checkpoints = new ArrayList<>();
        for (LocalDate date : dates) {
            // reached: the day has ended. asOf may be today (the figures so far, not yet reached); a
            // checkpoint of the year has figures only once its day has ended
            boolean reached = date.isBefore(today);
            checkpoints.add(reached || asOf != null ? checkpoint(date, cohortYear, districts, reached)
                    : new ReportViews.Checkpoint(date, false, null, null, List.of(), null));
        }
        return new ReportViews.Progress(year, asOf, cohortYear, districts.district(), checkpoints);
    }

    private ReportViews.Checkpoint checkpoint(LocalDate date, int graduationYear, ReportScope.Districts districts,
            boolean reached) {
        Instant end = Period.endOf(date, settings.zone());
        List<ReportQueries.ProgressCount> counts = queries.progress(end, graduationYear);
        List<ReportViews.ProgressRow> rows = new ArrayList<>();
        for (District d : districts.covered()) {
            rows.add(progressRow(d.code(), d.name(), d.code()::equals, counts));
        }
        ReportViews.ProgressRow total = progressRow(districts.district(), null, districts::includes, counts);
        Cohort cohort = districts.district() == null ? cohort(end, graduationYear) : Cohort.NONE;
        return new ReportViews.Checkpoint(date, reached, cohort.city(),
                settings.judge(date, graduationYear, cohort.city() == null ? null : cohort.city().rate()), rows, total);
    }

    private static ReportViews.ProgressRow progressRow(String code, String name, Predicate<String> in,
            List<ReportQueries.ProgressCount> counts) {
        long registered = 0, contacted = 0, met131 = 0, placed = 0, inDifficulty = 0, helped = 0, placedInDifficulty = 0,
                employedInDifficulty = 0, welfare = 0;
        for (ReportQueries.ProgressCount c : counts) {
            if (!in.test(c.district())) {
                continue;
            }
            Group group = groupOf(c.destinationCode());
            boolean isPlaced = group != Group.NOT_PLACED;
            registered += c.count();
            contacted += c.contacted() ? c.count() : 0;
            met131 += c.met131() ? c.count() : 0;
            placed += isPlaced ? c.count() : 0;
            welfare += c.publicWelfare() ? c.count() : 0;
            if (c.inDifficulty()) {
                inDifficulty += c.count();
                helped += c.helper() ? c.count() : 0;
                placedInDifficulty += isPlaced ? c.count() : 0;
                employedInDifficulty += isPlaced && group != Group.FURTHER_STUDY ? c.count() : 0;
            }
        }
        return new ReportViews.ProgressRow(code, name, registered, contacted, met131, placed, rate(placed, registered),
                inDifficulty, helped, rate(helped, inDifficulty), placedInDifficulty,
                rate(placedInDifficulty, inDifficulty), employedInDifficulty, welfare);
    }

    /** Graduates listed per district in the early warning unless asked otherwise, and at most. */
    static final int EARLY_WARNING_LIMIT = 100;
    static final int EARLY_WARNING_MAX_LIMIT = 1000;

    /** The services of the 131: 1 + 3 + 1. */
    private static final int REQUIRED = Compliance.GUIDANCE_REQUIRED + Compliance.REFERRALS_REQUIRED
            + Compliance.TRAINING_REQUIRED;

    /** The early warning's order: in difficulty first, then the latest projection (none first), then the id. */
    static final Comparator<AtRisk> AT_RISK_ORDER = Comparator.comparing((AtRisk a) -> !a.inDifficulty())
            .thenComparing(a -> a.projected() == null ? LocalDate.MAX : a.projected(), Comparator.reverseOrder())
            .thenComparing(AtRisk::graduateId);

    /**
     * The willing graduates with an open case who will not have had 1 + 3 + 1 by {@code by} at their
     * pace so far: services delivered (counting at most 1, 3 and 1) per day since the case opened,
     * at least one day. The services are counted by the 131 rule itself (ledger.Service131Policy, as
     * the compliance report's 131 met is): referrals to distinct positions (employer and position), and
     * the services of duplicates merged into the graduate. Nothing delivered yet means no pace: at risk. Graduates in difficulty first.
     * The counts cover the whole scope; each district lists its first {@code limit} graduates at risk
     * (default 100, at most 1,000), with their overdue tasks.
     *
     * <p>Nothing is read from the ledger: the graduate's row carries the rule's three counts and their
     * case's state (db/V44, kept by ledger.PlacementPeriods in the transaction of each entry), and one
     * covering index (ix_graduate_early_warning) answers. The database counts the open cases and those at
     * risk, the pace turned into a latest opening date per number of services ({@link #pace}); each
     * district's list reads first the graduates without any service (no pace: first after difficulty, in id
     * order, so the first {@code limit} by id are the list's), and only if they do not fill it those at
     * risk with services, whose projection orders them. The districts' lists are read side by side on the
     * scan pool; no transaction, as the compliance report (its parts are read moments apart, not in one
     * snapshot).
     */
    ReportViews.EarlyWarning earlyWarning(LocalDate by, Integer graduationYear, String district, Integer limit,
            CurrentUser caller) {
        if (by == null) {
            throw new InvalidFieldException("by", "validation.required");
        }
        int listed = limit == null ? EARLY_WARNING_LIMIT : limit;
        if (listed < 1 || listed > EARLY_WARNING_MAX_LIMIT) {
            throw new InvalidFieldException("limit", "validation.limit", EARLY_WARNING_MAX_LIMIT);
        }
        ReportScope.Districts districts = scope.resolve(district, caller);
        Filter f = new Filter(districts.district(), graduationYear);
        LocalDate today = today();
        ReportQueries.Pace pace = pace(today, by);
        Map<String, Watch> watches = new LinkedHashMap<>();
        districts.covered().forEach(d -> watches.put(d.code(), new Watch(listed)));
        Map<String, java.util.Set<Integer>> cohorts = new HashMap<>();
        for (ReportQueries.WarningCount c : warningCounts(f, districts, pace)) {
            Watch w = watches.get(c.district());
            if (w != null) {
                w.open += c.open();
                w.atRisk += c.atRisk();
                if (c.atRisk() > 0) {
                    cohorts.computeIfAbsent(c.district(), k -> new java.util.TreeSet<>()).add(c.graduationYear());
                }
            }
        }
        List<CompletableFuture<Void>> lists = new ArrayList<>();
        watches.forEach((code, w) -> {
            if (w.atRisk > 0) {
                lists.add(scan(() -> list(new Filter(code, graduationYear), cohorts.get(code), w, pace, by, today)));
            }
        });
        lists.forEach(Reports::result);

        List<String> codes = List.copyOf(watches.keySet());
        Map<String, Long> overdue = queries.overdueTaskCounts(codes, graduationYear);
        List<Long> listedIds = watches.values().stream().flatMap(w -> w.first.stream()).map(AtRisk::graduateId)
                .toList();
        Map<Long, ReportQueries.Listed> names = queries.listed(listedIds);
        Map<Long, List<ReportViews.Task>> tasks = new HashMap<>();
        for (var t : queries.overdueTasks(codes, listedIds)) {
            tasks.computeIfAbsent(t.graduateId(), k -> new ArrayList<>())
                    .add(new ReportViews.Task(t.id(), t.type(), t.name(), t.due(), t.assignee()));
        }
        List<DistrictWarning> rows = new ArrayList<>();
        for (District d : districts.covered()) {
            Watch w = watches.get(d.code());
            List<AtRisk> first = w.first.stream().sorted(AT_RISK_ORDER)
                    .map(a -> listed(a, names.get(a.graduateId()), tasks.getOrDefault(a.graduateId(), List.of())))
                    .toList();
            rows.add(new DistrictWarning(d.code(), d.name(), w.open, w.atRisk,
                    overdue.getOrDefault(d.code(), 0L), first));
        }
        return new ReportViews.EarlyWarning(by, today, districts.district(), listed, rows);
    }

    /**
     * {@link ReportQueries#earlyWarningCounts}: for a cohort of several districts, each district's counted
     * side by side on the scan pool, a range of its own of ix_graduate_early_warning (the cohort, then the
     * district); MariaDB counts each query on one core (a cohort of a million: 0.6 s for the city in one
     * query, 2026-12-06). Without a cohort the district is no range of the index, so one query counts all.
     */
    private List<ReportQueries.WarningCount> warningCounts(Filter f, ReportScope.Districts districts,
            ReportQueries.Pace pace) {
        if (f.district() != null || f.graduationYear() == null || districts.covered().size() < 2) {
            return queries.earlyWarningCounts(f, pace);
        }
        List<CompletableFuture<List<ReportQueries.WarningCount>>> parts = districts.covered().stream()
                .map(d -> scan(() -> queries.earlyWarningCounts(new Filter(d.code(), f.graduationYear()), pace)))
                .toList();
        return parts.stream().flatMap(part -> result(part).stream()).toList();
    }

    /**
     * The pace rule in the database's terms. A graduate with {@code done} of the 1 + 3 + 1 (1 to 4) and
     * {@code remaining = 5 - done} is on pace when today + ceil(remaining × elapsed / done) is not after
     * {@code by}, that is when remaining × elapsed &lt;= D × done (D the days from today to {@code by}), that
     * is when elapsed &lt;= T = floor(D × done / remaining); elapsed is at least one day: at risk whatever the
     * opening when T &lt; 1, else when the case was opened before the start of day today - T (city time), that
     * is more than T days ago. {@link #atRisk} says the same of one graduate.
     */
    ReportQueries.Pace pace(LocalDate today, LocalDate by) {
        long days = ChronoUnit.DAYS.between(today, by);
        boolean[] always = new boolean[REQUIRED];
        Instant[] openedBefore = new Instant[REQUIRED];
        for (int done = 1; done < REQUIRED; done++) {
            long t = Math.floorDiv(days * done, REQUIRED - done);
            if (t < 1) {
                always[done] = true;
            } else if (t < ChronoUnit.DAYS.between(EARLIEST_OPENING, today)) {
                openedBefore[done] = today.minusDays(t).atStartOfDay(settings.zone()).toInstant();
            } // else never: no case was opened that long ago
        }
        return new ReportQueries.Pace(always, openedBefore);
    }

    /** Before any case: the pace's latest opening dates stop here (a DATETIME holds years from 1000 on). */
    private static final LocalDate EARLIEST_OPENING = LocalDate.of(1900, 1, 1);

    /**
     * Lists a district's first graduates at risk into its watch: in difficulty, then not; each time first
     * those without any service (no pace, in id order), then, while the list is not full, those with
     * services, whose projection the heap orders. Answers nothing (a scan of the pool).
     */
    private Void list(Filter district, java.util.Set<Integer> cohorts, Watch w, ReportQueries.Pace pace, LocalDate by,
            LocalDate today) {
        java.util.Collection<Integer> years = cohorts == null ? List.of() : cohorts;
        for (boolean inDifficulty : new boolean[] { true, false }) {
            int need = w.limit - w.first.size();
            if (need == 0) {
                break;
            }
            for (long id : queries.earlyWarningWithoutServices(district, years, inDifficulty, need)) {
                w.keep(new AtRisk(id, null, null, inDifficulty, 0, 0, 0, REQUIRED, null, List.of()));
            }
            if (w.first.size() < w.limit) {
                queries.earlyWarningWithServices(district, years, inDifficulty, pace,
                        p -> atRisk(p, inDifficulty, by, today).ifPresent(w::keep));
            }
        }
        return null;
    }

    /** A listed graduate with their name, case number and overdue tasks. */
    private static AtRisk listed(AtRisk a, ReportQueries.Listed listed, List<ReportViews.Task> tasks) {
        return new AtRisk(a.graduateId(), listed == null ? null : listed.name(),
                listed == null ? null : listed.caseNumber(), a.inDifficulty(), a.guidance(), a.referrals(),
                a.trainingOrInternship(), a.remaining(), a.projected(), tasks);
    }

    /** The graduate of an open case if they will miss the 131 by {@code by} at their pace (name and tasks not yet read). */
    private Optional<AtRisk> atRisk(ReportQueries.Paced p, boolean inDifficulty, LocalDate by, LocalDate today) {
        int done = Math.min(p.guidance(), Compliance.GUIDANCE_REQUIRED)
                + Math.min(p.referrals(), Compliance.REFERRALS_REQUIRED)
                + Math.min(p.trainingOrInternship(), Compliance.TRAINING_REQUIRED);
        int remaining = REQUIRED - done;
        if (remaining == 0) {
            return Optional.empty();
        }
        LocalDate projected = projected(p.openedAt() == null ? today
                : LocalDate.ofInstant(p.openedAt(), settings.zone()), today, done, remaining);
        if (projected != null && !projected.isAfter(by)) {
            return Optional.empty();
        }
        return Optional.of(new AtRisk(p.graduateId(), null, null, inDifficulty, p.guidance(), p.referrals(),
                p.trainingOrInternship(), remaining, projected, List.of()));
    }

    /**
     * One district's early warning: how many are open and at risk, and the first {@code limit} at risk
     * by {@link #AT_RISK_ORDER}, in a heap whose head is the last of them (the one to drop when an
     * earlier one comes).
     */
    static final class Watch {
        private final int limit;
        private final PriorityQueue<AtRisk> first;
        long open;
        long atRisk;

        Watch(int limit) {
            this.limit = limit;
            this.first = new PriorityQueue<>(Math.min(limit, 64), AT_RISK_ORDER.reversed());
        }

        void atRisk(AtRisk a) {
            atRisk++;
            keep(a);
        }

        /** Another part's counts and first graduates added to these. */
        void add(Watch other) {
            open += other.open;
            atRisk += other.atRisk;
            other.first.forEach(this::keep);
        }

        /** The first graduates at risk kept, in the early warning's order. */
        List<AtRisk> first() {
            return first.stream().sorted(AT_RISK_ORDER).toList();
        }

        /** Keeps a graduate at risk among the first if they are (counted elsewhere). */
        void keep(AtRisk a) {
            if (first.size() < limit) {
                first.add(a);
            } else if (AT_RISK_ORDER.compare(a, first.peek()) < 0) {
                first.poll();
                first.add(a);
            }
        }
    }

    /** today + ceil(remaining × days so far / done); null without any service yet. */
    static LocalDate projected(LocalDate opened, LocalDate today, int done, int remaining) {
        if (done == 0) {
            return null;
        }
        long elapsed = Math.max(1, ChronoUnit.DAYS.between(opened, today));
        long days = (remaining * elapsed + done - 1) / done;
        return today.plusDays(days);
    }
}
