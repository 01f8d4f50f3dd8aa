package org.leye.casework.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;

class DatabaseFailuresTest {

    @Test
    void aBatchFlushedAtCommitOnAStatementTheLostLinkClosedIsTheDatabaseBeingAway() {
        // as Hibernate reports it: "could not execute batch", the driver's StatementIsClosedException inside
        RuntimeException closed = new RuntimeException("No operations allowed after statement closed.");
        SQLException batch = new SQLException("could not execute batch", "S1009", closed);
        assertThat(DatabaseFailures.unreachable(new JpaSystemException(new RuntimeException(batch)))).isTrue();
    }

    @Test
    void aCommitThatLostItsConnectionIsTheDatabaseBeingAway() {
        assertThat(DatabaseFailures.unreachable(new org.springframework.dao.RecoverableDataAccessException(
                "Unable to commit against JDBC Connection"))).isTrue();
    }

    @Test
    void aConnectionExceptionByItsSqlStateIsTheDatabaseBeingAway() {
        assertThat(DatabaseFailures.unreachable(new RuntimeException(new SQLException("link", "08S01")))).isTrue();
    }

    @Test
    void aRefusedRowIsNotTheDatabaseBeingAway() {
        SQLException duplicate = new SQLIntegrityConstraintViolationException("Duplicate entry", "23000");
        assertThat(DatabaseFailures.unreachable(new DataIntegrityViolationException("duplicate", duplicate))).isFalse();
        assertThat(DatabaseFailures.unreachable(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void aDeadlockVictimOrALockWaitTimeoutInTheEngineIsContentionNotTheDatabaseBeingAway() {
        // MySQL's deadlock (1213, SQLSTATE 40001) as the engine reports it: MyBatis inside a ProcessEngineException
        SQLException deadlock = new SQLException("Deadlock found when trying to get lock", "40001", 1213);
        RuntimeException engine = new org.camunda.bpm.engine.ProcessEngineException("update failed",
                new RuntimeException(deadlock));
        assertThat(DatabaseFailures.contended(engine)).isTrue();
        assertThat(DatabaseFailures.unreachable(engine)).isFalse();
        SQLException timeout = new SQLException("Lock wait timeout exceeded", "HY000", 1205);
        assertThat(DatabaseFailures.contended(new JpaSystemException(new RuntimeException(timeout)))).isTrue();
        assertThat(DatabaseFailures.contended(
                new org.springframework.dao.CannotAcquireLockException("lock"))).isTrue();
    }

    @Test
    void aRefusedRowOrABugIsNotContention() {
        SQLException duplicate = new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062);
        assertThat(DatabaseFailures.contended(new DataIntegrityViolationException("duplicate", duplicate))).isFalse();
        assertThat(DatabaseFailures.contended(new IllegalStateException("a bug"))).isFalse();
    }
}
