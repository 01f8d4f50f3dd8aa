package org.leye.casework.graduates;

import java.util.List;
import java.util.Set;

/**
 * A correction of a graduate's record ({@code PATCH /api/graduates/{id}}, the edit page): the fields
 * in {@code sent} are set to the values given (null clears the address or the major, and leaves no
 * difficulty), the others stay as they are.
 *
 * @param sent            the correctable fields that the correction carries ({@link #FIELDS})
 * @param expectedVersion the version of the record that the correction was made on (null: any)
 */
public record CorrectGraduate(Set<String> sent, String phone, String address, String major, Degree degree,
        List<Difficulty> difficulties, Boolean willingToWork, Long expectedVersion) {

    /** The correctable fields, in the order that a correction's ledger entry lists them. */
    public static final List<String> FIELDS = List.of("phone", "address", "major", "degree", "difficulties",
            "willingToWork");

    public CorrectGraduate {
        sent = Set.copyOf(sent);
        difficulties = difficulties == null ? List.of() : List.copyOf(difficulties);
    }

    boolean has(String field) {
        return sent.contains(field);
    }
}
