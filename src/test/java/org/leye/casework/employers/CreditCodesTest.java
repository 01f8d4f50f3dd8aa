package org.leye.casework.employers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The check character of GB 32100-2015. */
class CreditCodesTest {

    /** The standard's own example code. */
    static final String VALID = "91350100M000100Y43";

    @Test
    void theStandardsExampleIsValidAndAnyOneCharacterChangedIsNot() {
        assertThat(CreditCodes.isValid(VALID)).isTrue();
        assertThat(CreditCodes.isValid("91350100M000100Y44")).isFalse();
        assertThat(CreditCodes.isValid("91350100M000100X43")).isFalse();
        for (int i = 0; i < 17; i++) {
            char other = VALID.charAt(i) == '1' ? '2' : '1';
            String changed = VALID.substring(0, i) + other + VALID.substring(i + 1);
            assertThat(CreditCodes.isValid(changed)).as(changed).isFalse();
        }
    }

    @Test
    void aCheckValueOf31IsTheCharacter0AndTheFormatStillCounts() {
        // sum of the weighted values = 0 (mod 31): 31 - 0 = 31, written 0
        assertThat(CreditCodes.checkCharacter("00000000000000000")).isEqualTo('0');
        assertThat(CreditCodes.isValid("000000000000000000")).isTrue();
        assertThat(CreditCodes.isValid("91350100M000100Y4")).isFalse();
        assertThat(CreditCodes.isValid("9135010OM000100Y43")).as("O is not of the charset").isFalse();
        assertThat(CreditCodes.isValid(null)).isFalse();
    }

    /** A valid code that no other test run has used: 17 characters of the charset from the tag, and its check. */
    static String unique(String tag) {
        String body = "91440703" + String.format("%09d", Long.parseLong(tag, 36) % 1_000_000_000L);
        return body + CreditCodes.checkCharacter(body);
    }
}
