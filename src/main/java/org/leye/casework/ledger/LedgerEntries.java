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

    /** Writes the pending changes of this transaction's entities (a case's), before SQL reads them. */
    void flush();

    // JPQL, not a derived query: Hibernate 6.6 translates a criteria query (what Spring Data derives
    // from a method name) again on every call, a JPQL string once (docs/tuning.md)
    @Query("select e from LedgerEntry e where e.graduateId = ?1 order by e.at, e.id")
    List<LedgerEntry> findByGraduateIdOrderByAtAscIdAsc(Long graduateId);

    @Query("select e from LedgerEntry e where e.graduateId in ?1 order by e.at, e.id")
    List<LedgerEntry> findByGraduateIdInOrderByAtAscIdAsc(Collection<Long> graduateIds);

    Optional<LedgerEntry> findFirstByTaskId(String taskId);

    /** See {@link Ledger#graduatesWithEmployer}: two index look-ups, db/V36. */
    @Query(value = """
            SELECT COALESCE(g.merged_into, g.id) FROM ledger_entry l JOIN graduate g ON g.id = l.graduate_id
             WHERE l.employer_id = ?1 AND l.type IN ('REFERRAL', 'DESTINATION')
            UNION
            SELECT COALESCE(g.merged_into, g.id) FROM graduate g WHERE g.destination_employer = ?2
            """, nativeQuery = true)
    List<Number> graduatesWithEmployer(long employerId, String employerName);
}
