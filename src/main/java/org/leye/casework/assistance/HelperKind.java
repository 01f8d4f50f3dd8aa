package org.leye.casework.assistance;

/** What the named helper (帮扶责任人) is to the student. */
public enum HelperKind {
    /** 校领导 */
    SCHOOL_LEADER,
    /** 院系领导 */
    COLLEGE_LEADER,
    /** 就业指导教师 */
    EMPLOYMENT_GUIDANCE_TEACHER,
    /** 班主任 */
    CLASS_TEACHER,
    /** 专业课教师 */
    SUBJECT_TEACHER,
    /** 辅导员 */
    COUNSELOR
}
