package org.leye.casework.duplicates;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface DuplicateCandidates extends JpaRepository<DuplicateCandidate, Long> {

    boolean existsByGraduateIdAndOtherGraduateId(Long graduateId, Long otherGraduateId);

    /** The pairs that a graduate is in (ux_duplicate_pair for the first, a scan of few rows otherwise). */
    java.util.List<DuplicateCandidate> findByGraduateIdOrOtherGraduateIdOrderById(Long graduateId, Long otherGraduateId);

    Page<DuplicateCandidate> findByStatus(DuplicateCandidate.Status status, Pageable page);

    /** A district supervisor's pairs: both graduates in the district (ix_duplicate_status_district). */
    Page<DuplicateCandidate> findByStatusAndDistrictCodeAndOtherDistrict(DuplicateCandidate.Status status,
            String district, String otherDistrict, Pageable page);
}
