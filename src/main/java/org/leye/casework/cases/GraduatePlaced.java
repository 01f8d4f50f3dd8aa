package org.leye.casework.cases;

/**
 * Published in the transaction that registers a placing destination (毕业去向), after the 131 case
 * (if any) is closed; the one-to-one assistance ends on it.
 */
public record GraduatePlaced(Long graduateId, String destinationCode, String actor) {
}
