package org.leye.casework.tasks;

/** The kinds of user task; each has its own form. The BPMN models name them in {@code camunda:formKey}. */
public enum TaskType {
    FIRST_CONTACT,
    GUIDANCE,
    REFERRAL,
    TRAINING_OR_INTERNSHIP,
    FOLLOW_UP,
    PUBLIC_WELFARE_PLACEMENT,
    ASSIGN_HELPER,
    ASSISTANCE_PLAN,
    ASSISTANCE_FOLLOW_UP,
    DPF_FILE,
    DPF_SURVEY,
    DPF_TRACKING,
    DPF_SERVICE
}
