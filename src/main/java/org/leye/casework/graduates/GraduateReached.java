package org.leye.casework.graduates;

/**
 * Published by the 131 case when a contact reached the graduate, in that transaction, with whether
 * they want a job; a graduate in lost contact is in service again ({@link ContactOutcomes}).
 */
public record GraduateReached(Long graduateId, boolean wantsJob) {
}
