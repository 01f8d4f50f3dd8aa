package org.leye.casework.assistance;

/**
 * What the named helper (帮扶责任人) is to the graduate: school staff for a student assisted at
 * school ({@link AssistanceRoute#SCHOOL}), the bureau's staff for a graduate in difficulty who came
 * by any other route ({@link AssistanceRoute#BUREAU}).
 */
public enum HelperKind {
    /** 校领导 */
    SCHOOL_LEADER(AssistanceRoute.SCHOOL),
    /** 院系领导 */
    COLLEGE_LEADER(AssistanceRoute.SCHOOL),
    /** 就业指导教师 */
    EMPLOYMENT_GUIDANCE_TEACHER(AssistanceRoute.SCHOOL),
    /** 班主任 */
    CLASS_TEACHER(AssistanceRoute.SCHOOL),
    /** 专业课教师 */
    SUBJECT_TEACHER(AssistanceRoute.SCHOOL),
    /** 辅导员 */
    COUNSELOR(AssistanceRoute.SCHOOL),
    /** 公共就业服务经办人 */
    CASEWORKER(AssistanceRoute.BUREAU),
    /** 社区（村）就业服务专员 */
    COMMUNITY_EMPLOYMENT_OFFICER(AssistanceRoute.BUREAU);

    private final AssistanceRoute route;

    HelperKind(AssistanceRoute route) {
        this.route = route;
    }

    /** The route whose helpers are of this kind. */
    public AssistanceRoute route() {
        return route;
    }
}
