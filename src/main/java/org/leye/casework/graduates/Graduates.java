package org.leye.casework.graduates;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/** The graduate registry. */
interface Graduates extends JpaRepository<Graduate, Long>, JpaSpecificationExecutor<Graduate> {

    /** The graduates merged into this one. */
    @Query("select g.id from Graduate g where g.mergedInto = ?1")
    List<Long> findIdsMergedInto(Long keptId);

    @Query("select g.id from Graduate g where g.idNumberHash = ?1")
    Optional<Long> findIdByIdNumberHash(String idNumberHash);

    /** Pairs of (idNumberHash, id) for the hashes already registered: one query for a batch. */
    @Query("select g.idNumberHash, g.id from Graduate g where g.idNumberHash in ?1")
    List<Object[]> findIdsByIdNumberHashIn(Collection<String> idNumberHashes);
}
