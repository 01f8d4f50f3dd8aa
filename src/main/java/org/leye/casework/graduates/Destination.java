package org.leye.casework.graduates;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Ministry of Education's destination codes (毕业去向) and their groups, the one place where a
 * code is mapped: the placement rate counts every group but NOT_PLACED ({@link #placed()}); "two
 * 100%" counts the employed ({@link #employed()}: contract, flexible, self-employment) and reports
 * further study apart ({@link #furtherStudy()}). A public-welfare post (公益性岗位) is not a code of
 * its own: it is recorded as the code of the job (11 签劳动合同形式就业, 51 地方基层项目, ...) with a
 * public-welfare flag ({@link #mayBePublicWelfare()}).
 */
public enum Destination {
    SIGNED_AGREEMENT("10", Group.CONTRACT),
    LABOUR_CONTRACT("11", Group.CONTRACT),
    RESEARCH_ASSISTANT("27", Group.CONTRACT),
    ENLISTED("46", Group.CONTRACT),
    NATIONAL_GRASSROOTS_PROJECT("50", Group.CONTRACT),
    LOCAL_GRASSROOTS_PROJECT("51", Group.CONTRACT),
    OTHER_EMPLOYMENT("12", Group.FLEXIBLE),
    FREELANCE("76", Group.FLEXIBLE),
    SELF_EMPLOYMENT("75", Group.SELF_EMPLOYMENT),
    FURTHER_STUDY_CHINA("80", Group.FURTHER_STUDY),
    FURTHER_STUDY_ABROAD("85", Group.FURTHER_STUDY),
    SEEKING_WORK("70", Group.NOT_PLACED),
    PREPARING_FURTHER_STUDY("71", Group.NOT_PLACED),
    NOT_SEEKING("72", Group.NOT_PLACED);

    /** The groups of the placement rate (毕业去向落实率): all but NOT_PLACED count as placed. */
    public enum Group {
        CONTRACT, FLEXIBLE, SELF_EMPLOYMENT, FURTHER_STUDY, NOT_PLACED
    }

    /**
     * The pseudo code that stood for a public-welfare post before the flag (deprecated): still
     * accepted on input, where it means {@link #PUBLIC_WELFARE_POST_CODE} with the flag.
     */
    public static final String LEGACY_PUBLIC_WELFARE_POST = "PUBLIC_WELFARE_POST";

    /** The code that a public-welfare post found through the 131 service is recorded as: a labour contract. */
    public static final Destination PUBLIC_WELFARE_POST_CODE = LABOUR_CONTRACT;

    private final String code;
    private final Group group;

    Destination(String code, Group group) {
        this.code = code;
        this.group = group;
    }

    public String code() {
        return code;
    }

    public Group group() {
        return group;
    }

    public boolean placed() {
        return group != Group.NOT_PLACED;
    }

    /**
     * Whether the graduate works somewhere that a referral or a report may name: employed under
     * contract, flexibly or self-employed, what "two 100%" counts (the plan: every graduate in
     * difficulty willing to work is employed). Further study is placed but not employed.
     */
    public boolean employed() {
        return group == Group.CONTRACT || group == Group.FLEXIBLE || group == Group.SELF_EMPLOYMENT;
    }

    /** Further study in China or abroad (升学): placed, not employed; "two 100%" reports it apart. */
    public boolean furtherStudy() {
        return group == Group.FURTHER_STUDY;
    }

    /** Whether a job of this code may be a public-welfare post: employment under contract or flexible, not one's own business. */
    public boolean mayBePublicWelfare() {
        return group == Group.CONTRACT || group == Group.FLEXIBLE;
    }

    /** The destination of a code; the deprecated {@link #LEGACY_PUBLIC_WELFARE_POST} is {@link #PUBLIC_WELFARE_POST_CODE}. */
    public static Optional<Destination> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip();
        if (isLegacyPublicWelfarePost(c)) {
            return Optional.of(PUBLIC_WELFARE_POST_CODE);
        }
        return Arrays.stream(values()).filter(d -> d.code.equals(c)).findFirst();
    }

    /** Whether the code is the deprecated pseudo code of a public-welfare post. */
    public static boolean isLegacyPublicWelfarePost(String code) {
        return code != null && LEGACY_PUBLIC_WELFARE_POST.equals(code.strip());
    }
}
