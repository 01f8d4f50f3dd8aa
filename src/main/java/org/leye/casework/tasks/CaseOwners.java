package org.leye.casework.tasks;

import java.util.Optional;

import org.leye.casework.security.CurrentUser;

/**
 * The cases' responsible caseworkers (一对一) as the task list needs them: whom a new task of a case
 * goes to, and who takes a case by taking its work. The capability that holds the cases implements
 * it (it builds on tasks, which cannot ask it).
 */
public interface CaseOwners {

    /**
     * The case's owner, who gets its new caseworker tasks; empty while it has none. Read inside the
     * engine's transaction as each task of a case is created: one read by the primary key.
     */
    Optional<String> ownerOf(long caseId);

    /**
     * A user took a task: claimed it, or completed a task they had claimed. A caseworker of the task's
     * district who takes the caseworkers' work on a case without an owner becomes its owner.
     */
    void taken(CaseTask task, CurrentUser by);
}
