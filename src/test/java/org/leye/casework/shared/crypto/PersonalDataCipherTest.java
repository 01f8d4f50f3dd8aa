package org.leye.casework.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataCipherTest {

    static final String KEY = b64("test-only-key-for-personal-data!");
    static final String HASH_KEY = b64("test-only-hash-key-for-lookups!!");
    static final String ID = "graduate.id_number";
    static final String PHONE = "graduate.phone";

    final PersonalDataCipher cipher = new PersonalDataCipher(KEY, HASH_KEY);

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void roundTripCarriesTheKeyVersion() {
        String enc = cipher.encrypt("440703200108151237", ID);
        assertThat(enc).startsWith("v1:").doesNotContain("440703");
        assertThat(cipher.decrypt(enc, ID)).isEqualTo("440703200108151237");
        // "v1:" + base64(12-byte IV + 18 bytes + 16-byte tag = 46 bytes = 64 characters)
        assertThat(enc).hasSize(67);
        assertThat(cipher.decrypt(cipher.encrypt("", ID), ID)).isEmpty();
    }

    @Test
    void chineseTextRoundTrips() {
        String text = "广东省江门市蓬江区 陈小明 (困难家庭) 𠀀";
        assertThat(cipher.decrypt(cipher.encrypt(text, "handover_row.cells"), "handover_row.cells")).isEqualTo(text);
    }

    @Test
    void fitsVarchar255ForShortValues() {
        // "v1:" + 12-byte IV + 159 bytes + 16-byte tag = 187 bytes = 252 base64 characters
        assertThat(cipher.encrypt("x".repeat(159), ID)).hasSize(255);
        assertThat(cipher.encrypt("江".repeat(53), ID)).hasSizeLessThanOrEqualTo(255); // 159 bytes
        assertThat(cipher.encrypt("x".repeat(162), ID)).hasSizeGreaterThan(255);
    }

    @Test
    void twoEncryptionsOfTheSameValueDiffer() {
        String a = cipher.encrypt("13800138000", PHONE);
        String b = cipher.encrypt("13800138000", PHONE);
        assertThat(a).isNotEqualTo(b);
        assertThat(cipher.decrypt(a, PHONE)).isEqualTo(cipher.decrypt(b, PHONE)).isEqualTo("13800138000");
    }

    @Test
    void anotherInstanceWithTheSameKeysDecrypts() {
        PersonalDataCipher other = new PersonalDataCipher(KEY, HASH_KEY);
        assertThat(other.decrypt(cipher.encrypt("13800138000", PHONE), PHONE)).isEqualTo("13800138000");
    }

    @Test
    void aValueCopiedIntoAnotherColumnDoesNotDecrypt() {
        String phone = cipher.encrypt("13800138000", PHONE);
        assertThatThrownBy(() -> cipher.decrypt(phone, ID)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another column");
        byte[] chunk = cipher.encrypt("姓名,身份证号".getBytes(StandardCharsets.UTF_8), "handover_chunk.data:7:0");
        assertThatThrownBy(() -> cipher.decrypt(chunk, "handover_chunk.data:7:1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new String(cipher.decrypt(chunk, "handover_chunk.data:7:0"), StandardCharsets.UTF_8))
                .isEqualTo("姓名,身份证号");
    }

    @Test
    void anotherKeyCannotDecrypt() {
        PersonalDataCipher other = new PersonalDataCipher(b64("another-key-another-key-another!!"), HASH_KEY);
        String enc = cipher.encrypt("13800138000", PHONE);
        assertThatThrownBy(() -> other.decrypt(enc, PHONE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRotatedCipherReadsTheEarlierVersionAndWritesItsOwn() {
        String newKey = b64("the-second-key-of-the-bureau-2027");
        PersonalDataCipher rotated = new PersonalDataCipher(newKey, 2, "1:" + KEY, HASH_KEY);
        String old = cipher.encrypt("440703200108151237", ID);

        assertThat(rotated.decrypt(old, ID)).isEqualTo("440703200108151237");
        assertThat(rotated.current(old)).isFalse();
        String again = rotated.encrypt("440703200108151237", ID);
        assertThat(again).startsWith("v2:");
        assertThat(rotated.current(again)).isTrue();
        // once the rotation is done, the old key is dropped: version 2 alone reads version 2 only
        PersonalDataCipher after = new PersonalDataCipher(newKey, 2, "", HASH_KEY);
        assertThat(after.decrypt(again, ID)).isEqualTo("440703200108151237");
        assertThatThrownBy(() -> after.decrypt(old, ID)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key version 1");
        assertThatThrownBy(() -> cipher.decrypt(again, ID)).hasMessageContaining("key version 2");
    }

    @Test
    void valuesWrittenBeforeVersionsAreReadOnlyByTheMigration() throws Exception {
        // the form of V21 and before: base64(iv || ciphertext || tag), AES key = SHA-256 of the key, no associated data
        byte[] aes = java.security.MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(KEY));
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] iv = HexFormat.of().parseHex("000102030405060708090a0b");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aes, "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = gcm.doFinal("13800138000".getBytes(StandardCharsets.UTF_8));
        byte[] all = new byte[iv.length + sealed.length];
        System.arraycopy(iv, 0, all, 0, iv.length);
        System.arraycopy(sealed, 0, all, iv.length, sealed.length);
        String legacy = Base64.getEncoder().encodeToString(all);

        assertThat(cipher.decryptUnversioned(legacy)).isEqualTo("13800138000");
        assertThatThrownBy(() -> cipher.decrypt(legacy, PHONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no key version");
        assertThat(StoredValues.decrypt(cipher, legacy, PHONE)).isEqualTo("13800138000");
        assertThat(StoredValues.encrypted("fixture")).isFalse();
        assertThat(StoredValues.decrypt(cipher, "bench", PHONE)).isNull();
    }

    @Test
    void hashIsStableKeyedAndHex() {
        String h = cipher.hash("440703200108151237");
        assertThat(h).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(cipher.hash("440703200108151237")).isEqualTo(h);
        assertThat(new PersonalDataCipher(KEY, HASH_KEY).hash("440703200108151237")).isEqualTo(h);
        assertThat(cipher.hash("440703200108151238")).isNotEqualTo(h);
        // a different hash key gives a different hash; the encryption key plays no part
        assertThat(new PersonalDataCipher(KEY, b64("another-hash-key-another-hash-key")).hash("440703200108151237"))
                .isNotEqualTo(h);
        assertThat(new PersonalDataCipher(b64("another-key-another-key-another!!"), HASH_KEY)
                .hash("440703200108151237")).isEqualTo(h);
    }

    @Test
    void hashIsHmacSha256() {
        // RFC 4231 test case 6: a 131-byte key of 0xaa, "Test Using Larger Than Block-Size Key - Hash Key First"
        byte[] key = new byte[131];
        java.util.Arrays.fill(key, (byte) 0xaa);
        PersonalDataCipher rfc = new PersonalDataCipher(KEY, Base64.getEncoder().encodeToString(key));
        assertThat(rfc.hash("Test Using Larger Than Block-Size Key - Hash Key First"))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    @Test
    void tamperedCiphertextFails() {
        String enc = cipher.encrypt("440703200108151237", ID);
        byte[] bytes = Base64.getDecoder().decode(enc.substring(3));
        for (int i = 0; i < bytes.length; i++) {
            byte[] copy = bytes.clone();
            copy[i] ^= 0x01;
            String tampered = "v1:" + Base64.getEncoder().encodeToString(copy);
            assertThatThrownBy(() -> cipher.decrypt(tampered, ID)).as("byte %d", i)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> cipher.decrypt("v1:not base64 !", ID)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:AAAA", ID)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt("vx:AAAA", ID)).isInstanceOf(IllegalArgumentException.class);
        String truncated = "v1:" + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, bytes.length - 1));
        assertThatThrownBy(() -> cipher.decrypt(truncated, ID)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullInNullOut() {
        assertThat(cipher.encrypt((String) null, ID)).isNull();
        assertThat(cipher.decrypt((String) null, ID)).isNull();
        assertThat(cipher.hash(null)).isNull();
    }

    @Test
    void aColumnMustBeNamed() {
        assertThatThrownBy(() -> cipher.encrypt("13800138000", " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missingKeysFailFastWithAClearMessage(String blank) {
        assertThatThrownBy(() -> new PersonalDataCipher(blank, HASH_KEY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("leye.crypto.key").hasMessageContaining("LEYE_CRYPTO_KEY");
        assertThatThrownBy(() -> new PersonalDataCipher(KEY, blank))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("leye.crypto.hash-key").hasMessageContaining("LEYE_HASH_KEY");
    }

    @Test
    void keysShorterThan32BytesAreRefused() {
        assertThatThrownBy(() -> new PersonalDataCipher(b64("thirty-one-bytes-of-key-material".substring(1)), HASH_KEY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("31 bytes")
                .hasMessageContaining("at least 32");
        assertThatThrownBy(() -> new PersonalDataCipher(KEY, b64("Jefe")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("LEYE_HASH_KEY");
        assertThatThrownBy(() -> new PersonalDataCipher(KEY, 2, "1:" + b64("short"), HASH_KEY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("LEYE_CRYPTO_PREVIOUS_KEYS");
        assertThatThrownBy(() -> new PersonalDataCipher(KEY, 2, "2:" + KEY, HASH_KEY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("other than");
    }

    @Test
    void keysThatAreNotBase64FailFast() {
        assertThatThrownBy(() -> new PersonalDataCipher("not base64!", HASH_KEY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("base64");
    }
}
