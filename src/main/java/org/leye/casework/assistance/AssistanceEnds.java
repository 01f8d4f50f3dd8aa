package org.leye.casework.assistance;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.leye.casework.cases.CaseSummary;
import org.leye.casework.cases.CaseLifecycle;
import org.leye.casework.shared.ApplicationCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two ends of an assistance that the process drives: the hand-over to the 131 service when the
 * student leaves school unplaced ({@link HandOverToService131}), and the end on placement
 * ({@link PlacementEndsAssistance}).
 */
@Service
class AssistanceEnds {

    private static final Logger log = LoggerFactory.getLogger(AssistanceEnds.class);

    private final Assistances assistances;
    private final CaseLifecycle cases;
    private final Clock clock;

    AssistanceEnds(Assistances assistances, CaseLifecycle cases, Clock clock) {
        this.assistances = assistances;
        this.cases = cases;
        this.clock = clock;
    }

    /**
     * 移交131服务: the student left school unplaced. The 131 case opens (or the existing one is
     * flagged) with the priority of a handed-over graduate in difficulty, in the same transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void handOver(long assistanceId) {
        Assistance a = assistances.findById(assistanceId).orElseThrow();
        if (!a.isOpen()) {
            return; // placed in the meantime: nothing to hand over
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("assistance", a.businessKey());
        details.put("leavingSchoolOn", a.getLeavingSchoolOn().toString());
        if (a.getHelper() != null) {
            details.put("helper", a.getHelper());
        }
        details.put("followUps", a.getFollowUps());
        CaseSummary file = cases.handOver(a.getGraduateId(), ApplicationCaller.ACTOR, details);
        a.handedOver(file.caseNumber(), Instant.now(clock));
        log.info("Assistance {} handed over to case {}", a.businessKey(), file.caseNumber());
    }

    /**
     * A placing destination ends the graduate's open assistance; answers its business key, whose
     * process the caller ends too, or nothing when there was no open assistance.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> placed(long graduateId, String destinationCode) {
        return assistances.findByGraduateId(graduateId).filter(Assistance::isOpen).map(a -> {
            a.placed(destinationCode, Instant.now(clock));
            log.info("Assistance {} ended: graduate {} placed ({})", a.businessKey(), a.getGraduateId(),
                    destinationCode);
            return a.businessKey();
        });
    }
}
