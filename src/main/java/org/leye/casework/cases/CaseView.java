package org.leye.casework.cases;

import java.time.Instant;

/**
 * A graduate's case as the API shows it.
 *
 * @param id    the case's id ({@code PUT /api/cases/{id}/owner})
 * @param owner its responsible caseworker (一对一); null while there is none
 */
public record CaseView(Long id, String caseNumber, CaseStatus status, Instant openedAt, Instant closedAt,
        CloseReason closeReason, String owner) {

    static CaseView of(CaseFile c) {
        return new CaseView(c.getId(), c.getCaseNumber(), c.getStatus(), c.getOpenedAt(), c.getClosedAt(),
                c.getCloseReason(), c.getOwner());
    }
}
