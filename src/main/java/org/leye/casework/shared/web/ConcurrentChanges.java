package org.leye.casework.shared.web;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.leye.casework.shared.ProcessAdapter;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Whether a failure is another request's change getting there first, wherever it surfaced: the
 * engine's optimistic lock or a claim taken meanwhile, JPA's version check, or two transactions
 * contending for the same rows (a deadlock victim, a lock wait given up; {@link DatabaseFailures#contended})
 * inside Spring's, Hibernate's or the engine's wrapping. Nothing was written, so the API and the
 * pages answer it alike: 409 with the concurrent-change message, to be sent again.
 */
@ProcessAdapter
public final class ConcurrentChanges {

    private ConcurrentChanges() {
    }

    public static boolean concurrent(Throwable failure) {
        return failure instanceof OptimisticLockingException || failure instanceof TaskAlreadyClaimedException
                || failure instanceof ConcurrencyFailureException || DatabaseFailures.contended(failure);
    }
}
