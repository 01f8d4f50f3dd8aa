package org.leye.casework.cases;

/**
 * A graduate moved to another district ({@link DistrictMoves}): whatever another capability keeps
 * scoped by the graduate's district (probable-duplicate pairs, the one-to-one assistance and its
 * federation tasks) follows in the same transaction, so that the old district can no longer act.
 */
public record GraduateMoved(Long graduateId, String from, String to) {
}
