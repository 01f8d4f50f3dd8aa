package org.leye.casework.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Personal data at rest (ID numbers, phone numbers, hand-over files): AES-256-GCM encryption for
 * storage and a keyed HMAC-SHA256 hash for exact look-up (finding a graduate by ID number without
 * decrypting every row).
 *
 * <ul>
 *   <li>{@link #encrypt(String, String)}: {@code v<version>:base64(iv || ciphertext || 16-byte tag)}
 *       with a fresh random 12-byte IV per call. The second argument, the column the value is
 *       stored in ({@code graduate.id_number}), is the cipher's associated data: a ciphertext
 *       copied into another column (a phone number moved into the ID number's place) does not
 *       decrypt. The version names the key, so that keys can be rotated
 *       ({@link PersonalDataRotation}): 67 characters for an 18-character ID number.</li>
 *   <li>{@link #hash}: lower-case hex, 64 characters; the same value always gives the same hash
 *       under the same hash key. Normalise the value first ({@code ResidentIds.normalize}).</li>
 * </ul>
 *
 * <p>Keys come from {@code leye.crypto.key} (with its {@code leye.crypto.key-version}, default 1)
 * and {@code leye.crypto.hash-key} ({@code LEYE_CRYPTO_KEY}, {@code LEYE_CRYPTO_KEY_VERSION},
 * {@code LEYE_HASH_KEY}), base64 of at least {@value #MIN_KEY_BYTES} bytes each. Earlier keys that
 * values may still be encrypted under, while a rotation runs, are in
 * {@code leye.crypto.previous-keys} ({@code version:base64,version:base64}). The AES key is the
 * SHA-256 of the decoded key bytes; the HMAC key is the decoded hash-key bytes. Start-up fails when
 * a key is missing or too short. Thread-safe.
 */
@Component
public class PersonalDataCipher {

    /** The shortest key accepted, decoded: 256 bits. */
    public static final int MIN_KEY_BYTES = 32;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final String HMAC = "HmacSHA256";

    private final int version;
    private final Map<Integer, SecretKeySpec> keys = new TreeMap<>();
    private final SecretKeySpec hmacKey;
    private final SecureRandom random = new SecureRandom();
    /**
     * One keyed HMAC per thread, and one AES/GCM cipher per thread initialised again for each value:
     * looking the algorithms up in the providers and keying the HMAC on every call was a tenth of a
     * registration's CPU (the cipher gets a fresh IV at every {@code init}, as before).
     */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(PersonalDataCipher::newCipher);

    /** One key, version 1, and the hash key (tests and tools). */
    public PersonalDataCipher(String key, String hashKey) {
        this(key, 1, "", hashKey);
    }

    @Autowired
    public PersonalDataCipher(@Value("${leye.crypto.key:}") String key,
            @Value("${leye.crypto.key-version:1}") int version,
            @Value("${leye.crypto.previous-keys:}") String previousKeys,
            @Value("${leye.crypto.hash-key:}") String hashKey) {
        if (version < 1) {
            throw new IllegalStateException("leye.crypto.key-version (LEYE_CRYPTO_KEY_VERSION) must be 1 or more");
        }
        this.version = version;
        keys.put(version, aesKey(decodeKey(key, "leye.crypto.key", "LEYE_CRYPTO_KEY")));
        for (String previous : previousKeys == null ? new String[0] : previousKeys.split(",")) {
            if (previous.isBlank()) {
                continue;
            }
            int colon = previous.indexOf(':');
            int previousVersion;
            try {
                previousVersion = colon < 0 ? -1 : Integer.parseInt(previous.substring(0, colon).strip());
            } catch (NumberFormatException e) {
                previousVersion = -1;
            }
            if (previousVersion < 1 || previousVersion == version) {
                throw new IllegalStateException("leye.crypto.previous-keys (LEYE_CRYPTO_PREVIOUS_KEYS) is a list of"
                        + " version:base64-key, each version 1 or more and other than leye.crypto.key-version");
            }
            keys.put(previousVersion, aesKey(decodeKey(previous.substring(colon + 1), "leye.crypto.previous-keys",
                    "LEYE_CRYPTO_PREVIOUS_KEYS")));
        }
        byte[] hashKeyBytes = decodeKey(hashKey, "leye.crypto.hash-key", "LEYE_HASH_KEY");
        this.hmacKey = new SecretKeySpec(hashKeyBytes, HMAC);
        Arrays.fill(hashKeyBytes, (byte) 0);
        // fail now rather than at the first request if the JCE lacks something
        decrypt(encrypt("self-test", "self-test"), "self-test");
        hash("self-test");
    }

    /** The version of the key that new values are encrypted under. */
    public int version() {
        return version;
    }

    /** Encrypts a value for the column named; null in, null out. */
    public String encrypt(String plain, String column) {
        if (plain == null) {
            return null;
        }
        byte[] sealed = seal(plain.getBytes(StandardCharsets.UTF_8), column);
        return "v" + version + ":" + Base64.getEncoder().encodeToString(sealed);
    }

    /**
     * Reverses {@link #encrypt(String, String)} for the same column. Null in, null out.
     *
     * @throws IllegalArgumentException when the value is not one of ours, was altered, belongs to
     *     another column, or was encrypted under a key this instance does not have
     */
    public String decrypt(String encrypted, String column) {
        if (encrypted == null) {
            return null;
        }
        int colon = encrypted.indexOf(':');
        int valueVersion = colon < 2 || encrypted.charAt(0) != 'v' ? -1 : parseVersion(encrypted.substring(1, colon));
        if (valueVersion < 1) {
            throw new IllegalArgumentException("cannot decrypt personal data: no key version");
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(encrypted.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot decrypt personal data: not base64", e);
        }
        return new String(open(in, keyOf(valueVersion), column), StandardCharsets.UTF_8);
    }

    /** Encrypts bytes (a hand-over file's chunk) for the context named: {@code v<version>:} then the sealed bytes. */
    public byte[] encrypt(byte[] plain, String context) {
        byte[] header = ("v" + version + ":").getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = seal(plain, context);
        byte[] out = Arrays.copyOf(header, header.length + sealed.length);
        System.arraycopy(sealed, 0, out, header.length, sealed.length);
        return out;
    }

    /** Reverses {@link #encrypt(byte[], String)} for the same context. */
    public byte[] decrypt(byte[] encrypted, String context) {
        int colon = -1;
        for (int i = 1; i < Math.min(encrypted.length, 12); i++) {
            if (encrypted[i] == ':') {
                colon = i;
                break;
            }
        }
        int valueVersion = colon < 2 || encrypted[0] != 'v' ? -1
                : parseVersion(new String(encrypted, 1, colon - 1, StandardCharsets.US_ASCII));
        if (valueVersion < 1) {
            throw new IllegalArgumentException("cannot decrypt personal data: no key version");
        }
        return open(Arrays.copyOfRange(encrypted, colon + 1, encrypted.length), keyOf(valueVersion), context);
    }

    /** Whether a stored value is encrypted under the current key (a rotation leaves such values alone). */
    public boolean current(String encrypted) {
        return encrypted != null && encrypted.startsWith("v" + version + ":");
    }

    /** Whether stored bytes are encrypted under the current key. */
    public boolean current(byte[] encrypted) {
        byte[] prefix = ("v" + version + ":").getBytes(StandardCharsets.US_ASCII);
        return encrypted != null && encrypted.length > prefix.length
                && Arrays.equals(encrypted, 0, prefix.length, prefix, 0, prefix.length);
    }

    /**
     * A value written before values carried their key version and column (db/V22_1 only): plain
     * {@code base64(iv || ciphertext || tag)} without associated data, under any key this
     * instance has.
     */
    public String decryptUnversioned(String encrypted) {
        byte[] in;
        try {
            in = Base64.getDecoder().decode(encrypted);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot decrypt personal data: not base64", e);
        }
        IllegalArgumentException last = null;
        for (SecretKeySpec key : keys.values()) {
            try {
                return new String(open(in, key, null), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                last = e;
            }
        }
        throw last;
    }

    /** HMAC-SHA256 of the UTF-8 bytes, lower-case hex (64 characters). Null in, null out. */
    public String hash(String value) {
        if (value == null) {
            return null;
        }
        return HexFormat.of().formatHex(macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(hmacKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot hash personal data", e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt personal data", e);
        }
    }

    private byte[] seal(byte[] plain, String context) {
        try {
            byte[] iv = new byte[IV_LENGTH];
            random.nextBytes(iv);
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(version), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(context));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[IV_LENGTH + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_LENGTH);
            System.arraycopy(sealed, 0, out, IV_LENGTH, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt personal data", e);
        }
    }

    private static byte[] open(byte[] in, SecretKeySpec key, String context) {
        if (in.length < IV_LENGTH + TAG_BITS / 8) {
            throw new IllegalArgumentException("cannot decrypt personal data: value too short");
        }
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_LENGTH));
            if (context != null) {
                cipher.updateAAD(associatedData(context));
            }
            return cipher.doFinal(in, IV_LENGTH, in.length - IV_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "cannot decrypt personal data: altered, stored in another column, or encrypted under another key", e);
        }
    }

    private static byte[] associatedData(String context) {
        if (context == null || context.isBlank()) {
            throw new IllegalArgumentException("personal data is encrypted for a named column");
        }
        return context.getBytes(StandardCharsets.UTF_8);
    }

    private SecretKeySpec keyOf(int valueVersion) {
        SecretKeySpec key = keys.get(valueVersion);
        if (key == null) {
            throw new IllegalArgumentException("cannot decrypt personal data: key version " + valueVersion
                    + " is not configured (leye.crypto.previous-keys)");
        }
        return key;
    }

    private static int parseVersion(String digits) {
        if (digits.isEmpty() || digits.length() > 9) {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(digits);
    }

    private static SecretKeySpec aesKey(byte[] keyBytes) {
        try {
            return new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(keyBytes), "AES");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
    }

    private static byte[] decodeKey(String base64, String property, String variable) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(property + " is not set: configure " + variable
                    + " with a base64 key (for example the output of `openssl rand -base64 32`);"
                    + " personal data cannot be stored without it");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " (" + variable + ") is not valid base64", e);
        }
        if (bytes.length < MIN_KEY_BYTES) {
            int length = bytes.length;
            Arrays.fill(bytes, (byte) 0);
            throw new IllegalStateException(property + " (" + variable + ") decodes to " + length
                    + " bytes; at least " + MIN_KEY_BYTES + " are required (`openssl rand -base64 32`)");
        }
        return bytes;
    }
}
