package org.leye.casework.tasks;

/**
 * The process variables that the task list reads from every process whose user tasks it lists:
 * each process sets them (the 131 service and the one-to-one assistance at their start, or the
 * model's input mapping on a task), and each process's own constants name them through these.
 */
public final class TaskVariables {

    /** The 131 case's id; none in the one-to-one assistance, whose student has no case yet. */
    public static final String CASE_ID = "caseId";
    public static final String CASE_NUMBER = "caseNumber";
    public static final String GRADUATE_ID = "graduateId";
    /** The district whose staff work the process's tasks. */
    public static final String DISTRICT = "district";
    /** The priority of the process's user tasks ({@code camunda:priority}), one of {@link TaskPriority}. */
    public static final String PRIORITY = "priority";
    /** The supervisors told of an overdue task. */
    public static final String SUPERVISOR_GROUP = "supervisorGroup";
    /** Local to the service task of a due-date timer: the activity whose open tasks are overdue. */
    public static final String OVERDUE_ACTIVITY = "overdueActivity";

    private TaskVariables() {
    }
}
