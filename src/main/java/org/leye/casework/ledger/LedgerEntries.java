package org.leye.casework.ledger;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Append-only access to the ledger: no update, no delete. */
interface LedgerEntries extends Repository<LedgerEntry, Long> {

    LedgerEntry save(LedgerEntry entry);

    LedgerEntry saveAndFlush(LedgerEntry entry);

    // JPQL, not a derived query: Hibernate 6.6 translates a criteria query (what Spring Data derives
    // from a method name) again on every call, a JPQL string once (docs/tuning.md)
    @Query("select e from LedgerEntry e where e.graduateId = ?1 order by e.at, e.id")
    List<LedgerEntry> findByGraduateIdOrderByAtAscIdAsc(Long graduateId);

    @Query("select e from LedgerEntry e where e.graduateId in ?1 order by e.at, e.id")
    List<LedgerEntry> findByGraduateIdInOrderByAtAscIdAsc(Collection<Long> graduateIds);

    Optional<LedgerEntry> findFirstByTaskId(String taskId);
}
