package org.leye.casework.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Personal data at rest (ID numbers, phone numbers): AES-256-GCM encryption for storage and a
 * keyed HMAC-SHA256 hash for exact look-up (finding a graduate by ID number without decrypting
 * every row).
 *
 * <ul>
 *   <li>{@link #encrypt}: a fresh random 12-byte IV per call; the result is
 *       {@code base64(iv || ciphertext || 16-byte tag)}: 64 characters for an 18-character ID
 *       number, and within a VARCHAR(255) for any value up to 161 UTF-8 bytes (53 Chinese characters).</li>
 *   <li>{@link #hash}: lower-case hex, 64 characters; the same value always gives the same hash
 *       under the same hash key. Normalise the value first ({@code ResidentIds.normalize}).</li>
 * </ul>
 *
 * <p>Keys come from {@code leye.crypto.key} and {@code leye.crypto.hash-key}
 * ({@code LEYE_CRYPTO_KEY}, {@code LEYE_HASH_KEY}), both base64. The AES key is the SHA-256 of
 * the decoded key bytes; the HMAC key is the decoded hash-key bytes. Start-up fails when either
 * is missing. Thread-safe.
 */
@Component
public class PersonalDataCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec aesKey;
    private final SecretKeySpec hmacKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(@Value("${leye.crypto.key:}") String key,
                              @Value("${leye.crypto.hash-key:}") String hashKey) {
        byte[] keyBytes = decodeKey(key, "leye.crypto.key", "LEYE_CRYPTO_KEY");
        byte[] hashKeyBytes = decodeKey(hashKey, "leye.crypto.hash-key", "LEYE_HASH_KEY");
        this.aesKey = new SecretKeySpec(sha256(keyBytes), "AES");
        this.hmacKey = new SecretKeySpec(hashKeyBytes, HMAC);
        Arrays.fill(keyBytes, (byte) 0);
        Arrays.fill(hashKeyBytes, (byte) 0);
        // fail now rather than at the first request if the JCE lacks something
        decrypt(encrypt("self-test"));
        hash("self-test");
    }

    /** AES-256-GCM with a random IV; {@code base64(iv || ciphertext)}. Null in, null out. */
    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_LENGTH];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_LENGTH + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_LENGTH);
            System.arraycopy(sealed, 0, out, IV_LENGTH, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt personal data", e);
        }
    }

    /**
     * Reverses {@link #encrypt}. Null in, null out.
     *
     * @throws IllegalArgumentException when the value is not base64, too short, was altered, or
     *     was encrypted under another key
     */
    public String decrypt(String encrypted) {
        if (encrypted == null) {
            return null;
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(encrypted);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot decrypt personal data: not base64", e);
        }
        if (in.length < IV_LENGTH + TAG_BITS / 8) {
            throw new IllegalArgumentException("cannot decrypt personal data: value too short");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BITS, in, 0, IV_LENGTH));
            byte[] plain = cipher.doFinal(in, IV_LENGTH, in.length - IV_LENGTH);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "cannot decrypt personal data: altered, or encrypted under another key", e);
        }
    }

    /** HMAC-SHA256 of the UTF-8 bytes, lower-case hex (64 characters). Null in, null out. */
    public String hash(String value) {
        if (value == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(hmacKey);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot hash personal data", e);
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
        if (bytes.length == 0) {
            throw new IllegalStateException(property + " (" + variable + ") decodes to no bytes");
        }
        return bytes;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
