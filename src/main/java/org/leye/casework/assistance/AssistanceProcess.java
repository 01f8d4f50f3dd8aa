package org.leye.casework.assistance;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leye.casework.cases.CaseFile;
import org.leye.casework.cases.CaseLifecycle;
import org.leye.casework.cases.GraduatePlaced;
import org.leye.casework.graduates.Graduate;
import org.leye.casework.graduates.Graduates;
import org.leye.casework.shared.ApplicationCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engine's side of the one-to-one assistance: the hand-over on leaving school (a service task
 * after the leaving-school timer) and the end on placement (a destination correlates the message).
 */
@Configuration
class AssistanceProcess {

    static final String SYSTEM = "system";

    private static final Logger log = LoggerFactory.getLogger(AssistanceProcess.class);

    /**
     * 移交131服务: the student left school unplaced. The 131 case opens (or the existing one is
     * flagged) with the priority of a handed-over graduate in difficulty, in the same transaction.
     */
    @Bean
    JavaDelegate handOverToService131(Assistances assistances, Graduates graduates, CaseLifecycle cases, Clock clock) {
        return execution -> {
            Long id = ((Number) execution.getVariable(AssistanceVariables.ASSISTANCE_ID)).longValue();
            Assistance a = assistances.findById(id).orElseThrow();
            if (!a.isOpen()) {
                return; // placed in the meantime: nothing to hand over
            }
            Graduate graduate = graduates.findById(a.getGraduateId()).orElseThrow();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("assistance", a.businessKey());
            details.put("leavingSchoolOn", a.getLeavingSchoolOn().toString());
            if (a.getHelper() != null) {
                details.put("helper", a.getHelper());
            }
            details.put("followUps", a.getFollowUps());
            CaseFile file = cases.handOver(graduate, SYSTEM, details);
            a.handedOver(file.getCaseNumber(), Instant.now(clock));
            log.info("Assistance {} handed over to case {}", a.businessKey(), file.getCaseNumber());
        };
    }

    @Bean
    PlacedListener assistancePlacedListener(Assistances assistances, RuntimeService runtime, Clock clock) {
        return new PlacedListener(assistances, runtime, clock);
    }

    /** A placing destination ends an open assistance: its status, and the process through its message. */
    static class PlacedListener {

        private final Assistances assistances;
        private final RuntimeService runtime;
        private final Clock clock;

        PlacedListener(Assistances assistances, RuntimeService runtime, Clock clock) {
            this.assistances = assistances;
            this.runtime = runtime;
            this.clock = clock;
        }

        @EventListener
        @Transactional(propagation = Propagation.MANDATORY)
        public void on(GraduatePlaced event) {
            assistances.findByGraduateId(event.graduateId()).filter(Assistance::isOpen).ifPresent(a -> {
                a.placed(Instant.now(clock));
                ApplicationCaller.run(() -> runtime.createMessageCorrelation(AssistanceService.MESSAGE_PLACED)
                        .processInstanceBusinessKey(a.businessKey()).correlateAll());
                log.info("Assistance {} ended: graduate {} placed ({})", a.businessKey(), a.getGraduateId(),
                        event.destinationCode());
            });
        }
    }
}
