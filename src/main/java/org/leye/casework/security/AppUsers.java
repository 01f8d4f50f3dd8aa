package org.leye.casework.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AppUsers extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    /** Whether an enabled user of the role exists (the first administrator is made only when none does). */
    boolean existsByRoleAndEnabledTrue(Role role);

    /**
     * The users of these roles, of the district and of the university when given (null: any), whose
     * user name or display name contains the pattern when given (a LIKE pattern, lower case): the list
     * of {@code GET /api/users} and the users page, scoped by {@link UserManagers}. Served by
     * {@code ux_app_user_username} (everyone, by name), {@code ix_app_user_role_district} and
     * {@code ix_app_user_role_university} (a supervisor's district, a counselor's university).
     */
    @Query("""
            select u from AppUser u
            where u.role in :roles
              and (:district is null or u.districtCode = :district)
              and (:university is null or u.universityCode = :university)
              and (:pattern is null or lower(u.username) like :pattern escape '\\'
                   or lower(u.displayName) like :pattern escape '\\')""")
    Page<AppUser> search(Collection<Role> roles, String district, String university, String pattern, Pageable page);

    /** The enabled users of a university in the given roles (the helpers a counselor may name). */
    List<AppUser> findByUniversityCodeAndRoleInAndEnabledTrueOrderByUsername(String universityCode,
            Collection<Role> roles);

    /** The enabled users of a district in the given roles (the helpers the bureau may name). */
    List<AppUser> findByDistrictCodeAndRoleInAndEnabledTrueOrderByUsername(String districtCode,
            Collection<Role> roles);
}
