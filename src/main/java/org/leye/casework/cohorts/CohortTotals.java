package org.leye.casework.cohorts;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Index: ux_cohort_totals_year_university (db/V26) for both. */
interface CohortTotals extends JpaRepository<CohortTotal, Long> {

    @Query("select t from CohortTotal t where t.graduationYear = ?1 order by t.universityCode")
    List<CohortTotal> findByYear(int graduationYear);

    @Query("select t from CohortTotal t where t.graduationYear = ?1 and t.universityCode = ?2")
    Optional<CohortTotal> find(int graduationYear, String universityCode);
}
