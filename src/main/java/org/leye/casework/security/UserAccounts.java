package org.leye.casework.security;

import java.util.Map;
import java.util.Objects;

import org.leye.casework.audit.AuditLog;
import org.leye.casework.shared.problem.BusinessRuleException;
import org.leye.casework.shared.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An administrator's changes to a user's account: disabling and enabling it, another role or scope.
 * Each change is written to the audit log and published ({@link UserAccountChanged}) in its transaction, and whatever takes rights away ends every session of the
 * user at once, on every node (the sessions are in the database, db/V17): the user's next request,
 * wherever it arrives, is no longer signed in, and their next sign-in has the new role. HTTP Basic
 * callers load the user afresh with every request and are refused or scoped anew at once; the
 * passwords remembered by {@link RememberingPasswordEncoder} do not matter, since an account's being
 * disabled is checked before its password.
 *
 * <p>The sessions are ended after the change has been committed: ended earlier, a sign-in in between
 * would still read the old row and begin a session with the old rights.
 */
@Service
public class UserAccounts {

    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);

    private final AppUsers users;
    private final IdentityDirectory directory;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    UserAccounts(AppUsers users, IdentityDirectory directory,
            FindByIndexNameSessionRepository<? extends Session> sessions, AuditLog audit,
            PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.events = events;
        this.users = users;
        this.directory = directory;
        this.sessions = sessions;
        this.audit = audit;
        // committed before the sessions are ended, also when called within another transaction
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The user may no longer sign in; every session of theirs ends now (also when the account was
     * disabled already, so that a repeated call mops up).
     *
     * @return the number of sessions ended
     */
    public int disable(String username, CurrentUser by) {
        Changed disabled = change(username, by, account -> {
            boolean wasEnabled = account.isEnabled();
            account.disable();
            return wasEnabled ? "disabled user " + account.getUsername() : null;
        });
        return endSessions(disabled.username());
    }

    /** The user may sign in again; they have no session to end. */
    public void enable(String username, CurrentUser by) {
        change(username, by, account -> {
            boolean wasEnabled = account.isEnabled();
            account.enable();
            return wasEnabled ? null : "enabled user " + account.getUsername();
        });
    }

    /**
     * Another role and scope for the user: a caseworker has a district, a counselor or helper a
     * university, a supervisor a district or none (the whole city), an administrator neither. Ends
     * every session of the user at once when anything changed.
     *
     * @return the number of sessions ended
     * @throws BusinessRuleException when the scope does not fit the role
     * @throws NotFoundException     for an unknown user, district or university
     */
    public int changeRole(String username, Role role, String districtCode, String universityCode, CurrentUser by) {
        Objects.requireNonNull(role, "role");
        if (!AppUser.scopeFits(role, districtCode, universityCode)) {
            throw new BusinessRuleException("problem.roleScope", Map.of(), role.name());
        }
        if (districtCode != null && !directory.districts().containsKey(districtCode)) {
            throw new NotFoundException("district", districtCode);
        }
        if (universityCode != null && !directory.universities().containsKey(universityCode)) {
            throw new NotFoundException("university", universityCode);
        }
        Changed changed = change(username, by, account -> {
            String before = scope(account.getRole(), account.getDistrictCode(), account.getUniversityCode());
            return account.changeRole(role, districtCode, universityCode)
                    ? "role of user " + account.getUsername() + ": " + before + " -> "
                            + scope(role, districtCode, universityCode)
                    : null;
        });
        return changed.anything() ? endSessions(changed.username()) : 0;
    }

    private interface Change {

        /** Changes the account; what to write to the audit log, or null when nothing changed. */
        String apply(AppUser account);
    }

    /** The user's name as stored, and whether the change changed anything. */
    private record Changed(String username, boolean anything) {
    }

    /** Applies the change in a transaction of its own, audited when it changed anything (committed on return). */
    private Changed change(String username, CurrentUser by, Change change) {
        if (by == null || !by.isAdmin()) {
            throw new AccessDeniedException("only an administrator manages user accounts");
        }
        return transaction.execute(status -> {
            AppUser account = users.findByUsername(username).orElseThrow(() -> new NotFoundException("user", username));
            if (account.getUsername().equalsIgnoreCase(by.username())) {
                // nobody locks themselves (or the last administrator) out; another administrator may
                throw new BusinessRuleException("problem.ownAccount", Map.of());
            }
            String detail = change.apply(account);
            if (detail != null) {
                audit.record(by.username(), AuditLog.USER_CHANGED, null, detail);
                // in the same transaction: the cases a disabled or moved caseworker answered for lose them
                events.publishEvent(new UserAccountChanged(account.getUsername(), account.isEnabled(),
                        account.getRole(), account.getDistrictCode(), by.username()));
            }
            return new Changed(account.getUsername(), detail != null);
        });
    }

    /** Ends every session of the user, on every node: their next request is not signed in. */
    private int endSessions(String username) {
        var ended = sessions.findByPrincipalName(username).keySet();
        ended.forEach(sessions::deleteById);
        if (!ended.isEmpty()) {
            // the user name is not logged at INFO and above: the audit log names them
            log.info("Ended {} session(s) of a user whose account an administrator changed", ended.size());
        }
        return ended.size();
    }

    private static String scope(Role role, String districtCode, String universityCode) {
        return role + (districtCode != null ? " " + districtCode : "")
                + (universityCode != null ? " " + universityCode : "")
                + (role == Role.SUPERVISOR && districtCode == null ? " (city)" : "");
    }
}
