package org.leye.casework.handover;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * db/V22.2, in Java because it needs the key: the chunks of files still being handed over, stored in
 * clear before, are encrypted, and the rejected rows' cells are bound to their column.
 */
@Component
public class HandoverDataMigration implements JavaMigration {

    private final EncryptedHandoverColumns columns;

    public HandoverDataMigration(EncryptedHandoverColumns columns) {
        this.columns = columns;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("22.2");
    }

    @Override
    public String getDescription() {
        return "hand-over files encrypted, rejected cells bound to their column";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws Exception {
        columns.rewrite(context.getConnection(), true);
    }
}
