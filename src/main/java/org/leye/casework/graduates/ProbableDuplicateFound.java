package org.leye.casework.graduates;

/**
 * A graduate was just registered who is probably the same person as one registered earlier:
 * same folded name, the same birth date or phone, and ID numbers at most two characters apart.
 * Published in the registration's transaction.
 *
 * @param reason     {@code NAME_BIRTH_DATE}, {@code NAME_PHONE} or {@code NAME_BIRTH_DATE_PHONE}
 * @param idDistance how many characters the ID numbers are apart (a transposition counts as one)
 */
public record ProbableDuplicateFound(Long graduateId, Long existingId, String reason, int idDistance) {
}
