package org.leye.casework.graduates;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Ministry of Education's destination codes (毕业去向) and their groups, the one place where a
 * code is mapped: the placement rate counts every group but NOT_PLACED ({@link #placed()}); "two
 * 100%" counts the employed ({@link #employed()}: contract, flexible, self-employment) and reports
 * further study apart ({@link #furtherStudy()}). A public-welfare post (公益性岗位) counts as
 * contract employment.
 */
public enum Destination {
    SIGNED_AGREEMENT("10", Group.CONTRACT),
    LABOUR_CONTRACT("11", Group.CONTRACT),
    RESEARCH_ASSISTANT("27", Group.CONTRACT),
    ENLISTED("46", Group.CONTRACT),
    NATIONAL_GRASSROOTS_PROJECT("50", Group.CONTRACT),
    LOCAL_GRASSROOTS_PROJECT("51", Group.CONTRACT),
    PUBLIC_WELFARE_POST("PUBLIC_WELFARE_POST", Group.CONTRACT),
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

    public static Optional<Destination> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip();
        return Arrays.stream(values()).filter(d -> d.code.equals(c)).findFirst();
    }
}
