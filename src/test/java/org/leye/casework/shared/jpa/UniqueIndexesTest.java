package org.leye.casework.shared.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLIntegrityConstraintViolationException;

import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class UniqueIndexesTest {

    @Test
    void theLedgersIndexIsFoundByTheConstraintNameHibernateExtracted() {
        var mysql = new SQLIntegrityConstraintViolationException(
                "Duplicate entry 'x' for key 'ledger_entry.ux_ledger_entry_task'", "23000", 1062);
        var refused = new DataIntegrityViolationException("could not execute statement",
                new ConstraintViolationException("could not execute statement", mysql, "ledger_entry.ux_ledger_entry_task"));
        assertThat(UniqueIndexes.violated(refused, "ux_ledger_entry_task")).isTrue();
    }

    @Test
    void theIndexIsFoundInTheDriversMessageWhenNoNameWasExtracted() {
        var h2 = new SQLIntegrityConstraintViolationException(
                "Unique index or primary key violation: \"PUBLIC.UX_LEDGER_ENTRY_TASK_INDEX_A ON PUBLIC.LEDGER_ENTRY(TASK_ID)\"",
                "23505", 23505);
        assertThat(UniqueIndexes.violated(new DataIntegrityViolationException("refused", h2), "ux_ledger_entry_task"))
                .isTrue();
    }

    @Test
    void anotherIndexIsNotTakenForTheLedgers() {
        var mysql = new SQLIntegrityConstraintViolationException(
                "Duplicate entry '江门市示范企业有限公司' for key 'ux_employer_name'", "23000", 1062);
        var refused = new DataIntegrityViolationException("could not execute statement",
                new ConstraintViolationException("could not execute statement", mysql, "ux_employer_name"));
        assertThat(UniqueIndexes.violated(refused, "ux_ledger_entry_task")).isFalse();
        assertThat(UniqueIndexes.violated(new IllegalStateException("no cause"), "ux_ledger_entry_task")).isFalse();
    }
}
