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
}
