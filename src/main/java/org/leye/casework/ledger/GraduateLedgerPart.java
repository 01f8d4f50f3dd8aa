package org.leye.casework.ledger;

import java.util.List;
import java.util.Map;

import org.leye.casework.graduates.GraduatePagePart;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.web.Pages;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The ledger on a graduate's page: the 131 figures beside the record ({@link Service131Policy}, as the
 * API and the reports count them), and the timeline of the
 * entries with their details by name ({@link LedgerLabels}).
 */
@Component
class GraduateLedgerPart implements GraduatePagePart {

    /** One entry of the timeline as shown: its type, when (city time), who, and its details. */
    record TimelineEntry(String type, String at, String actor, List<LedgerLabels.Detail> details) {

        static TimelineEntry of(LedgerEntryView e, LedgerLabels labels, Pages pages) {
            return new TimelineEntry(e.type().name(), pages.at(e.at()), e.actor(), labels.of(e.details()));
        }
    }

    /** The 131's numbers (1 guidance, 3 referrals, 1 training or internship), as the fragments read them. */
    static final Map<String, Integer> REQUIRED = Map.of("guidance", Service131Policy.GUIDANCE_REQUIRED, "referrals",
            Service131Policy.REFERRALS_REQUIRED, "training", Service131Policy.TRAINING_REQUIRED);

    private static final String TEMPLATE = "ledger/graduate :: ";

    private final Ledger ledger;
    private final LedgerLabels labels;
    private final Pages pages;

    GraduateLedgerPart(Ledger ledger, LedgerLabels labels, Pages pages) {
        this.ledger = ledger;
        this.labels = labels;
        this.pages = pages;
    }

    @Override
    public List<Fragment> fragments() {
        return List.of(new Fragment(Place.BESIDE_RECORD, 10, TEMPLATE + "progress"),
                new Fragment(Place.BELOW, 20, TEMPLATE + "timeline"));
    }

    @Override
    public void addTo(Model model, long graduateId, CurrentUser caller) {
        List<LedgerEntryView> entries = ledger.of(graduateId);
        model.addAttribute("timeline", entries.stream().map(e -> TimelineEntry.of(e, labels, pages)).toList());
        model.addAttribute("compliance", ledger.compliance(graduateId));
        model.addAttribute("required", REQUIRED);
    }
}
