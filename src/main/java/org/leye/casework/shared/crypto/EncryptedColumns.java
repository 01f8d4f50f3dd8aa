package org.leye.casework.shared.crypto;

/**
 * The personal data that a capability stores encrypted with {@link PersonalDataCipher} (and the
 * keyed hashes it finds it by). A key rotation ({@link PersonalDataRotation}) asks each to rewrite
 * its values under the current keys.
 */
public interface EncryptedColumns {

    /** What is rewritten, for the log: a table and its columns, never a value. */
    String describe();

    /**
     * Re-encrypts every value not yet under the current key and recomputes every keyed hash under
     * the current hash key, in slices that commit one by one, so that a rotation stopped halfway
     * is finished by running it again.
     *
     * @return the rows rewritten
     */
    long rotate();
}
