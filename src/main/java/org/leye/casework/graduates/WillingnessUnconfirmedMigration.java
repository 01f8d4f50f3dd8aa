package org.leye.casework.graduates;

import java.sql.Connection;
import java.sql.Statement;

import org.flywaydb.core.api.migration.Context;
import org.leye.casework.shared.jpa.ApplicationMigration;
import org.springframework.stereotype.Component;

/**
 * db/V28 (issue 19, item 3), in Java because making a column nullable is said differently by H2
 * ({@code ALTER COLUMN … SET NULL}) and MySQL/MariaDB ({@code MODIFY}). Willingness is what contact
 * established: a graduate whose willingness nobody has established (a hand-over row with an empty
 * willingness cell, not yet reached) is unconfirmed, {@code willing_to_work} NULL, neither willing nor
 * not willing, and not counted among the willing in any figure.
 *
 * <p>Existing data: until now an empty cell was read as 是, and the stored rows can no longer tell an
 * empty cell from an explicit 是. The graduates who came only by hand-over and whom no contact has
 * reached (no WILLINGNESS entry) become unconfirmed, so that their first contact establishes it, as for
 * every new hand-over. The ledger is append-only: a WILLINGNESS entry with willingness UNCONFIRMED, at the
 * registration's time (the corrected reading of the registration), records it, and
 * {@code ledger.Service131Policy} reads it; the row follows. Their cases and first-contact tasks stay.
 */
@Component
public class WillingnessUnconfirmedMigration extends ApplicationMigration {

    static final String ENTRIES = """
            INSERT INTO ledger_entry (graduate_id, case_id, type, at, actor, details, district_code)
            SELECT g.id, (SELECT c.id FROM case_file c WHERE c.graduate_id = g.id), 'WILLINGNESS', g.registered_at,
                   'system', '{"willingness":"UNCONFIRMED","reason":"V28: hand-over without a stated willingness, never reached"}',
                   g.district_code
            FROM graduate g
            WHERE g.willing_to_work = TRUE
              AND EXISTS (SELECT 1 FROM graduate_source s WHERE s.graduate_id = g.id AND s.source = 'HANDOVER')
              AND NOT EXISTS (SELECT 1 FROM graduate_source s WHERE s.graduate_id = g.id AND s.source <> 'HANDOVER')
              AND NOT EXISTS (SELECT 1 FROM ledger_entry w WHERE w.graduate_id = g.id AND w.type = 'WILLINGNESS')
            """;

    static final String ROWS = """
            UPDATE graduate SET willing_to_work = NULL
             WHERE id IN (SELECT w.graduate_id FROM ledger_entry w
                           WHERE w.type = 'WILLINGNESS' AND w.actor = 'system' AND w.details LIKE '%"UNCONFIRMED"%')
            """;

    public WillingnessUnconfirmedMigration() {
        super("28", "willingness unconfirmed until contact", true);
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean h2 = c.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
        try (Statement s = c.createStatement()) {
            s.execute(h2 ? "ALTER TABLE graduate ALTER COLUMN willing_to_work SET NULL"
                    : "ALTER TABLE graduate MODIFY willing_to_work BOOLEAN NULL");
            s.executeUpdate(ENTRIES);
            s.executeUpdate(ROWS);
        }
    }
}
