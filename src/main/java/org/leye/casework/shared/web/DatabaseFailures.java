package org.leye.casework.shared.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means that the database cannot be reached (down, restarting, the pool out of
 * connections), wherever it surfaced: in JPA, in a transaction's commit, in the engine (MyBatis
 * wraps the driver's exception in a {@code ProcessEngineException}) or in the sign-in's user look-up.
 * Such a request is answered 503 with {@code Retry-After}, never 500 or 401.
 */
public final class DatabaseFailures {

    private static final String HIKARI_CLOSED = "Connection is closed";
    /** The driver's answer to a statement or connection that a lost link closed earlier in the transaction. */
    private static final String DRIVER_CLOSED = "No operations allowed after";

    private DatabaseFailures() {
    }

    /**
     * Whether the failure is two requests contending for the same rows: a deadlock victim, a lock
     * wait timeout or a serialization failure (SQLSTATE 40001, MySQL 1213 and 1205, or Spring's
     * translation of them), wherever it surfaced. Nothing was written (the transaction is rolled
     * back), so the request is answered as a concurrent change, 409, and may be sent again.
     */
    public static boolean contended(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof PessimisticLockingFailureException || t instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == 1213
                    || sql.getErrorCode() == 1205)) {
                return true;
            }
        }
        return false;
    }

    public static boolean unreachable(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof org.springframework.dao.RecoverableDataAccessException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")
                    || t.getClass().getName().startsWith("com.mysql.cj.exceptions.CJCommunications")) {
                return true;
            }
            // a batch flushed at commit on a statement that the lost connection closed: "No operations
            // allowed after statement closed." (the driver's StatementIsClosedException, no SQLSTATE 08)
            if (t.getMessage() != null && t.getMessage().startsWith(DRIVER_CLOSED)) {
                return true;
            }
            if (t instanceof SQLException sql) {
                // SQLSTATE class 08: connection exception (the driver's CommunicationsException among them)
                if (sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                    return true;
                }
                // the pool's answer, without a SQLSTATE, when a rollback finds the connection already
                // closed after the server went away (Spring then reports the rollback, not the first failure)
                if (HIKARI_CLOSED.equals(sql.getMessage())) {
                    return true;
                }
            }
        }
        return false;
    }
}
