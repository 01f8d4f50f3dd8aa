package org.leye.casework.ledger;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

/** Append-only access to the ledger: no update, no delete. */
interface LedgerEntries extends Repository<LedgerEntry, Long> {

    LedgerEntry save(LedgerEntry entry);

    LedgerEntry saveAndFlush(LedgerEntry entry);

    List<LedgerEntry> findByGraduateIdOrderByAtAscIdAsc(Long graduateId);

    List<LedgerEntry> findByGraduateIdInOrderByAtAscIdAsc(Collection<Long> graduateIds);

    Optional<LedgerEntry> findFirstByTaskId(String taskId);
}
