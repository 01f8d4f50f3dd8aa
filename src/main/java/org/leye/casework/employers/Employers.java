package org.leye.casework.employers;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Employers extends JpaRepository<Employer, Long> {

    // JPQL, not a derived query: Hibernate 6.6 translates a criteria query (what Spring Data derives
    // from a method name) again on every call, a JPQL string once (docs/tuning.md)
    @Query("select e from Employer e where e.name = ?1")
    Optional<Employer> findByName(String name);

    Optional<Employer> findByCreditCode(String creditCode);

    @Query("select e from Employer e where (:q is null or e.name like :q escape '\\' or e.creditCode = :code)")
    Page<Employer> search(String q, String code, Pageable page);
}
