package org.leye.casework.duplicates;

import org.springframework.data.jpa.repository.JpaRepository;

interface GraduateMerges extends JpaRepository<GraduateMerge, Long> {
}
