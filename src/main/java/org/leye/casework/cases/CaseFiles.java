package org.leye.casework.cases;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The 131 cases. */
public interface CaseFiles extends JpaRepository<CaseFile, Long> {

    Optional<CaseFile> findByGraduateId(Long graduateId);

    Optional<CaseFile> findByCaseNumber(String caseNumber);
}
