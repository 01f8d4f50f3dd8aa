package org.leye.casework.graduates;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/** The graduate registry. */
public interface Graduates extends JpaRepository<Graduate, Long>, JpaSpecificationExecutor<Graduate> {

    Optional<Graduate> findByIdNumberHash(String idNumberHash);

    @Query("select g.id from Graduate g where g.idNumberHash = ?1")
    Optional<Long> findIdByIdNumberHash(String idNumberHash);
}
