package org.leye.casework.cases;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The 131 cases. */
public interface CaseFiles extends JpaRepository<CaseFile, Long> {

    // JPQL, not a derived query: Hibernate 6.6 translates a criteria query (what Spring Data derives
    // from a method name) again on every call, a JPQL string once (docs/tuning.md)
    @Query("select c from CaseFile c where c.graduateId = ?1")
    Optional<CaseFile> findByGraduateId(Long graduateId);

    @Query("select c from CaseFile c where c.caseNumber = ?1")
    Optional<CaseFile> findByCaseNumber(String caseNumber);

    /** The cases of one owner, of a district or (null) all (ix_case_file_owner). */
    @Query("select c from CaseFile c where c.owner = ?1 and (?2 is null or c.districtCode = ?2)")
    List<CaseFile> ownedBy(String owner, String districtCode);

    /** Open cases per owner of a district or (null) all, for the caseload (ix_case_file_district_owner). */
    @Query("select c.districtCode, c.owner, count(c) from CaseFile c where c.owner is not null"
            + " and c.status <> org.leye.casework.cases.CaseStatus.CLOSED and (?1 is null or c.districtCode = ?1)"
            + " group by c.districtCode, c.owner")
    List<Object[]> ownedCases(String districtCode);

    /** Open (not closed) cases per district, for the caseload view (ix_case_file_district_status). */
    @Query("select c.districtCode, count(c) from CaseFile c where c.status <> org.leye.casework.cases.CaseStatus.CLOSED"
            + " and (?1 is null or c.districtCode = ?1) group by c.districtCode")
    List<Object[]> openCasesByDistrict(String districtCode);
}
