package org.leye.casework.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

import org.leye.casework.shared.jpa.BaseEntity;

/** A person who signs in: to the application, and through the identity provider to the engine. */
@Entity
@Table(name = "app_user")
class AppUser extends BaseEntity {

    @Column(name = "username", nullable = false, length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Column(name = "display_name", nullable = false, length = 64)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    private Role role;

    @Column(name = "district_code", length = 6)
    private String districtCode;

    @Column(name = "university_code", length = 16)
    private String universityCode;

    @Column(name = "email", length = 128)
    private String email;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    /** Signed in with a password someone else chose: nothing but choosing their own until they have. */
    @Column(nullable = false)
    private boolean passwordChangeRequired;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AppUser() {
        // for JPA
    }

    private AppUser(String username, String passwordHash, String displayName, Role role,
                    String districtCode, String universityCode, String email, Instant createdAt) {
        this.username = Objects.requireNonNull(username, "username");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.role = Objects.requireNonNull(role, "role");
        this.districtCode = districtCode;
        this.universityCode = universityCode;
        this.email = email;
        this.enabled = true;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * A new, enabled user. The scope must fit the role: a caseworker has a district, a counselor a
     * university, a supervisor a district or none (the whole city), an administrator neither.
     */
    static AppUser create(String username, String passwordHash, String displayName, Role role,
                          String districtCode, String universityCode, String email, Instant createdAt) {
        requireScopeFits(role, districtCode, universityCode);
        return new AppUser(username, passwordHash, displayName, role, districtCode, universityCode, email, createdAt);
    }

    /**
     * A new, enabled user whose password someone else chose (an administrator, a supervisor, a
     * counselor, the first administrator's start-up): they choose their own at their first sign-in.
     */
    static AppUser createWithPasswordToChange(String username, String passwordHash, String displayName, Role role,
            String districtCode, String universityCode, String email, Instant createdAt) {
        AppUser user = create(username, passwordHash, displayName, role, districtCode, universityCode, email,
                createdAt);
        user.passwordChangeRequired = true;
        return user;
    }

    /** Whether a user of this role may have this scope (see {@link #create}). */
    static boolean scopeFits(Role role, String districtCode, String universityCode) {
        return switch (role) {
            case CASEWORKER, DPF_OFFICER -> districtCode != null && universityCode == null;
            case COUNSELOR, HELPER -> universityCode != null && districtCode == null;
            case SUPERVISOR -> universityCode == null;
            case ADMIN -> districtCode == null && universityCode == null;
        };
    }

    private static void requireScopeFits(Role role, String districtCode, String universityCode) {
        if (!scopeFits(role, districtCode, universityCode)) {
            throw new IllegalArgumentException("scope does not fit role " + role + ": district "
                    + districtCode + ", university " + universityCode);
        }
    }

    /** The user may no longer sign in ({@link UserAccounts} ends their sessions). */
    void disable() {
        this.enabled = false;
    }

    /** The user may sign in again. */
    void enable() {
        this.enabled = true;
    }

    /**
     * Another role or scope; the scope must fit the role as for {@link #create}.
     *
     * @return whether anything changed
     */
    boolean changeRole(Role newRole, String newDistrictCode, String newUniversityCode) {
        Objects.requireNonNull(newRole, "role");
        requireScopeFits(newRole, newDistrictCode, newUniversityCode);
        if (role == newRole && Objects.equals(districtCode, newDistrictCode)
                && Objects.equals(universityCode, newUniversityCode)) {
            return false;
        }
        this.role = newRole;
        this.districtCode = newDistrictCode;
        this.universityCode = newUniversityCode;
        return true;
    }

    /** The user's own new password: they no longer have to choose one. */
    void changePassword(String newPasswordHash) {
        this.passwordHash = Objects.requireNonNull(newPasswordHash, "passwordHash");
        this.passwordChangeRequired = false;
    }

    /** A password someone who manages the account chose: the user chooses their own at the next sign-in. */
    void resetPassword(String newPasswordHash) {
        this.passwordHash = Objects.requireNonNull(newPasswordHash, "passwordHash");
        this.passwordChangeRequired = true;
    }

    /**
     * Another name to show or e-mail address (null: none).
     *
     * @return whether anything changed
     */
    boolean rename(String newDisplayName, String newEmail) {
        Objects.requireNonNull(newDisplayName, "displayName");
        if (displayName.equals(newDisplayName) && Objects.equals(email, newEmail)) {
            return false;
        }
        this.displayName = newDisplayName;
        this.email = newEmail;
        return true;
    }

    CurrentUser toCurrentUser() {
        return new CurrentUser(username, displayName, role, districtCode, universityCode);
    }

    // the getters of the view's members are public for the mapper (UserAccountMapper); the class is not

    public String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public String getDistrictCode() {
        return districtCode;
    }

    public String getUniversityCode() {
        return universityCode;
    }

    public String getEmail() {
        return email;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
