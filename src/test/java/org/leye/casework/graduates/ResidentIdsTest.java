package org.leye.casework.graduates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every number here is real-shaped and its check character was computed with the GB 11643-1999
 * weights (the test {@link #checkDigitsOfTheFixtures} recomputes them), so a case fails for the
 * one reason its name gives.
 */
class ResidentIdsTest {

    /** 江门蓬江, born 2001-08-15, sequence 123 (male). */
    static final String VALID = "440703200108151237";
    /** Check character X, 江门蓬江, born 2001-08-15, sequence 004 (female). */
    static final String VALID_X = "44070320010815004X";
    /** Feb 29 of a leap year. */
    static final String LEAP_DAY_2000 = "440703200002290028";
    /** 江门台山, born 1999-12-31, sequence 003 (male). */
    static final String TAISHAN_1999 = "440781199912310036";

    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    @Test
    void checkDigitsOfTheFixtures() {
        assertThat(ResidentIds.checkDigit("44070320010815123")).isEqualTo("7");
        assertThat(ResidentIds.checkDigit("44070320010815004")).isEqualTo("X");
        assertThat(ResidentIds.checkDigit("44070320000229002")).isEqualTo("8");
        assertThat(ResidentIds.checkDigit("44070320000230002")).isEqualTo("X");
        assertThat(ResidentIds.checkDigit("44070320010229002")).isEqualTo("5");
        assertThat(ResidentIds.checkDigit("44070320990101002")).isEqualTo("7");
        assertThat(ResidentIds.checkDigit("11010518991231001")).isEqualTo("5");
        assertThat(ResidentIds.checkDigit("44078119991231003")).isEqualTo("6");
    }

    @Test
    void checkDigitRejectsBadInput() {
        assertThatThrownBy(() -> ResidentIds.checkDigit("4407032001081512")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResidentIds.checkDigit("4407032001081512A")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResidentIds.checkDigit(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {VALID, VALID_X, LEAP_DAY_2000, TAISHAN_1999})
    void validNumbers(String id) {
        assertThat(ResidentIds.isValid(id)).isTrue();
        assertThat(ResidentIds.isValid(id, TODAY)).isTrue();
    }

    @Test
    void wrongCheckDigit() {
        assertThat(ResidentIds.isValid("440703200108151238")).isFalse();
        assertThat(ResidentIds.isValid("44070320010815123X")).isFalse();
    }

    @Test
    void impossibleDateFeb30() {
        // check character correct for the 17 digits: only the date is wrong
        assertThat(ResidentIds.isValid("44070320000230002X")).isFalse();
    }

    @Test
    void feb29InANonLeapYear() {
        assertThat(ResidentIds.isValid("440703200102290025")).isFalse();
        assertThat(ResidentIds.isValid(LEAP_DAY_2000)).isTrue();
    }

    @Test
    void futureBirthDate() {
        assertThat(ResidentIds.isValid("440703209901010027")).isFalse();
        // born the day after "today"; valid once that day has come
        String first17 = "44070320250602" + "002";
        String id = first17 + ResidentIds.checkDigit(first17);
        assertThat(ResidentIds.isValid(id, TODAY)).isFalse();
        assertThat(ResidentIds.isValid(id, TODAY.plusDays(1))).isTrue();
    }

    @Test
    void bornBefore1900() {
        assertThat(ResidentIds.isValid("110105189912310015")).isFalse();
    }

    @Test
    void unknownProvinceCode() {
        String first17 = "99070320010815123";
        assertThat(ResidentIds.isValid(first17 + ResidentIds.checkDigit(first17))).isFalse();
        String first17b = "00070320010815123";
        assertThat(ResidentIds.isValid(first17b + ResidentIds.checkDigit(first17b))).isFalse();
    }

    @Test
    void oldFifteenDigitFormIsRejected() {
        // 15-digit form: area, yyMMdd, sequence; no check character
        assertThat(ResidentIds.isValid("440703010815123")).isFalse();
        assertThat(ResidentIds.isValid(ResidentIds.normalize(" 440703010815123 "))).isFalse();
    }

    @Test
    void lowerCaseXIsAcceptedAfterNormalize() {
        String raw = "44070320010815004x";
        assertThat(ResidentIds.isValid(raw)).isFalse();
        assertThat(ResidentIds.normalize(raw)).isEqualTo(VALID_X);
        assertThat(ResidentIds.isValid(ResidentIds.normalize(raw))).isTrue();
        assertThat(ResidentIds.normalize("44070320010815004ｘ")).isEqualTo(VALID_X);
        assertThat(ResidentIds.normalize("44070320010815004Ｘ")).isEqualTo(VALID_X);
    }

    @Test
    void fullWidthDigitsAreAcceptedAfterNormalize() {
        String raw = "４４０７０３２００１０８１５１２３７";
        assertThat(ResidentIds.isValid(raw)).isFalse();
        assertThat(ResidentIds.normalize(raw)).isEqualTo(VALID);
        assertThat(ResidentIds.isValid(ResidentIds.normalize(raw))).isTrue();
        assertThat(ResidentIds.normalize("４４０７０３２００１０８１５００４ｘ")).isEqualTo(VALID_X);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        " 440703200108151237 ",
        "\u3000440703200108151237\u3000",
        "\u00A0440703200108151237\u00A0",
        "\t440703200108151237\n",
        "440703 20010815 1237",
        "440703\u300020010815\u30001237",
    })
    void spacesAreRemovedByNormalize(String raw) {
        assertThat(ResidentIds.normalize(raw)).isEqualTo(VALID);
        assertThat(ResidentIds.isValid(ResidentIds.normalize(raw))).isTrue();
    }

    @Test
    void normalizeKeepsNull() {
        assertThat(ResidentIds.normalize(null)).isNull();
        assertThat(ResidentIds.isValid(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "44070320010815A237",   // letter inside
        "4407O3200108151237",   // letter O for zero
        "X40703200108151237",   // X not at the end
        "44070320010815123Y",   // other letter at the end
        "440703-20010815-1237", // separators
        "",
    })
    void lettersAndOtherCharacters(String id) {
        assertThat(ResidentIds.isValid(ResidentIds.normalize(id))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"44070320010815123", "4407032001081512370", "44070320010815123 7 0"})
    void seventeenOrNineteenCharacters(String id) {
        assertThat(ResidentIds.isValid(ResidentIds.normalize(id))).isFalse();
    }

    @Test
    void birthDateAndGender() {
        assertThat(ResidentIds.birthDate(VALID)).isEqualTo(LocalDate.of(2001, 8, 15));
        assertThat(ResidentIds.gender(VALID)).isEqualTo(Gender.MALE);     // 17th digit 3
        assertThat(ResidentIds.gender(VALID_X)).isEqualTo(Gender.FEMALE); // 17th digit 4
        assertThat(ResidentIds.birthDate("４４０７０３２００１０８１５００４ｘ")).isEqualTo(LocalDate.of(2001, 8, 15));
        assertThat(ResidentIds.birthDate(TAISHAN_1999)).isEqualTo(LocalDate.of(1999, 12, 31));
        assertThatThrownBy(() -> ResidentIds.birthDate("440703010815123")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResidentIds.birthDate("44070320000230002X")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResidentIds.gender(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mask() {
        assertThat(ResidentIds.mask(VALID)).isEqualTo("440703********1237");
        assertThat(ResidentIds.mask("44070320010815004x")).isEqualTo("440703********004X");
        assertThat(ResidentIds.mask(null)).isNull();
        assertThat(ResidentIds.mask("12345")).isEqualTo("*****");
    }

    // ----- property-style tests, seeded so that a failure can be reproduced

    @Test
    void syntheticNumbersAreValidAndCarryTheirBirthDateAndGender() {
        Random rnd = new Random(20250601L);
        for (int i = 0; i < 1000; i++) {
            String area = SyntheticResidentIds.JIANGMEN_AREA_CODES.get(rnd.nextInt(7));
            LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(rnd.nextInt(365 * 60));
            Gender g = rnd.nextBoolean() ? Gender.MALE : Gender.FEMALE;
            String id = SyntheticResidentIds.next(rnd, area, birth, g);
            assertThat(ResidentIds.isValid(id)).as(id).isTrue();
            assertThat(id).startsWith(area);
            assertThat(ResidentIds.birthDate(id)).isEqualTo(birth);
            assertThat(ResidentIds.gender(id)).isEqualTo(g);
            assertThat(id.substring(14, 17)).isNotEqualTo("000");
        }
    }

    @Test
    void syntheticNumbersAreDeterministicForASeed() {
        String a = SyntheticResidentIds.next(new Random(7));
        String b = SyntheticResidentIds.next(new Random(7));
        assertThat(a).isEqualTo(b);
        assertThat(ResidentIds.isValid(a)).isTrue();
        assertThatThrownBy(() -> SyntheticResidentIds.next(new Random(1), "990703", LocalDate.of(2000, 1, 1), Gender.MALE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everySingleCharacterSubstitutionIsDetected() {
        Random rnd = new Random(42L);
        String alphabet = "0123456789X";
        int checked = 0;
        for (int i = 0; i < 1000; i++) {
            String id = SyntheticResidentIds.next(rnd);
            assertThat(ResidentIds.isValid(id)).as(id).isTrue();
            for (int pos = 0; pos < 18; pos++) {
                // X is a possible character only in the last position
                int choices = pos == 17 ? 11 : 10;
                for (int k = 0; k < choices; k++) {
                    char c = alphabet.charAt(k);
                    if (c == id.charAt(pos)) {
                        continue;
                    }
                    String changed = id.substring(0, pos) + c + id.substring(pos + 1);
                    assertThat(ResidentIds.isValid(changed)).as("%s -> %s", id, changed).isFalse();
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(1000 * (17 * 9 + 10));
    }

    // ----- the Bean Validation constraint

    record Form(@ResidentId String idNumber) {
    }

    static class Bean {
        @ResidentId
        String idNumber;

        Bean(String idNumber) {
            this.idNumber = idNumber;
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {VALID, "44070320010815004x", " ４４０７０３２００１０８１５１２３７ "})
    void constraintAcceptsNullAndValidNumbers(String value) {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();
            assertThat(validator.validate(new Form(value))).isEmpty();
            assertThat(validator.validate(new Bean(value))).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"440703200108151238", "440703010815123", "", "abc", "44070320000230002X"})
    void constraintRejectsInvalidNumbers(String value) {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();
            Set<ConstraintViolation<Form>> violations = validator.validate(new Form(value));
            assertThat(violations).hasSize(1);
            ConstraintViolation<Form> v = violations.iterator().next();
            assertThat(v.getPropertyPath()).hasToString("idNumber");
            assertThat(v.getMessageTemplate()).isEqualTo("{leye.validation.residentId}");
            assertThat(validator.validate(new Bean(value))).hasSize(1);
        }
    }

    @Test
    void constraintMessagesInChineseAndEnglish() {
        assertThat(messageIn(Locale.SIMPLIFIED_CHINESE)).isEqualTo("不是有效的18位居民身份证号码");
        assertThat(messageIn(Locale.CHINESE)).isEqualTo("不是有效的18位居民身份证号码");
        assertThat(messageIn(Locale.ENGLISH)).isEqualTo("is not a valid 18-character resident ID number");
    }

    private static String messageIn(Locale locale) {
        try (ValidatorFactory factory = Validation.byProvider(HibernateValidator.class).configure()
                .defaultLocale(locale).buildValidatorFactory()) {
            return factory.getValidator().validate(new Form("440703200108151238"))
                    .iterator().next().getMessage();
        }
    }
}
