package org.leye.casework.graduates;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The graduate's status and willingness follow what the 131 case learns by contacting them: the
 * case publishes what it learnt, and the graduate changes here, in the same transaction.
 */
@Component
class ContactOutcomes {

    private final Graduates graduates;

    ContactOutcomes(Graduates graduates) {
        this.graduates = graduates;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(GraduateReached event) {
        Graduate graduate = graduates.findById(event.graduateId()).orElseThrow();
        graduate.markReached();
        graduate.recordWillingness(event.wantsJob());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(GraduateLostContact event) {
        graduates.findById(event.graduateId()).ifPresent(Graduate::markLostContact);
    }
}
