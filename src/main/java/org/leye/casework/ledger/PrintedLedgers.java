package org.leye.casework.ledger;

import java.util.ArrayList;
import java.util.List;

import org.leye.casework.graduates.GraduateRegistry;
import org.leye.casework.graduates.GraduateView;
import org.leye.casework.reference.District;
import org.leye.casework.reference.ReferenceData;
import org.leye.casework.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A graduate's ledger as printed and signed (实名服务台账): the record with its identifiers masked, the
 * district's name for the bureau's header, every entry in time order (a kept graduate's with those of
 * the graduates merged into it, as the API's ledger) and the 131 figures.
 */
@Service
class PrintedLedgers {

    /** What the printed ledger shows; {@code graduate} masks the ID number and phone as every answer does. */
    record Sheet(GraduateView graduate, String districtName, List<LedgerEntryView> entries, Compliance compliance) {
    }

    private final GraduateRegistry registry;
    private final Ledger ledger;
    private final ReferenceData reference;

    PrintedLedgers(GraduateRegistry registry, Ledger ledger, ReferenceData reference) {
        this.registry = registry;
        this.ledger = ledger;
        this.reference = reference;
    }

    /**
     * The ledger of a graduate in the caller's scope (else NotFoundException); the read is in the audit
     * log (VIEW_RECORD) as the graduate's page is, in the same transaction.
     */
    @Transactional
    Sheet of(long graduateId, CurrentUser by) {
        GraduateView graduate = registry.read(graduateId, by);
        List<Long> ids = new ArrayList<>(List.of(graduateId));
        ids.addAll(registry.mergedInto(graduateId));
        return new Sheet(graduate, reference.district(graduate.district()).map(District::name)
                .orElse(graduate.district()), ledger.of(ids), ledger.compliance(graduateId));
    }
}
