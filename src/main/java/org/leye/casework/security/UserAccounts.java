package org.leye.casework.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.leye.casework.audit.AuditLog;
import org.leye.casework.shared.jpa.LikePatterns;
import org.leye.casework.shared.problem.BusinessRuleException;
import org.leye.casework.shared.problem.ConflictException;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The users' accounts: listed, created and changed by those who manage them ({@link UserManagers}),
 * and each user's own password. Every creation and change is written to the audit log, and whatever
 * takes rights away ends every session of the user at once, on every node (the sessions are in the
 * database, db/V17): the user's next request, wherever it arrives, is no longer signed in, and their
 * next sign-in has the new role. HTTP Basic callers load the user afresh with every request and are
 * refused or scoped anew at once; the passwords remembered by {@link RememberingPasswordEncoder} do
 * not matter, since an account's being disabled is checked before its password.
 *
 * <p>The sessions are ended after the change has been committed: ended earlier, a sign-in in between
 * would still read the old row and begin a session with the old rights.
 *
 * <p>A caller who manages no account is refused first ({@link AccessDeniedException}, 403); then
 * bad fields, naming the field (400); an account the caller does not manage is not found (404), as
 * a record outside their scope; a role or scope that they may not grant is refused (403).
 */
@Service
public class UserAccounts {

    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);

    private final AppUsers users;
    private final IdentityDirectory directory;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final PasswordEncoder passwords;
    private final UserAccountMapper views;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    UserAccounts(AppUsers users, IdentityDirectory directory,
            FindByIndexNameSessionRepository<? extends Session> sessions, AuditLog audit,
            PlatformTransactionManager transactions, PasswordEncoder passwords, UserAccountMapper views, Clock clock,
            ApplicationEventPublisher events) {
        this.users = users;
        this.directory = directory;
        this.sessions = sessions;
        this.audit = audit;
        this.passwords = passwords;
        this.views = views;
        this.clock = clock;
        this.events = events;
        // committed before the sessions are ended, also when called within another transaction
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Whether the caller manages any account (the users pages and the navigation ask). */
    public boolean managesAccounts(CurrentUser by) {
        return by != null && UserManagers.managesAccounts(by);
    }

    /** The roles the caller may give an account (for the users form's choice). */
    public Set<Role> rolesGranted(CurrentUser by) {
        return UserManagers.rolesManaged(by);
    }

    /**
     * The accounts the caller manages, by user name: everyone for an administrator, the caseworkers
     * and federation officers of a district supervisor's district, the helpers of a counselor's
     * university.
     *
     * @param q    part of the user name or display name (any case), or null
     * @param role one role only, or null
     */
    public Page<UserAccountView> list(String q, Role role, CurrentUser by, Pageable page) {
        requireManager(by);
        Set<Role> roles = UserManagers.rolesManaged(by);
        if (role != null) {
            roles.retainAll(Set.of(role));
        }
        if (roles.isEmpty()) {
            return Page.empty(page);
        }
        String pattern = q == null || q.isBlank() ? null
                : LikePatterns.containing(q.strip().toLowerCase(java.util.Locale.ROOT));
        return transaction.execute(status -> users.search(roles, UserManagers.districtOf(by),
                UserManagers.universityOf(by), pattern, page).map(views::toView));
    }

    /** An account the caller manages; any other is not found. */
    public UserAccountView get(String username, CurrentUser by) {
        requireManager(by);
        return transaction.execute(status -> views.toView(managed(username, by)));
    }

    /**
     * A new, enabled account whose user changes the password at their first sign-in.
     *
     * @throws InvalidFieldException naming the field: a scope that does not fit the role, an unknown
     *                               district or university, a password the policy refuses
     * @throws AccessDeniedException when the caller may not grant this role and scope
     * @throws ConflictException     when the user name is taken
     */
    public UserAccountView create(NewUserAccount command, CurrentUser by) {
        requireManager(by);
        String district = blankToNull(command.district());
        String university = blankToNull(command.university());
        checkScope(command.role(), district, university);
        PasswordPolicy.check("password", command.password(), command.username());
        requireGrant(by, command.role(), district, university);
        return transaction.execute(status -> {
            if (users.existsByUsername(command.username())) {
                throw new ConflictException("problem.duplicateUser", Map.of(), command.username());
            }
            AppUser user = users.saveAndFlush(AppUser.createWithPasswordToChange(command.username(),
                    passwords.encode(command.password()), command.displayName().strip(), command.role(), district,
                    university, blankToNull(command.email()), Instant.now(clock)));
            audit.record(by.username(), AuditLog.USER_CREATED, null,
                    "created user " + user.getUsername() + ": " + scope(command.role(), district, university));
            return views.toView(user);
        });
    }

    /**
     * Changes what the command gives of an account the caller manages (see {@link UserAccountChange}),
     * each change audited; disabling it or another role or scope ends every session of the user.
     *
     * @throws NotFoundException     for an account the caller does not manage
     * @throws AccessDeniedException for a role or scope the caller may not grant
     * @throws BusinessRuleException for the caller's own account
     */
    public UserAccountView update(String username, UserAccountChange change, CurrentUser by) {
        return apply(username, change, by).view();
    }

    /**
     * The user may no longer sign in; every session of theirs ends now (also when the account was
     * disabled already, so that a repeated call mops up).
     *
     * @return the number of sessions ended
     */
    public int disable(String username, CurrentUser by) {
        return apply(username, new UserAccountChange(false, null, null, null, null, null), by).sessionsEnded();
    }

    /** The user may sign in again; they have no session to end. */
    public void enable(String username, CurrentUser by) {
        apply(username, new UserAccountChange(true, null, null, null, null, null), by);
    }

    /**
     * Another role and scope for the user: a caseworker has a district, a counselor or helper a
     * university, a supervisor a district or none (the whole city), an administrator neither. Ends
     * every session of the user at once when anything changed.
     *
     * @return the number of sessions ended
     * @throws InvalidFieldException when the scope does not fit the role, or names an unknown district or university
     * @throws NotFoundException     for an unknown user
     */
    public int changeRole(String username, Role role, String districtCode, String universityCode, CurrentUser by) {
        Objects.requireNonNull(role, "role");
        return apply(username, new UserAccountChange(null, role, districtCode, universityCode, null, null), by)
                .sessionsEnded();
    }

    /**
     * The signed-in user's own new password, in place of the current one (which they give again);
     * they no longer have to change it. Audited; every session of theirs ends, this one included:
     * they sign in again with the new password.
     *
     * @throws InvalidFieldException on {@code currentPassword} when it is wrong, on {@code newPassword}
     *                               when the policy refuses it or it is the current one
     */
    public void changeOwnPassword(CurrentUser me, String currentPassword, String newPassword) {
        PasswordPolicy.check("newPassword", newPassword, me.username());
        transaction.executeWithoutResult(status -> {
            AppUser user = users.findByUsername(me.username())
                    .orElseThrow(() -> new NotFoundException("user", me.username()));
            if (currentPassword == null || !passwords.matches(currentPassword, user.getPasswordHash())) {
                throw new InvalidFieldException("currentPassword", "leye.validation.password.wrong");
            }
            if (passwords.matches(newPassword, user.getPasswordHash())) {
                throw new InvalidFieldException("newPassword", "leye.validation.password.unchanged");
            }
            user.changePassword(passwords.encode(newPassword));
            audit.record(me.username(), AuditLog.USER_CHANGED, null,
                    "password of user " + user.getUsername() + " changed by the user");
        });
        endSessions(me.username());
    }

    /**
     * A password chosen for the user by someone who manages their account (a forgotten password, a
     * user who never signed in): the user changes it at their next sign-in, as after the account's
     * creation. Audited; every session of the user ends. Not for one's own account, which has
     * {@link #changeOwnPassword}.
     *
     * @return the number of sessions ended
     * @throws InvalidFieldException on {@code password} when the policy refuses it
     * @throws NotFoundException     for an account the caller does not manage
     * @throws BusinessRuleException for the caller's own account
     */
    public int resetPassword(String username, String password, CurrentUser by) {
        requireManager(by);
        String reset = transaction.execute(status -> {
            AppUser account = managed(username, by);
            if (account.getUsername().equalsIgnoreCase(by.username())) {
                throw new BusinessRuleException("problem.ownAccount", Map.of());
            }
            // after the scope: an account the caller does not manage is not found, whatever the password
            PasswordPolicy.check("password", password, account.getUsername());
            account.resetPassword(passwords.encode(password));
            audit.record(by.username(), AuditLog.USER_CHANGED, null,
                    "password of user " + account.getUsername() + " reset, to be changed at the next sign-in");
            return account.getUsername();
        });
        return endSessions(reset);
    }

    /** The account as changed, and the sessions ended. */
    private record Applied(UserAccountView view, int sessionsEnded) {
    }

    private Applied apply(String username, UserAccountChange change, CurrentUser by) {
        requireManager(by);
        if (change.displayName() != null && change.displayName().isBlank()) {
            throw new InvalidFieldException("displayName", "validation.required");
        }
        record Outcome(UserAccountView view, boolean endSessions) {
        }
        Outcome outcome = transaction.execute(status -> {
            AppUser account = managed(username, by);
            if (account.getUsername().equalsIgnoreCase(by.username())) {
                // nobody locks themselves (or the last administrator) out; another administrator may
                throw new BusinessRuleException("problem.ownAccount", Map.of());
            }
            boolean endSessions = false;
            if (change.role() != null || change.district() != null || change.university() != null) {
                endSessions = rescope(account, change, by);
            }
            if (change.displayName() != null || change.email() != null) {
                rename(account, change, by);
            }
            if (Boolean.FALSE.equals(change.enabled())) {
                if (account.isEnabled()) {
                    account.disable();
                    audit.record(by.username(), AuditLog.USER_CHANGED, null, "disabled user " + account.getUsername());
                }
                endSessions = true;
            } else if (Boolean.TRUE.equals(change.enabled()) && !account.isEnabled()) {
                account.enable();
                audit.record(by.username(), AuditLog.USER_CHANGED, null, "enabled user " + account.getUsername());
            }
            if (endSessions) {
                // in the same transaction: the cases a disabled or moved caseworker answered for lose them
                events.publishEvent(new UserAccountChanged(account.getUsername(), account.isEnabled(),
                        account.getRole(), account.getDistrictCode(), by.username()));
            }
            return new Outcome(views.toView(account), endSessions);
        });
        return new Applied(outcome.view(), outcome.endSessions() ? endSessions(outcome.view().username()) : 0);
    }

    /** Another role or scope when the change gives one; whether it changed anything. */
    private boolean rescope(AppUser account, UserAccountChange change, CurrentUser by) {
        Role role = change.role() != null ? change.role() : account.getRole();
        String district = change.role() != null || change.district() != null ? blankToNull(change.district())
                : account.getDistrictCode();
        String university = change.role() != null || change.university() != null ? blankToNull(change.university())
                : account.getUniversityCode();
        checkScope(role, district, university);
        requireGrant(by, role, district, university);
        String before = scope(account.getRole(), account.getDistrictCode(), account.getUniversityCode());
        if (!account.changeRole(role, district, university)) {
            return false;
        }
        audit.record(by.username(), AuditLog.USER_CHANGED, null,
                "role of user " + account.getUsername() + ": " + before + " -> " + scope(role, district, university));
        return true;
    }

    /** Another display name or e-mail address when the change gives one (neither is written to the audit log). */
    private void rename(AppUser account, UserAccountChange change, CurrentUser by) {
        String displayName = change.displayName() != null ? change.displayName().strip() : account.getDisplayName();
        String email = change.email() != null ? blankToNull(change.email()) : account.getEmail();
        boolean newName = !displayName.equals(account.getDisplayName());
        boolean newEmail = !Objects.equals(email, account.getEmail());
        if (account.rename(displayName, email)) {
            audit.record(by.username(), AuditLog.USER_CHANGED, null, (newName && newEmail ? "display name and e-mail"
                    : newName ? "display name" : "e-mail") + " of user " + account.getUsername() + " changed");
        }
    }

    private static void requireManager(CurrentUser by) {
        if (by == null || !UserManagers.managesAccounts(by)) {
            throw new AccessDeniedException("the caller's role manages no user accounts");
        }
    }

    private static void requireGrant(CurrentUser by, Role role, String district, String university) {
        requireManager(by);
        if (!UserManagers.manages(by, role, district, university)) {
            throw new AccessDeniedException("the caller may not grant this role and scope");
        }
    }

    /** An account the caller manages, or not found: an account outside their scope is as if it did not exist. */
    private AppUser managed(String username, CurrentUser by) {
        return users.findByUsername(username)
                .filter(u -> UserManagers.manages(by, u.getRole(), u.getDistrictCode(), u.getUniversityCode()))
                .orElseThrow(() -> new NotFoundException("user", username));
    }

    /** A scope that fits the role and names a known district or university; refused naming the field that does not. */
    private void checkScope(Role role, String district, String university) {
        if (!AppUser.scopeFits(role, district, university)) {
            boolean wantsDistrict = role == Role.CASEWORKER || role == Role.DPF_OFFICER;
            boolean wantsUniversity = role == Role.COUNSELOR || role == Role.HELPER;
            String field = wantsDistrict ? (district == null ? "district" : "university")
                    : wantsUniversity ? (university == null ? "university" : "district")
                    : university != null ? "university" : "district";
            throw new InvalidFieldException(field, "problem.roleScope", role.name());
        }
        if (district != null && !directory.districts().containsKey(district)) {
            throw new InvalidFieldException("district", "validation.unknownDistrict");
        }
        if (university != null && !directory.universities().containsKey(university)) {
            throw new InvalidFieldException("university", "leye.validation.unknownUniversity", university);
        }
    }

    /** Ends every session of the user, on every node: their next request is not signed in. */
    private int endSessions(String username) {
        var ended = sessions.findByPrincipalName(username).keySet();
        ended.forEach(sessions::deleteById);
        if (!ended.isEmpty()) {
            // the user name is not logged at INFO and above: the audit log names them
            log.info("Ended {} session(s) of a user whose account was changed", ended.size());
        }
        return ended.size();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String scope(Role role, String districtCode, String universityCode) {
        return role + (districtCode != null ? " " + districtCode : "")
                + (universityCode != null ? " " + universityCode : "")
                + (role == Role.SUPERVISOR && districtCode == null ? " (city)" : "");
    }
}
