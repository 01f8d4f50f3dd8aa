package org.leye.casework.cases;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Registers a graduate's destination (毕业去向): its code, the day (today when none) and, for a
 * job, the employer. The body of {@code POST /api/graduates/{id}/destination}.
 */
public record RegisterDestination(@NotBlank @Size(max = 32) String code, LocalDate date,
        @Size(max = 128) String employer) {
}
