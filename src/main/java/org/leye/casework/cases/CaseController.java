package org.leye.casework.cases;

import java.util.List;

import jakarta.validation.Valid;

import org.leye.casework.audit.AuditLog;
import org.leye.casework.graduates.Graduate;
import org.leye.casework.graduates.GraduateMapper;
import org.leye.casework.graduates.GraduateRegistry;
import org.leye.casework.graduates.GraduateView;
import org.leye.casework.ledger.Compliance;
import org.leye.casework.ledger.Ledger;
import org.leye.casework.ledger.LedgerEntry;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;


/** A graduate's case: destination, ledger, close and reopen. */
@RestController
@RequestMapping("/api/graduates/{id}")
class CaseController {

    private final GraduateRegistry registry;
    private final CaseLifecycle cases;
    private final Ledger ledger;
    private final GraduateMapper views;
    private final CurrentUsers users;
    private final DistrictMoves moves;
    private final AuditLog audit;

    CaseController(GraduateRegistry registry, CaseLifecycle cases, Ledger ledger, GraduateMapper views,
            CurrentUsers users, DistrictMoves moves, AuditLog audit) {
        this.moves = moves;
        this.audit = audit;
        this.registry = registry;
        this.cases = cases;
        this.ledger = ledger;
        this.views = views;
        this.users = users;
    }

    @PostMapping("/destination")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'SUPERVISOR', 'COUNSELOR', 'ADMIN')")
    @Transactional
    GraduateView registerDestination(@PathVariable Long id, @Valid @RequestBody CaseRequests.RegisterDestination body) {
        CurrentUser caller = users.current();
        Graduate graduate = registry.get(id, caller);
        return views.toView(cases.registerDestination(graduate, body.code(), body.date(), body.employer(), caller));
    }

    /** The graduate's record with their ledger; the read is in the audit log (VIEW_RECORD), in its transaction. */
    @GetMapping("/ledger")
    @Transactional
    LedgerView ledger(@PathVariable Long id) {
        CurrentUser caller = users.current();
        Graduate graduate = registry.get(id, caller);
        audit.recordRead(caller.username(), graduate.getId());
        // a kept graduate's ledger includes those of the graduates merged into it (issue 10)
        List<Long> ids = new java.util.ArrayList<>(List.of(id));
        ids.addAll(registry.mergedInto(id));
        List<LedgerEntry> entries = ids.size() == 1 ? ledger.of(id) : ledger.of(ids);
        LedgerView.CaseView caseView = cases.findCase(id).map(LedgerView.CaseView::of).orElse(null);
        return new LedgerView(views.toView(graduate), caseView,
                entries.stream().map(e -> new LedgerView.Entry(e.getType().name(), e.getAt(), e.getActor(),
                        ledger.details(e), e.getGraduateId().equals(id) ? null : e.getGraduateId())).toList(),
                Compliance.of(entries));
    }

    /** The graduate moved (household registration or residence): the case and its open tasks follow. */
    @PostMapping("/move")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @Transactional
    GraduateView move(@PathVariable Long id, @Valid @RequestBody CaseRequests.Move body) {
        CurrentUser caller = users.current();
        Graduate graduate = registry.get(id, caller);
        moves.move(graduate, body.district(), body.reason(), caller);
        return views.toView(graduate);
    }

    @PostMapping("/case/close")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional
    LedgerView.CaseView close(@PathVariable Long id, @Valid @RequestBody CaseRequests.Close body) {
        CurrentUser caller = users.current();
        CaseFile file = cases.close(registry.get(id, caller), body.reason(), body.note(), caller);
        return LedgerView.CaseView.of(file);
    }

    @PostMapping("/case/reopen")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional
    LedgerView.CaseView reopen(@PathVariable Long id, @Valid @RequestBody CaseRequests.Reopen body) {
        CurrentUser caller = users.current();
        CaseFile file = cases.reopen(registry.get(id, caller), body.reason(), caller);
        return LedgerView.CaseView.of(file);
    }
}
