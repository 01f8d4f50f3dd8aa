package org.leye.casework.shared.crypto;

import java.util.Base64;

/** What a stored value is, before a rewrite decides what to do with it. */
public final class StoredValues {

    private StoredValues() {
    }

    /** Whether a value carries a key version ({@code v<n>:}), as everything written since db/V22 does. */
    public static boolean versioned(String value) {
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon < 2 || colon > 10 || value.charAt(0) != 'v') {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            if (!Character.isDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a value can be a ciphertext of {@link PersonalDataCipher} at all: versioned, or
     * base64 of at least an IV and a tag (written before db/V22). Anything else (a benchmark's or
     * a test fixture's placeholder) is no encrypted data and is left alone by a rewrite.
     */
    public static boolean encrypted(String value) {
        if (value == null) {
            return false;
        }
        if (versioned(value)) {
            return true;
        }
        try {
            return Base64.getDecoder().decode(value).length >= 28;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** Decrypts a stored value of either form for the column; null for a value that is no ciphertext. */
    public static String decrypt(PersonalDataCipher cipher, String value, String column) {
        if (!encrypted(value)) {
            return null;
        }
        try {
            return versioned(value) ? cipher.decrypt(value, column) : cipher.decryptUnversioned(value);
        } catch (IllegalArgumentException e) {
            // never the value: only where it is
            throw new IllegalStateException("A value of " + column + " cannot be decrypted with the configured keys:"
                    + " is LEYE_CRYPTO_KEY the key it was written with, and are earlier keys in"
                    + " LEYE_CRYPTO_PREVIOUS_KEYS?", e);
        }
    }
}
