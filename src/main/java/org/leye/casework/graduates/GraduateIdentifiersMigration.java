package org.leye.casework.graduates;

import org.flywaydb.core.api.migration.Context;
import org.leye.casework.shared.jpa.ApplicationMigration;
import org.springframework.stereotype.Component;

/**
 * db/V22.1, in Java because it needs the keys: the graduates' ID numbers and phones written before
 * V22 are encrypted again with their key version and bound to their columns, and
 * {@code name_birth_hash} is computed from the name and the ID number, so that V22.3 can drop the
 * birth date stored in clear beside the masked ID number.
 */
@Component
public class GraduateIdentifiersMigration extends ApplicationMigration {

    private final EncryptedGraduateColumns columns;

    public GraduateIdentifiersMigration(EncryptedGraduateColumns columns) {
        // commits a slice at a time: a million graduates are not one transaction
        super("22.1", "graduate identifiers bound to their columns, name and birth date hashed", false);
        this.columns = columns;
    }

    @Override
    public void migrate(Context context) throws Exception {
        columns.rewrite(context.getConnection());
    }
}
