package org.leye.casework.assistance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The one-to-one assistances. */
interface Assistances extends JpaRepository<Assistance, Long>, JpaSpecificationExecutor<Assistance> {

    // JPQL, not a derived query: Hibernate 6.6 translates a criteria query (what Spring Data derives
    // from a method name) again on every call, a JPQL string once (docs/tuning.md)
    @Query("select a from Assistance a where a.graduateId = ?1")
    Optional<Assistance> findByGraduateId(Long graduateId);

    /** Per status: students, and those without a helper (null filters mean no condition). */
    @Query("""
            select a.status, count(a), sum(case when a.helper is null then 1 else 0 end) from Assistance a
            where (:university is null or a.universityCode = :university)
              and (:district is null or a.districtCode = :district)
              and (:helper is null or a.helper = :helper)
            group by a.status""")
    List<Object[]> countByStatus(@Param("university") String university, @Param("district") String district,
            @Param("helper") String helper);

    /** The assistances ended by a placement, per destination code (null filters mean no condition). */
    @Query("""
            select a.placedDestinationCode, count(a) from Assistance a
            where a.status = org.leye.casework.assistance.AssistanceStatus.PLACED
              and (:university is null or a.universityCode = :university)
              and (:district is null or a.districtCode = :district)
              and (:helper is null or a.helper = :helper)
            group by a.placedDestinationCode""")
    List<Object[]> countPlacedByDestination(@Param("university") String university, @Param("district") String district,
            @Param("helper") String helper);

    /** Open follow-up tasks past their due date, of the assistances matching the filters. */
    @Query("""
            select count(t) from CaseTaskRow t, Assistance a
            where t.graduateId = a.graduateId and t.type = org.leye.casework.tasks.TaskType.ASSISTANCE_FOLLOW_UP
              and t.dueAt < :now
              and (:university is null or a.universityCode = :university)
              and (:district is null or a.districtCode = :district)
              and (:helper is null or a.helper = :helper)""")
    long countOverdueFollowUps(@Param("now") Instant now, @Param("university") String university,
            @Param("district") String district, @Param("helper") String helper);
}
