package org.leye.casework.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdNumbersInTextTest {

    @Test
    void anIdNumberQuotedInANoteIsMasked() {
        assertThat(IdNumbersInText.mask("已核对身份证 44070320010815123X，本人同意"))
                .isEqualTo("已核对身份证 440703********123X，本人同意");
        assertThat(IdNumbersInText.mask("id 440703200108151237 and 440781199912310021"))
                .isEqualTo("id 440703********1237 and 440781********0021");
    }

    @Test
    void shortenedAndFullWidthAndFirstGenerationNumbersAreMaskedToo() {
        assertThat(IdNumbersInText.mask("Excel 存成 412295199609241000")).isEqualTo("Excel 存成 412295********1000");
        assertThat(IdNumbersInText.mask("旧号 440703800815123")).isEqualTo("旧号 440703*****5123");
        assertThat(IdNumbersInText.mask("４４０７０３２００１０８１５１２３ｘ")).isEqualTo("４４０７０３********１２３ｘ");
    }

    @Test
    void phonesDatesAndOtherNumbersAreLeftAlone() {
        String text = "电话 13912345678，2026-12-04 面谈，编号 JM-2023-000123，薪资 4500 元，卡号 6222020200112233445566";
        assertThat(IdNumbersInText.mask(text)).isEqualTo(text);
        assertThat(IdNumbersInText.mask(null)).isNull();
    }
}
