package org.leye.casework.cases;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.leye.casework.graduates.Destination;

/**
 * Registers a graduate's destination (毕业去向): its code, the day (today when none), for a job the
 * employer, and whether the job is a public-welfare post (公益性岗位; the deprecated code
 * {@code PUBLIC_WELFARE_POST} means 11 with the flag). The body of
 * {@code POST /api/graduates/{id}/destination}.
 */
public record RegisterDestination(@NotBlank @Size(max = 32) String code, LocalDate date,
        @Size(max = 128) String employer, Boolean publicWelfare) {

    /** A destination that is not a public-welfare post. */
    public RegisterDestination(String code, LocalDate date, String employer) {
        this(code, date, employer, false);
    }

    /** Whether the flag is set, or the deprecated pseudo code stands for it. */
    boolean publicWelfarePost() {
        return Boolean.TRUE.equals(publicWelfare) || Destination.isLegacyPublicWelfarePost(code);
    }
}
