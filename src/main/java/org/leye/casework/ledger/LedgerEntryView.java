package org.leye.casework.ledger;

import java.time.Instant;
import java.util.Map;

/**
 * One line of a graduate's service ledger as other modules read it, its details read from their
 * stored form.
 *
 * @param districtCode the graduate's district when the entry was written
 * @param destinationCode the destination code of a DESTINATION entry
 */
public record LedgerEntryView(Long id, Long graduateId, Long caseId, LedgerEntryType type, Instant at, String actor,
        String taskId, Long employerId, Map<String, Object> details, String districtCode, String destinationCode) {
}
