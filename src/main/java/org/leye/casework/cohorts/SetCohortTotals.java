package org.leye.casework.cohorts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The body of {@code PUT /api/cohorts/{graduationYear}/{universityCode}}; placedAtLeaving at most graduates. */
record SetCohortTotals(@NotNull @Min(0) @Max(Cohorts.MAX_GRADUATES) Integer graduates,
        @NotNull @Min(0) @Max(Cohorts.MAX_GRADUATES) Integer placedAtLeaving) {
}
