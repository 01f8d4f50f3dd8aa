package org.leye.casework.graduates;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhonesTest {

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "13912345678", "15012345678", "16612345678", "17712345678",
        "18812345678", "19912345678"})
    void validMobile(String phone) {
        assertThat(Phones.isValid(Phones.normalize(phone))).isTrue();
        assertThat(Phones.isMobile(Phones.normalize(phone))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "138001380001",   // 12 digits
        "1380013800",     // 10 digits
        "12800138000",    // starts 12
        "11800138000",    // starts 11
        "10800138000",    // starts 10
        "23800138000",    // starts 2
        "1380013800a",
        "",
        "0750-312345",    // landline, 6 digits
        "0750-312345678", // landline, 9 digits
        "750-3123456",    // area code without its 0
        "07-3123456",
    })
    void invalid(String phone) {
        assertThat(Phones.isValid(Phones.normalize(phone))).isFalse();
    }

    @Test
    void fullWidthDigitsAndSpacesAreNormalized() {
        assertThat(Phones.normalize("１３８００１３８０００")).isEqualTo("13800138000");
        assertThat(Phones.normalize(" 138 0013 8000\u3000")).isEqualTo("13800138000");
        assertThat(Phones.normalize("138-0013-8000")).isEqualTo("13800138000");
        assertThat(Phones.normalize("+86 138 0013 8000")).isEqualTo("13800138000");
        assertThat(Phones.normalize("０７５０－３１２３４５６")).isEqualTo("0750-3123456");
        assertThat(Phones.normalize("（0750）3123456")).isEqualTo("0750-3123456");
        assertThat(Phones.isValid(Phones.normalize("１３８００１３８０００"))).isTrue();
        assertThat(Phones.isValid("１３８００１３８０００")).isFalse(); // isValid takes the normalised form
        assertThat(Phones.normalize(null)).isNull();
        assertThat(Phones.isValid(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0750-3123456", "07503123456", "020-12345678", "02012345678", "010-1234567",
        "0750 3123456", "0750-31234567"})
    void landlineWithAreaCode(String phone) {
        String n = Phones.normalize(phone);
        assertThat(Phones.isValid(n)).as(n).isTrue();
        assertThat(Phones.isMobile(n)).isFalse();
    }

    @Test
    void landlineWithoutAreaCodeIsRejected() {
        assertThat(Phones.isValid(Phones.normalize("3123456"))).isFalse();
        assertThat(Phones.isValid(Phones.normalize("31234567"))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "13812345678,     138****5678",
        "１３８１２３４５６７８, 138****5678",
        "138-1234-5678,   138****5678",
        "0750-3123456,    0750-*****56",
        "07503123456,     0750*****56",
        "020-12345678,    020-******78",
        "02012345678,     020******78",
        "010-1234567,     010-*****67",
        "12345,           ***45",
        "123,             ***",
    })
    void masks(String phone, String masked) {
        assertThat(Phones.mask(phone)).isEqualTo(masked);
    }

    @Test
    void maskKeepsNull() {
        assertThat(Phones.mask(null)).isNull();
    }

    record Form(@Phone String phone) {
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"13800138000", "１３８ ００１３ ８０００", "0750-3123456"})
    void constraintAcceptsNullAndValidNumbers(String phone) {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            assertThat(factory.getValidator().validate(new Form(phone))).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"12800138000", "138001380001", "3123456", ""})
    void constraintRejectsInvalidNumbers(String phone) {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Set<ConstraintViolation<Form>> violations = factory.getValidator().validate(new Form(phone));
            assertThat(violations).hasSize(1);
            assertThat(violations.iterator().next().getMessageTemplate()).isEqualTo("{leye.validation.phone}");
        }
    }
}
