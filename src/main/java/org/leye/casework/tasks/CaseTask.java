package org.leye.casework.tasks;

import java.time.Instant;

/**
 * An open user task as the other capabilities see it: read only. The inbox row behind it
 * ({@link CaseTaskRow}) and its repository stay inside tasks; work on a task goes through
 * {@link TaskList} and {@link OpenTasks}.
 */
public interface CaseTask {

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

    Instant getCreatedAt();
}
