package org.leye.casework.shared.jpa;

import java.util.Locale;

import org.hibernate.exception.ConstraintViolationException;

/**
 * Which unique index a refused write broke. A caller that catches a constraint violation as one
 * expected race (a task's second ledger entry) must not answer every other violation the same way.
 */
public final class UniqueIndexes {

    private UniqueIndexes() {
    }

    /**
     * Whether the failure, or one of its causes, is a violation of the named index: by the constraint
     * name Hibernate extracted, or else by the driver's message (MySQL names the key, H2 the index).
     */
    public static boolean violated(Throwable failure, String index) {
        String wanted = index.toLowerCase(Locale.ROOT);
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null
                    && violation.getConstraintName().toLowerCase(Locale.ROOT).contains(wanted)) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(Locale.ROOT).contains(wanted)) {
                return true;
            }
        }
        return false;
    }
}
