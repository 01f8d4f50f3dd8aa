package org.leye.casework.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A person who signs in: to the application, and through the identity provider to the engine. */
@Entity
@Table(name = "app_user")
class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

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

    CurrentUser toCurrentUser() {
        return new CurrentUser(username, displayName, role, districtCode, universityCode);
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    String getDisplayName() {
        return displayName;
    }

    Role getRole() {
        return role;
    }

    String getDistrictCode() {
        return districtCode;
    }

    String getUniversityCode() {
        return universityCode;
    }

    String getEmail() {
        return email;
    }

    boolean isEnabled() {
        return enabled;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
