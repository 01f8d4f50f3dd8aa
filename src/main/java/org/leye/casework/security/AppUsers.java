package org.leye.casework.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AppUsers extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    /** The enabled users of a university in the given roles (the helpers a counselor may name). */
    List<AppUser> findByUniversityCodeAndRoleInAndEnabledTrueOrderByUsername(String universityCode,
            Collection<Role> roles);

    /** The enabled users of a district in the given roles (the helpers the bureau may name). */
    List<AppUser> findByDistrictCodeAndRoleInAndEnabledTrueOrderByUsername(String districtCode,
            Collection<Role> roles);
}
