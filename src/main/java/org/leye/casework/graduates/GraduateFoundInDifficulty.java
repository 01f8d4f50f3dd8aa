package org.leye.casework.graduates;

import java.util.List;

/**
 * Published in the transaction that recorded difficulty categories for a graduate registered
 * earlier (两个百分百: "found in difficulty later"): the ledger takes the entry, an open 131 case is
 * flagged (its public-welfare offer reads the flag), and the bureau's assistance starts for a
 * graduate who has none.
 *
 * @param added    the categories new to the record, in their order (never empty)
 * @param evidence the evidence as given, an ID number in it masked
 * @param actor    the username of who recorded them
 * @param byCorrection the categories came with a correction of the record ({@link GraduateCorrected}),
 *                 whose one ledger entry records them: no entry of their own
 */
public record GraduateFoundInDifficulty(Long graduateId, List<Difficulty> added, String evidence, String actor,
        boolean byCorrection) {

    public GraduateFoundInDifficulty(Long graduateId, List<Difficulty> added, String evidence, String actor) {
        this(graduateId, added, evidence, actor, false);
    }
}
