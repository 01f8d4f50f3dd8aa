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
