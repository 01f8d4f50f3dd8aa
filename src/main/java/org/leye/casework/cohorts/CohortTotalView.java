package org.leye.casework.cohorts;

import java.time.Instant;

/**
 * One university's totals for a graduation year, as the API answers them and the reports read them.
 *
 * @param graduates       all the year's graduates of the university (毕业生总数)
 * @param placedAtLeaving those with a destination when they left school (离校时已落实去向人数)
 */
public record CohortTotalView(int graduationYear, String universityCode, String universityName, int graduates,
        int placedAtLeaving, String updatedBy, Instant updatedAt) {
}
