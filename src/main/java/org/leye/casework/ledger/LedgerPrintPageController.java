package org.leye.casework.ledger;

import java.time.Clock;
import java.time.Instant;

import org.leye.casework.security.CurrentUsers;
import org.leye.casework.web.PageController;
import org.leye.casework.web.Pages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A graduate's ledger to print and sign (实名服务台账, A4): the bureau's header, the record with its
 * identifiers masked, the services in time order, the 131 figures and the signature lines. Whoever
 * may open the graduate's page may print it; outside the caller's scope it is the 404 page.
 */
@PageController
class LedgerPrintPageController {

    private final PrintedLedgers printed;
    private final LedgerLabels labels;
    private final Pages pages;
    private final CurrentUsers users;
    private final Clock clock;
    private final String bureau;

    LedgerPrintPageController(PrintedLedgers printed, LedgerLabels labels, Pages pages, CurrentUsers users,
            Clock clock, @Value("${leye.bureau.name:江门市人力资源和社会保障局}") String bureau) {
        this.printed = printed;
        this.labels = labels;
        this.pages = pages;
        this.users = users;
        this.clock = clock;
        this.bureau = bureau;
    }

    @GetMapping("/graduates/{id}/ledger/print")
    String print(@PathVariable long id, Model model) {
        PrintedLedgers.Sheet sheet = printed.of(id, users.current());
        model.addAttribute("graduate", sheet.graduate());
        model.addAttribute("bureau", bureau);
        model.addAttribute("districtName", sheet.districtName());
        model.addAttribute("entries", sheet.entries().stream()
                .map(e -> GraduateLedgerPart.TimelineEntry.of(e, labels, pages)).toList());
        model.addAttribute("compliance", sheet.compliance());
        model.addAttribute("required", GraduateLedgerPart.REQUIRED);
        model.addAttribute("printedAt", pages.at(Instant.now(clock)));
        return "ledger/print";
    }
}
