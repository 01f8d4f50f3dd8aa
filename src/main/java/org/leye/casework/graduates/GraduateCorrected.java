package org.leye.casework.graduates;

import java.util.List;

/**
 * Published in the transaction that corrected a graduate's record ({@link GraduateCorrections}): the
 * ledger takes one entry with what changed.
 *
 * @param changes        what changed, in the order of {@link CorrectGraduate#FIELDS} (never empty)
 * @param willingToWork  the willingness stated by the correction, when it changed it; else null
 * @param actor          the username of who corrected it
 */
public record GraduateCorrected(Long graduateId, List<Change> changes, Boolean willingToWork, String actor) {

    /**
     * One field changed: its value before and after, as the ledger may show them: a phone masked,
     * difficulties as their category codes, an ID number in a text masked.
     */
    public record Change(String field, Object from, Object to) {
    }
}
