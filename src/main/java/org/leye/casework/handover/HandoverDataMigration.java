package org.leye.casework.handover;

import org.flywaydb.core.api.migration.Context;
import org.leye.casework.shared.jpa.ApplicationMigration;
import org.springframework.stereotype.Component;

/**
 * db/V22.2, in Java because it needs the key: the chunks of files still being handed over, stored in
 * clear before, are encrypted, and the rejected rows' cells are bound to their column.
 */
@Component
public class HandoverDataMigration extends ApplicationMigration {

    private final EncryptedHandoverColumns columns;

    public HandoverDataMigration(EncryptedHandoverColumns columns) {
        super("22.2", "hand-over files encrypted, rejected cells bound to their column", false);
        this.columns = columns;
    }

    @Override
    public void migrate(Context context) throws Exception {
        columns.rewrite(context.getConnection(), true);
    }
}
