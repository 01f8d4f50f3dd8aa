package org.leye.casework.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.reports.ReportFixtures.ENPING;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leye.casework.cohorts.Cohorts;
import org.leye.casework.reference.ReferenceData;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Item 8, sections that agree: a change committed while the compliance report runs its scans side by side
 * must not make one section contradict another. The interleaving is made, not hoped for: the registry's
 * scan reads first, then a change is committed on another connection, and only then do the other scans
 * read (they wait on a latch). Without the agreement check the registry's section says "not met, not
 * placed" while the durations' and the second 100%'s say "met, placed".
 */
abstract class ComplianceAgreementContract {

    static final CurrentUser CITY = new CurrentUser("sup.city", "市督导", Role.SUPERVISOR, null, null);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    ReportScope scope;

    @Autowired
    Cohorts cohorts;

    @Autowired
    ReferenceData reference;

    @Autowired
    ReportSettings settings;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    final ExecutorService pool = Executors.newFixedThreadPool(5);
    final ExecutorService writer = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        pool.shutdownNow();
        writer.shutdownNow();
    }

    /**
     * Report queries whose registry scan, in each of the first {@code interleavedRounds} rounds, is
     * followed by {@code change} committed on another thread before any other graduate scan reads.
     */
    class Interleaved extends ReportQueries {
        final int interleavedRounds;
        final Runnable change;
        final AtomicInteger rounds = new AtomicInteger();
        /** One latch per interleaved round, open once its change is committed. */
        final List<CountDownLatch> changed = new ArrayList<>();
        final AtomicInteger to131Rounds = new AtomicInteger();
        final AtomicInteger toPlacementRounds = new AtomicInteger();
        final AtomicInteger inDifficultyRounds = new AtomicInteger();

        Interleaved(int interleavedRounds, Runnable change) {
            super(jdbc, named);
            this.interleavedRounds = interleavedRounds;
            this.change = change;
            for (int i = 0; i < interleavedRounds; i++) {
                changed.add(new CountDownLatch(1));
            }
        }

        @Override
        List<RegistryCount> registry(Filter f) {
            int round = rounds.incrementAndGet();
            List<RegistryCount> read = super.registry(f);
            if (round <= interleavedRounds) {
                try {
                    writer.submit(change).get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    changed.get(round - 1).countDown();
                }
            }
            return read;
        }

        /** Waits, in the rounds that are interleaved, until the change after the registry's scan is committed. */
        private void afterTheChange(AtomicInteger scanRounds) {
            int round = scanRounds.incrementAndGet();
            if (round > interleavedRounds) {
                return;
            }
            try {
                assertThat(changed.get(round - 1).await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        List<DaysCount> daysTo131(Filter f) {
            afterTheChange(to131Rounds);
            return super.daysTo131(f);
        }

        @Override
        List<DaysCount> daysToPlacement(Filter f) {
            afterTheChange(toPlacementRounds);
            return super.daysToPlacement(f);
        }

        @Override
        List<PlacedInDifficulty> placedInDifficulty(Filter f) {
            afterTheChange(inDifficultyRounds);
            return super.placedInDifficulty(f);
        }
    }

    Reports reports(Interleaved queries) {
        return new Reports(queries, scope, cohorts, reference, settings, clock, pool, transactions);
    }

    /**
     * A cohort in E: the fixture's reservation row (not willing), S (willing, in difficulty, guidance and
     * two referrals so far, in service) and one more graduate whose 131 was met and who was placed long
     * ago, so that each section has something to count. Then each change completes one more graduate:
     * their training meets their 131 and a contract (11) places them.
     */
    class Fixture {
        final ReportFixtures f = new ReportFixtures(jdbc);
        final AtomicInteger changes = new AtomicInteger();

        Fixture() {
            long done = f.graduate("已达标", ENPING, true, "PLACED", f.at(3, 1));
            f.difficulties(done, "DISABILITY");
            f.caseFile(done, ENPING, "OPEN", true, f.at(3, 1), f.at(3, 10));
            f.entry(done, "DESTINATION", f.at(4, 1), ENPING, "11");
            f.destinationNow(done, "11", f.date(4, 1), "示例单位");
        }

        /** One more willing graduate in difficulty, 131 met and placed: committed on the writer's connection. */
        void change() {
            int n = changes.incrementAndGet();
            long s = f.graduate("变化" + n, ENPING, true, "IN_SERVICE", f.at(3, 1));
            f.difficulties(s, "DISABILITY");
            f.caseFile(s, ENPING, "OPEN", true, f.at(3, 1), f.at(5, 1));
            f.entry(s, "DESTINATION", f.at(6, 1), ENPING, "11");
            f.destinationNow(s, "11", f.date(6, 1), "示例单位");
            f.statusNow(s, "PLACED");
        }
    }

    static void assertSectionsAgree(ReportViews.DistrictCompliance d) {
        // every graduate of the cohort but the reservation row is willing: met131 counts them all
        assertThat(d.daysTo131().count()).as("131 met: registry against durations").isEqualTo(d.met131());
        assertThat(d.daysToPlacement().count()).as("placed: registry against durations").isEqualTo(d.placed());
        assertThat(d.willingInDifficultyEmployed() + d.willingInDifficultyFurtherStudy())
                .as("placed in difficulty: registry against the second 100%").isEqualTo(d.willingInDifficultyPlaced());
    }

    static ReportViews.DistrictCompliance enping(ReportViews.Compliance c) {
        return c.districts().stream().filter(d -> ENPING.equals(d.district())).findFirst().orElseThrow();
    }

    @Test
    void aChangeCommittedBetweenTwoScansIsReadAgainAndTheSectionsAgree() {
        Fixture x = new Fixture();
        Interleaved queries = new Interleaved(1, x::change);
        ReportViews.Compliance c = reports(queries).compliance(null, x.f.year, CITY);

        ReportViews.DistrictCompliance e = enping(c);
        assertSectionsAgree(e);
        assertSectionsAgree(c.total());
        assertThat(x.changes.get()).isEqualTo(1);
        assertThat(queries.rounds.get()).as("the first round disagreed and was read again").isEqualTo(2);
        // the second round read the state after the change: both graduates met and placed
        assertThat(List.of(e.met131(), e.placed(), e.willingInDifficultyPlaced(), e.notYetMet()))
                .containsExactly(2L, 2L, 2L, 0L);
    }

    @Test
    void aChangeBetweenTheScansOfEveryRoundFallsBackToOneSnapshot() {
        Fixture x = new Fixture();
        Interleaved queries = new Interleaved(Reports.AGREEMENT_ATTEMPTS + 1, x::change);
        ReportViews.Compliance c = reports(queries).compliance(null, x.f.year, CITY);

        // three rounds side by side, each disagreeing; then the snapshot, whose registry scan was
        // followed by a fourth change that its other scans, in the same snapshot, do not see
        assertThat(queries.rounds.get()).isEqualTo(Reports.AGREEMENT_ATTEMPTS + 1);
        assertThat(x.changes.get()).isEqualTo(Reports.AGREEMENT_ATTEMPTS + 1);
        ReportViews.DistrictCompliance e = enping(c);
        assertSectionsAgree(e);
        assertSectionsAgree(c.total());
        assertThat(List.of(e.met131(), e.placed(), e.willingInDifficultyPlaced()))
                .containsExactly(4L, 4L, 4L);
    }

    @Test
    void withoutAChangeOneRoundSideBySideIsRead() {
        Fixture x = new Fixture();
        Interleaved queries = new Interleaved(0, x::change);
        ReportViews.Compliance c = reports(queries).compliance(null, x.f.year, CITY);

        assertThat(queries.rounds.get()).isEqualTo(1);
        ReportViews.DistrictCompliance e = enping(c);
        assertSectionsAgree(e);
        assertThat(List.of(e.met131(), e.placed(), e.willingInDifficultyPlaced())).containsExactly(1L, 1L, 1L);
    }
}
