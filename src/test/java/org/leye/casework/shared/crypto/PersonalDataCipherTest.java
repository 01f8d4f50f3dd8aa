package org.leye.casework.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataCipherTest {

    static final String KEY = b64("test-only-key-for-personal-data!");
    static final String HASH_KEY = b64("test-only-hash-key-for-lookups!!");

    final PersonalDataCipher cipher = new PersonalDataCipher(KEY, HASH_KEY);

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void roundTrip() {
        String enc = cipher.encrypt("440703200108151237");
        assertThat(enc).isNotEqualTo("440703200108151237").doesNotContain("440703");
        assertThat(cipher.decrypt(enc)).isEqualTo("440703200108151237");
        // 12-byte IV + 18 bytes + 16-byte tag = 46 bytes = 64 base64 characters
        assertThat(enc).hasSize(64);
        assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
    }

    @Test
    void chineseTextRoundTrips() {
        String text = "广东省江门市蓬江区 陈小明 (困难家庭) 𠀀";
        assertThat(cipher.decrypt(cipher.encrypt(text))).isEqualTo(text);
    }

    @Test
    void fitsVarchar255ForShortValues() {
        // 12-byte IV + 161 bytes + 16-byte tag = 189 bytes = 252 base64 characters
        assertThat(cipher.encrypt("x".repeat(161))).hasSize(252);
        assertThat(cipher.encrypt("江".repeat(53))).hasSizeLessThanOrEqualTo(255); // 159 bytes
        assertThat(cipher.encrypt("x".repeat(162))).hasSizeGreaterThan(255);
    }

    @Test
    void twoEncryptionsOfTheSameValueDiffer() {
        String a = cipher.encrypt("13800138000");
        String b = cipher.encrypt("13800138000");
        assertThat(a).isNotEqualTo(b);
        assertThat(cipher.decrypt(a)).isEqualTo(cipher.decrypt(b)).isEqualTo("13800138000");
    }

    @Test
    void anotherInstanceWithTheSameKeysDecrypts() {
        PersonalDataCipher other = new PersonalDataCipher(KEY, HASH_KEY);
        assertThat(other.decrypt(cipher.encrypt("13800138000"))).isEqualTo("13800138000");
    }

    @Test
    void anotherKeyCannotDecrypt() {
        PersonalDataCipher other = new PersonalDataCipher(b64("another-key"), HASH_KEY);
        String enc = cipher.encrypt("13800138000");
        assertThatThrownBy(() -> other.decrypt(enc)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hashIsStableKeyedAndHex() {
        String h = cipher.hash("440703200108151237");
        assertThat(h).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(cipher.hash("440703200108151237")).isEqualTo(h);
        assertThat(new PersonalDataCipher(KEY, HASH_KEY).hash("440703200108151237")).isEqualTo(h);
        assertThat(cipher.hash("440703200108151238")).isNotEqualTo(h);
        // a different hash key gives a different hash; the encryption key plays no part
        assertThat(new PersonalDataCipher(KEY, b64("another-hash-key")).hash("440703200108151237")).isNotEqualTo(h);
        assertThat(new PersonalDataCipher(b64("another-key"), HASH_KEY).hash("440703200108151237")).isEqualTo(h);
    }

    @Test
    void hashIsHmacSha256() throws Exception {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        PersonalDataCipher rfc = new PersonalDataCipher(KEY, b64("Jefe"));
        assertThat(rfc.hash("what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void tamperedCiphertextFails() {
        String enc = cipher.encrypt("440703200108151237");
        byte[] bytes = Base64.getDecoder().decode(enc);
        for (int i = 0; i < bytes.length; i++) {
            byte[] copy = bytes.clone();
            copy[i] ^= 0x01;
            String tampered = Base64.getEncoder().encodeToString(copy);
            assertThatThrownBy(() -> cipher.decrypt(tampered)).as("byte %d", i)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> cipher.decrypt("not base64 !")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt("AAAA")).isInstanceOf(IllegalArgumentException.class);
        String truncated = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, bytes.length - 1));
        assertThatThrownBy(() -> cipher.decrypt(truncated)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullInNullOut() {
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
        assertThat(cipher.hash(null)).isNull();
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
    void keysThatAreNotBase64FailFast() {
        assertThatThrownBy(() -> new PersonalDataCipher("not base64!", HASH_KEY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("base64");
    }
}
