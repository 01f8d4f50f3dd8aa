package org.leye.casework.graduates;

import java.util.Set;

/**
 * What the services for graduates in difficulty need to know of one (两个百分百, the disability
 * track): where they are and in which difficulties.
 */
public record GraduateInDifficulty(Long graduateId, String districtCode, String universityCode,
        Set<Difficulty> difficulties) {

    public boolean disability() {
        return difficulties.contains(Difficulty.DISABILITY);
    }
}
