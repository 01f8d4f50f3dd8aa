package org.leye.casework.graduates;

/**
 * Published by the 131 case when repeated failed contact attempts put it in lost contact, in that
 * transaction; the graduate is marked lost contact too ({@link ContactOutcomes}).
 */
public record GraduateLostContact(Long graduateId) {
}
