package org.leye.casework.cases;

import java.time.Instant;

/** A graduate's case as the API shows it. */
public record CaseView(String caseNumber, CaseStatus status, Instant openedAt, Instant closedAt, CloseReason closeReason) {

    static CaseView of(CaseFile c) {
        return new CaseView(c.getCaseNumber(), c.getStatus(), c.getOpenedAt(), c.getClosedAt(), c.getCloseReason());
    }
}
