package org.leye.casework.graduates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A graduate as the API shows it: ID number and phone masked for every role, and nothing beside
 * them that fills the mask's gap: the age in whole years, never the birth date, which is the
 * masked middle of the ID number.
 */
public record GraduateView(
        Long id,
        String caseNumber,
        String name,
        String idNumber,
        Gender gender,
        /** Age in whole years on today's date in the city. */
        int age,
        String phone,
        String university,
        String universityCode,
        String major,
        Degree degree,
        int graduationYear,
        String district,
        String address,
        List<Difficulty> difficulties,
        List<Source> sources,
        Boolean willingToWork,
        GraduateStatus status,
        DestinationView destination,
        Instant registeredAt,
        /** The graduate this record was merged into as a duplicate (issue 10); null otherwise. */
        Long mergedInto,
        /** The case's responsible caseworker (一对一, issue 20); null while there is none. */
        String owner,
        /**
         * The record's version, one more with every change: sent back as {@code If-Match} with a
         * correction ({@code PATCH}), so that a change made meanwhile is not overwritten (409).
         */
        long version) {

    /** The registered destination (毕业去向), if any, and whether it is a public-welfare post (公益性岗位). */
    public record DestinationView(String code, String group, boolean publicWelfare, LocalDate date, String employer) {
    }
}
