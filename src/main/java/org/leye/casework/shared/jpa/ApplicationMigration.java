package org.leye.casework.shared.jpa;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration written in Java because it needs the application (a key, the 131 rule), run by
 * Flyway between the SQL migrations by its version: a Spring bean that Boot hands to Flyway. Its
 * checksum is none (the code is checked by its tests, not by Flyway), and whether it runs in one
 * transaction is its own: one that rewrites a million rows commits a slice at a time.
 */
public abstract class ApplicationMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;
    private final boolean inOneTransaction;

    protected ApplicationMigration(String version, String description, boolean inOneTransaction) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
        this.inOneTransaction = inOneTransaction;
    }

    @Override
    public final MigrationVersion getVersion() {
        return version;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return null;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return inOneTransaction;
    }
}
