package org.leye.casework.graduates;

import java.time.LocalDate;
import java.util.Set;

/**
 * What other modules read of a graduate: who they are for the service, where they belong, their
 * case and destination. The record's personal identifiers stay in the graduates module.
 *
 * @param mergedInto the kept graduate this one was merged into, or null
 */
public record GraduateSummary(Long id, String name, String districtCode, String universityCode,
        String universityName, int graduationYear, Set<Difficulty> difficulties, String caseNumber, String registeredBy,
        Long mergedInto, LocalDate destinationDate, String destinationEmployer) {

    public GraduateSummary {
        difficulties = Set.copyOf(difficulties);
    }

    public boolean inDifficulty() {
        return !difficulties.isEmpty();
    }

    static GraduateSummary of(Graduate g) {
        return new GraduateSummary(g.getId(), g.getName(), g.getDistrictCode(), g.getUniversityCode(),
                g.getUniversityName(), g.getGraduationYear(), g.getDifficulties(), g.getCaseNumber(),
                g.getRegisteredBy(), g.getMergedInto(), g.getDestinationDate(), g.getDestinationEmployer());
    }
}
