package org.leye.casework.graduates;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * db/V22.1, in Java because it needs the keys: the graduates' ID numbers and phones written before
 * V22 are encrypted again with their key version and bound to their columns, and
 * {@code name_birth_hash} is computed from the name and the ID number, so that V22.3 can drop the
 * birth date stored in clear beside the masked ID number.
 */
@Component
public class GraduateIdentifiersMigration implements JavaMigration {

    private final EncryptedGraduateColumns columns;

    public GraduateIdentifiersMigration(EncryptedGraduateColumns columns) {
        this.columns = columns;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("22.1");
    }

    @Override
    public String getDescription() {
        return "graduate identifiers bound to their columns, name and birth date hashed";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return false; // commits a slice at a time: a million graduates are not one transaction
    }

    @Override
    public void migrate(Context context) throws Exception {
        columns.rewrite(context.getConnection());
    }
}
