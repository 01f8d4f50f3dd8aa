package org.leye.casework.cases;

import java.util.ArrayList;
import java.util.List;

import org.leye.casework.graduates.GraduateRegistry;
import org.leye.casework.graduates.GraduateView;
import org.leye.casework.ledger.Ledger;
import org.leye.casework.ledger.LedgerEntryView;
import org.leye.casework.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A graduate's record with their case and ledger, as {@code GET /api/graduates/{id}/ledger} answers it. */
@Service
class LedgerViews {

    private final GraduateRegistry registry;
    private final CaseFiles cases;
    private final Ledger ledger;

    LedgerViews(GraduateRegistry registry, CaseFiles cases, Ledger ledger) {
        this.registry = registry;
        this.cases = cases;
        this.ledger = ledger;
    }

    /**
     * The ledger of a graduate in the caller's scope; a kept graduate's includes those of the
     * graduates merged into it (issue 10). The read is in the audit log (VIEW_RECORD), in the same
     * transaction.
     */
    @Transactional
    public LedgerView of(long graduateId, CurrentUser by) {
        GraduateView graduate = registry.read(graduateId, by);
        List<Long> ids = new ArrayList<>(List.of(graduateId));
        ids.addAll(registry.mergedInto(graduateId));
        List<LedgerEntryView> entries = ids.size() == 1 ? ledger.of(graduateId) : ledger.of(ids);
        CaseView caseView = cases.findByGraduateId(graduateId).map(CaseView::of).orElse(null);
        return new LedgerView(graduate, caseView,
                entries.stream().map(e -> new LedgerView.Entry(e.type().name(), e.at(), e.actor(),
                        e.details(), e.graduateId().equals(graduateId) ? null : e.graduateId())).toList(),
                ledger.compliance(graduateId));
    }
}
