package org.leye.casework.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.leye.casework.graduates.GraduateView;
import org.leye.casework.ledger.Compliance;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A graduate's service ledger (API.md): the record, the case, the entries in time order and the 131 figures. */
record LedgerView(GraduateView graduate, @JsonProperty("case") CaseView caseFile, List<Entry> entries,
        Compliance compliance) {

    /** One entry; {@code mergedFrom} names the merged graduate whose ledger it came from, else null. */
    record Entry(String type, Instant at, String actor, Map<String, Object> details, Long mergedFrom) {
    }
}
