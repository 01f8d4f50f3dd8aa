package org.leye.casework.tasks;

import java.time.Instant;

/**
 * An open user task as the other capabilities see it: read only. The inbox row behind it
 * ({@link CaseTaskRow}) and its repository stay inside tasks; work on a task goes through
 * {@link TaskList} and {@link OpenTasks}.
 */
public interface CaseTask {

    /** The prefix of the federation's candidate groups: {@code dpf-officers-<district>}, {@code dpf-<district>}. */
    String FEDERATION_GROUPS = "dpf-";

    String getId();

    String getProcessInstanceId();

    String getActivityId();

    TaskType getType();

    String getName();

    Long getCaseId();

    String getCaseNumber();

    Long getGraduateId();

    String getGraduateName();

    String getDistrictCode();

    int getPriority();

    Instant getDueAt();

    boolean isOverdue();

    String getAssignee();

    String getCandidateGroup();

    /** The case's responsible caseworker (一对一), who gets its new caseworker tasks; null while there is none. */
    String getCaseOwner();

    /** Whether this is the district caseworkers' work on a 131 case: what goes to the case's owner. */
    default boolean isCaseworkersCaseWork() {
        return getCaseId() != null && getDistrictCode() != null
                && caseworkersOf(getDistrictCode()).equals(getCandidateGroup());
    }

    /** The candidate group of a district's caseworkers. */
    static String caseworkersOf(String districtCode) {
        return "caseworkers-" + districtCode;
    }

    /**
     * Whether the task is the Disabled Persons' Federation's ({@code dpf-officers-<district>}, or
     * {@code dpf-<district>} of older assistances): its officers work it, the bureau's district staff
     * leave it to them.
     */
    default boolean isFederations() {
        return getCandidateGroup() != null && getCandidateGroup().startsWith(FEDERATION_GROUPS);
    }

    Instant getCreatedAt();
}
