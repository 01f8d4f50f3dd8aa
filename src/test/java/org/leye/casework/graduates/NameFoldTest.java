package org.leye.casework.graduates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameFoldTest {

    @Test
    void traditionalAndSimplifiedNamesFoldAlike() {
        assertThat(NameFold.of("陳偉強")).isEqualTo(NameFold.of("陈伟强")).isEqualTo("陈伟强");
        assertThat(NameFold.of("歐陽麗華")).isEqualTo("欧阳丽华");
        assertThat(NameFold.of(" 黃 嘉 慧 ")).isEqualTo("黄嘉慧");
        assertThat(NameFold.of("阿卜杜·热合曼")).isEqualTo("阿卜杜热合曼");
        assertThat(NameFold.of("王伟")).isNotEqualTo(NameFold.of("汪伟"));
    }

    @Test
    void idNumbersApartCountsASwapAsOne() {
        assertThat(DuplicateFinder.distance("440703199901011234", "440703199901011234")).isZero();
        assertThat(DuplicateFinder.distance("440703199901011234", "440703199901011284")).isEqualTo(1);
        assertThat(DuplicateFinder.distance("440703199901011234", "440703199901012134")).isEqualTo(1);
        assertThat(DuplicateFinder.distance("440703199901011234", "440703199901012135")).isEqualTo(2);
        assertThat(DuplicateFinder.distance("440703199901011234", "440781199901019999")).isGreaterThan(2);
    }
}
