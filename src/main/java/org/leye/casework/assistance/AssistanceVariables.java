package org.leye.casework.assistance;

import org.leye.casework.tasks.TaskVariables;

/**
 * The variables of the one-to-one assistance, by the names that
 * {@code bpmn/one-to-one-assistance.bpmn} reads in its candidate groups, assignees, gateway and
 * timer: set at the start ({@link AssistanceService}), by the helper's assignment and on a move
 * ({@link AssistanceMoves}). Those that the task list reads too are its own ({@link TaskVariables}).
 */
final class AssistanceVariables {

    static final String ASSISTANCE_ID = "assistanceId";
    static final String GRADUATE_ID = TaskVariables.GRADUATE_ID;
    static final String PRIORITY = TaskVariables.PRIORITY;
    /** The university's counselors, who name the helper. */
    static final String COUNSELOR_GROUP = "counselorGroup";
    /** At the bureau: the district's caseworkers, who name the helper. */
    static final String HELPER_GROUP = "helperGroup";
    /** At the bureau: the district whose staff work the assistance's tasks; of the disability track: its officers'. */
    static final String DISTRICT = TaskVariables.DISTRICT;
    /** At the bureau: the supervisors told of an overdue follow-up. */
    static final String SUPERVISOR_GROUP = TaskVariables.SUPERVISOR_GROUP;
    /** The helper the counselors named: the assignee of the plan and of the follow-ups. */
    static final String HELPER = "helper";
    /** Whether the graduate is disabled: the gateway that starts the disability track ({@link DisabilityTracks}). */
    static final String DISABILITY = "disability";
    /**
     * Of the disability track: the federation officers of the graduate's district
     * ({@code dpf-officers-<district>}), the candidates of its tasks. Older one-to-one assistances
     * ran the track themselves, for {@code dpf-<district>}.
     */
    static final String DPF_GROUP = "dpfGroup";
    /**
     * Of one-to-one assistances that ran the federation track themselves (before
     * {@code disability-track.bpmn}): the student's district, which their model maps to the track's tasks.
     */
    static final String STUDENT_DISTRICT = "studentDistrict";
    /** The moment the student leaves school: the hand-over timer's date. */
    static final String LEAVING_SCHOOL_AT = "leavingSchoolAt";

    private AssistanceVariables() {
    }
}
