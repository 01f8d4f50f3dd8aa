package org.leye.casework.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leye.casework.reports.ReportQueries.AsOfCount;
import org.leye.casework.reports.ReportQueries.Filter;
import org.leye.casework.reports.ReportQueries.RegistryCount;
import org.leye.casework.reports.ReportQueries.TaskLoad;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The report queries alone, on the schema Flyway builds (H2, a JPA slice without the engine or the
 * web): a hand-computed cohort of four graduates, the figures as of two cut-offs and now. The same
 * queries run on MariaDB in ReportsMySqlTest.
 */
@DataJpaTest
@Import(ReportQueries.class)
class ReportQueriesJpaTest {

    static final String E = ReportFixtures.ENPING;
    static final String H = ReportFixtures.HESHAN;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportQueries queries;

    ReportFixtures f;
    long a;
    long b;

    /**
     * A: 恩平, willing, registered 1 March, 131 met 1 May; B: 恩平, willing, registered 1 March,
     * placed with a labour contract (11) on 1 April; C: 鹤山, willing, registered 1 June, moved to
     * 恩平 on 1 August; D: 鹤山, not willing, registered 1 March. The fixture's reservation row (恩平,
     * not willing, no ledger) is in the registry, not in the as-of figures.
     */
    @BeforeEach
    void cohort() {
        f = new ReportFixtures(jdbc);
        a = f.graduate("甲", E, true, "IN_SERVICE", f.at(3, 1));
        f.caseFile(a, E, "OPEN", false, f.at(3, 1), f.at(5, 1));
        b = f.graduate("乙", E, true, "PLACED", f.at(3, 1));
        f.entry(b, "DESTINATION", f.at(4, 1), E, "11");
        long c = f.graduate("丙", H, true, "IN_SERVICE", f.at(6, 1));
        f.entry(c, "DISTRICT_CHANGED", f.at(8, 1), E, null);
        f.districtNow(c, E);
        f.graduate("丁", H, false, "REGISTERED", f.at(3, 1));
        f.overdueTask(new ReportFixtures.OpenCase(a, jdbc.queryForObject(
                "SELECT id FROM case_file WHERE graduate_id = ?", Long.class, a)), E, "REFERRAL", f.at(9, 1));
    }

    Instant endOf(int month, int day) {
        return LocalDateTime.of(f.year, month, day, 0, 0).plusDays(1).minusHours(8).toInstant(ZoneOffset.UTC);
    }

    @Test
    void asOfTheEndOfJuneCountsWhoWasWhereWithWhatDestinationAndTheir131() {
        List<String> cells = cells(queries.asOf(endOf(6, 30), f.year));

        assertThat(cells).containsExactlyInAnyOrder("440785 - 131 1", "440785 11 - 1", "440784 - - 2");
        assertThat(cells(queries.asOfFromLedger(endOf(6, 30), f.year))).containsExactlyInAnyOrderElementsOf(cells);
    }

    @Test
    void aMoveAfterTheCutOffIsNotCountedBeforeItAndIsAfter() {
        assertThat(cells(queries.asOf(endOf(7, 31), f.year))).contains("440784 - - 2");
        assertThat(cells(queries.asOf(endOf(8, 31), f.year))).containsExactlyInAnyOrder("440785 - 131 1",
                "440785 11 - 1", "440785 - - 1", "440784 - - 1");
        assertThat(cells(queries.asOfFromLedger(endOf(8, 31), f.year)))
                .containsExactlyInAnyOrderElementsOf(cells(queries.asOf(endOf(8, 31), f.year)));
    }

    @Test
    void theRegistryCountsEveryGraduateOfTheCohortNowWithThe131Met() {
        List<String> rows = new ArrayList<>();
        for (RegistryCount r : queries.registry(new Filter(null, f.year))) {
            rows.add(r.district() + " " + (r.willing() ? "willing" : "not") + " " + r.status() + " " + r.count()
                    + " met " + r.met131());
        }
        assertThat(rows).containsExactlyInAnyOrder("440785 willing IN_SERVICE 2 met 1", "440785 willing PLACED 1 met 0",
                "440785 not REGISTERED 1 met 0", "440784 not REGISTERED 1 met 0");
        assertThat(queries.registry(new Filter(H, f.year))).hasSize(1);
    }

    @Test
    void theCaseloadCountsOpenAndOverdueTasksOfTheCohort() {
        List<TaskLoad> load = queries.taskLoad(new Filter(null, f.year));

        assertThat(load).hasSize(1);
        assertThat(load.get(0)).isEqualTo(new TaskLoad(E, "cw.fixture", 1, 1, 1));
    }

    /** "district destination-or-dash 131-or-dash count". */
    static List<String> cells(List<AsOfCount> counts) {
        List<String> cells = new ArrayList<>();
        for (AsOfCount c : counts) {
            cells.add(c.district() + " " + (c.destinationCode() == null ? "-" : c.destinationCode()) + " "
                    + (c.met131() ? "131" : "-") + " " + c.count());
        }
        return cells;
    }
}
