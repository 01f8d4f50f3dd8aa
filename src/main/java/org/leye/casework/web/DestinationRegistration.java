package org.leye.casework.web;

import java.time.LocalDate;

import org.leye.casework.cases.CaseLifecycle;
import org.leye.casework.graduates.GraduateRegistry;
import org.leye.casework.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The destination form's write, in one transaction with the graduate it loads (as the API's
 * controller does), so that a refusal rolls back whole and the page can show it.
 */
@Component
class DestinationRegistration {

    private final GraduateRegistry registry;
    private final CaseLifecycle cases;

    DestinationRegistration(GraduateRegistry registry, CaseLifecycle cases) {
        this.registry = registry;
        this.cases = cases;
    }

    @Transactional
    void register(Long graduateId, String code, LocalDate date, String employer, CurrentUser caller) {
        cases.registerDestination(registry.get(graduateId, caller), code, date, employer, caller);
    }
}
