package org.leye.casework.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.leye.casework.handover.HandoverFiles.HEADER_SIMPLIFIED;
import static org.leye.casework.handover.HandoverFiles.row;
import static org.leye.casework.handover.HandoverFiles.with;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.leye.casework.graduates.Gender;
import org.leye.casework.graduates.SyntheticResidentIds;
import org.leye.casework.handover.HandoverRowParser.ParsedRow;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

/** How a batch of rows is split into lanes registered side by side, and which failures are tried again. */
class LanesTest {

    private static final HandoverHeader HEADER = HandoverHeader.recognise(1, HEADER_SIMPLIFIED).orElseThrow();
    private final Random random = new Random(7);

    @Test
    void rowsThatCouldBeDuplicatesOfEachOtherShareALaneInFileOrder() {
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            cells.add(row("学生" + i, id(LocalDate.of(2001, 1, 1).plusDays(i))));
        }
        LocalDate birth = LocalDate.of(2002, 5, 6);
        cells.set(3, row("陈晓", id(birth)));
        cells.set(30, row("陈晓", id(birth))); // same name and birth date, another ID number: probable duplicate
        cells.set(31, cells.get(5)); // the same person again
        cells.set(35, with(row("林一", id(birth)), 3, cells.get(10).get(3))); // another name, row 10's phone
        List<ParsedRow> rows = parse(cells);

        List<List<ParsedRow>> lanes = Lanes.split(rows, 2);

        assertThat(lanes).hasSize(2);
        assertThat(lanes.get(0).size() + lanes.get(1).size()).isEqualTo(40);
        assertThat(Math.abs(lanes.get(0).size() - lanes.get(1).size())).isLessThanOrEqualTo(2);
        assertThat(laneOf(lanes, rows.get(3))).isEqualTo(laneOf(lanes, rows.get(30)));
        assertThat(laneOf(lanes, rows.get(5))).isEqualTo(laneOf(lanes, rows.get(31)));
        assertThat(laneOf(lanes, rows.get(10))).isEqualTo(laneOf(lanes, rows.get(35)));
        for (List<ParsedRow> lane : lanes) {
            for (int i = 1; i < lane.size(); i++) {
                assertThat(lane.get(i).rowNumber()).isGreaterThan(lane.get(i - 1).rowNumber());
            }
        }
    }

    @Test
    void rowsLinkedThroughAChainOfKeysShareALane() {
        LocalDate birth = LocalDate.of(2000, 2, 3);
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            cells.add(row("学生" + i, id(LocalDate.of(2001, 1, 1).plusDays(i))));
        }
        cells.set(0, row("周周", id(birth)));
        cells.set(4, with(row("周周", id(birth)), 3, cells.get(7).get(3))); // name and birth as row 0, phone as row 7
        List<ParsedRow> rows = parse(cells);

        List<List<ParsedRow>> lanes = Lanes.split(rows, 2);

        assertThat(laneOf(lanes, rows.get(0))).isEqualTo(laneOf(lanes, rows.get(4))).isEqualTo(laneOf(lanes, rows.get(7)));
    }

    @Test
    void oneLaneOrOneRowIsNotSplit() {
        List<ParsedRow> rows = parse(List.of(row("甲", id(LocalDate.of(2001, 3, 3))), row("乙", id(LocalDate.of(2001, 3, 4)))));

        assertThat(Lanes.split(rows, 1)).containsExactly(rows);
        assertThat(Lanes.split(rows.subList(0, 1), 4)).containsExactly(rows.subList(0, 1));
        assertThat(Lanes.split(rows, 4)).hasSize(2);
    }

    @Test
    void rejectedRowsAreSpreadLikeAnyOther() {
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cells.add(with(row("坏" + i), 1, "不是身份证号"));
        }
        List<ParsedRow> rows = parse(cells);
        assertThat(rows).noneMatch(ParsedRow::valid);

        List<List<ParsedRow>> lanes = Lanes.split(rows, 2);

        assertThat(lanes).extracting(List::size).containsExactly(3, 3);
    }

    @Test
    void deadlocksAndLockWaitTimeoutsAreTriedAgainWhateverWrapsThem() {
        assertThat(HandoverRunner.transientFailure(new CannotAcquireLockException("deadlock"))).isTrue();
        assertThat(HandoverRunner.transientFailure(new ProcessEngineException("ENGINE-03083 batch failed",
                new RuntimeException(new SQLTransactionRollbackException("Deadlock found", "40001", 1213))))).isTrue();
        assertThat(HandoverRunner.transientFailure(new RuntimeException(new SQLException("Lock wait timeout", "HY000", 1205))))
                .isTrue();
        assertThat(HandoverRunner.transientFailure(new DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(HandoverRunner.transientFailure(new RuntimeException(new SQLException("Data too long", "22001", 1406))))
                .isFalse();
    }

    @Test
    void aRowRolledBackForADeadlockIsWrittenOnTheNextAttemptAndOtherFailuresAreNotRepeated() {
        AtomicInteger calls = new AtomicInteger();
        Long written = HandoverRunner.retried(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new CannotAcquireLockException("deadlock");
            }
            return 42L;
        });
        assertThat(written).isEqualTo(42L);
        assertThat(calls).hasValue(3);

        AtomicInteger refused = new AtomicInteger();
        assertThatThrownBy(() -> HandoverRunner.retried(() -> {
            refused.incrementAndGet();
            throw new DataIntegrityViolationException("duplicate key");
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(refused).hasValue(1);

        AtomicInteger always = new AtomicInteger();
        assertThatThrownBy(() -> HandoverRunner.retried(() -> {
            always.incrementAndGet();
            throw new CannotAcquireLockException("deadlock");
        })).isInstanceOf(CannotAcquireLockException.class);
        assertThat(always).hasValue(HandoverRunner.ATTEMPTS);
    }

    private String id(LocalDate birth) {
        return SyntheticResidentIds.next(random, "440703", birth, Gender.FEMALE);
    }

    private static List<ParsedRow> parse(List<List<String>> cells) {
        List<ParsedRow> rows = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            rows.add(HandoverRowParser.parse(i + 2, cells.get(i), HEADER));
        }
        return rows;
    }

    private static int laneOf(List<List<ParsedRow>> lanes, ParsedRow row) {
        for (int l = 0; l < lanes.size(); l++) {
            if (lanes.get(l).contains(row)) {
                return l;
            }
        }
        throw new AssertionError("row " + row.rowNumber() + " in no lane");
    }
}
