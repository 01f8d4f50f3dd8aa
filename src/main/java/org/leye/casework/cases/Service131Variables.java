package org.leye.casework.cases;

import java.util.HashMap;
import java.util.Map;

import org.leye.casework.tasks.TaskVariables;

/**
 * The variables of the 131 process, by the names that {@code bpmn/service-131.bpmn} reads in its
 * gateways, candidate groups and priorities: set at the start ({@link CaseLifecycle}), by the
 * contact tasks ({@code Service131TaskHandlers}) and on a move ({@link DistrictMoves}). Those that
 * the task list reads too are its own ({@link TaskVariables}).
 */
final class Service131Variables {

    static final String CASE_ID = TaskVariables.CASE_ID;
    static final String CASE_NUMBER = TaskVariables.CASE_NUMBER;
    static final String GRADUATE_ID = TaskVariables.GRADUATE_ID;
    static final String DISTRICT = TaskVariables.DISTRICT;
    static final String PRIORITY = TaskVariables.PRIORITY;
    static final String SUPERVISOR_GROUP = TaskVariables.SUPERVISOR_GROUP;
    /** The district's caseworkers, the candidates of every user task. */
    static final String CANDIDATE_GROUP = "candidateGroup";
    static final String IN_DIFFICULTY = "inDifficulty";
    /** Whether the case met the 131 before (a reopened case skips to the further referrals). */
    static final String MET_131 = "met131";
    /** Whether the last contact attempt reached the graduate. */
    static final String REACHED = "reached";
    /** Whether the failed first-contact attempts put the case in lost contact. */
    static final String LOST_CONTACT = "lostContact";
    /** The willingness of a graduate reached ({@code Willingness} of the contact form), null otherwise. */
    static final String WILLINGNESS = "willingness";
    /**
     * Whether the case opened for a graduate registered as not willing to work: their case starts with
     * the 30-day follow-ups that a graduate found not seeking at first contact gets, not with a first contact.
     */
    static final String REGISTERED_NOT_WILLING = "registeredNotWilling";

    private Service131Variables() {
    }

    /**
     * The case's variables that every process working on it sets at its start (the 131 itself, a
     * blacklisting's follow-up): its ids, district, groups and priority, which the task list reads.
     */
    static Map<String, Object> ofCase(CaseFile file) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(CASE_ID, file.getId());
        vars.put(CASE_NUMBER, file.getCaseNumber());
        vars.put(GRADUATE_ID, file.getGraduateId());
        vars.put(DISTRICT, file.getDistrictCode());
        vars.put(CANDIDATE_GROUP, "caseworkers-" + file.getDistrictCode());
        vars.put(SUPERVISOR_GROUP, "supervisors-" + file.getDistrictCode());
        vars.put(PRIORITY, file.getPriority());
        return vars;
    }
}
