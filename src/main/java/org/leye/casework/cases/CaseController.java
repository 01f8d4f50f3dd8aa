package org.leye.casework.cases;

import jakarta.validation.Valid;

import org.leye.casework.graduates.GraduateView;
import org.leye.casework.security.CurrentUsers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A graduate's case: destination, ledger, move, close and reopen. Each call is one transaction of
 * the service it names, which loads the graduate within the caller's scope.
 */
@RestController
@RequestMapping("/api/graduates/{id}")
class CaseController {

    private final CaseLifecycle cases;
    private final DistrictMoves moves;
    private final LedgerViews ledgers;
    private final CurrentUsers users;

    CaseController(CaseLifecycle cases, DistrictMoves moves, LedgerViews ledgers, CurrentUsers users) {
        this.cases = cases;
        this.moves = moves;
        this.ledgers = ledgers;
        this.users = users;
    }

    @PostMapping("/destination")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'SUPERVISOR', 'COUNSELOR', 'ADMIN')")
    GraduateView registerDestination(@PathVariable long id, @Valid @RequestBody RegisterDestination body) {
        return cases.registerDestination(id, body, users.current());
    }

    /** The graduate's record with their ledger; the read is in the audit log (VIEW_RECORD). */
    @GetMapping("/ledger")
    LedgerView ledger(@PathVariable long id) {
        return ledgers.of(id, users.current());
    }

    /** The graduate moved (household registration or residence): the case and its open tasks follow. */
    @PostMapping("/move")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    GraduateView move(@PathVariable long id, @Valid @RequestBody MoveGraduate body) {
        return moves.move(id, body, users.current());
    }

    @PostMapping("/case/close")
    @PreAuthorize("hasRole('SUPERVISOR')")
    CaseView close(@PathVariable long id, @Valid @RequestBody CloseCase body) {
        return cases.close(id, body, users.current());
    }

    @PostMapping("/case/reopen")
    @PreAuthorize("hasRole('SUPERVISOR')")
    CaseView reopen(@PathVariable long id, @Valid @RequestBody ReopenCase body) {
        return cases.reopen(id, body, users.current());
    }
}
