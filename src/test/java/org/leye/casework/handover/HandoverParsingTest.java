package org.leye.casework.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.leye.casework.handover.HandoverFiles.HEADER_SIMPLIFIED;
import static org.leye.casework.handover.HandoverFiles.HEADER_TRADITIONAL;
import static org.leye.casework.handover.HandoverFiles.row;
import static org.leye.casework.handover.HandoverFiles.with;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leye.casework.graduates.Degree;
import org.leye.casework.graduates.Difficulty;
import org.leye.casework.graduates.Gender;
import org.leye.casework.handover.HandoverRowParser.ParsedRow;
import org.leye.casework.handover.HandoverRowParser.RowError;
import org.leye.casework.support.TestGraduates;

/** The readers and the row parser against generated files of the kinds universities send. */
class HandoverParsingTest {

    @TempDir
    Path dir;

    /** The header and parsed data rows of a file, as the runner sees them. */
    record Read(HandoverHeader header, List<ParsedRow> rows) {
    }

    Read read(byte[] content) throws IOException {
        Path file = dir.resolve("f" + TestGraduates.tag());
        Files.write(file, content);
        HandoverHeader[] header = new HandoverHeader[1];
        List<ParsedRow> rows = new ArrayList<>();
        HandoverFiles.read(file, (n, cells) -> {
            if (header[0] == null) {
                header[0] = HandoverHeader.recognise(n, cells).orElse(null);
            } else if (!HandoverRowParser.blank(cells)) {
                rows.add(HandoverRowParser.parse(n, cells, header[0]));
            }
            return true;
        });
        return new Read(header[0], rows);
    }

    @Test
    void gbkCsvInTraditionalScriptIsDetectedAndRead() throws IOException {
        String id = TestGraduates.idNumber("440703", Gender.FEMALE);
        List<String> r = with(with(row("陳曉彤", id), 4, "五邑大學"), 8, "蓬江區");
        Read read = read(HandoverFiles.csv(HEADER_TRADITIONAL, List.of(r), CsvSheetReader.GB18030, false));

        assertThat(read.header().missing()).isEmpty();
        ParsedRow parsed = read.rows().get(0);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rowNumber()).isEqualTo(2);
        assertThat(parsed.command().name()).isEqualTo("陳曉彤");
        assertThat(parsed.command().idNumber()).isEqualTo(id);
        assertThat(parsed.command().university()).isEqualTo("五邑大學");
        assertThat(parsed.command().district()).isEqualTo("蓬江區");
    }

    @Test
    void utf8CsvWithBomAndEnglishHeadersInAnyOrder() throws IOException {
        List<String> header = List.of("phone", "Name", "idNumber", "degree", "university", "graduationYear", "district");
        String id = TestGraduates.idNumber("440703", Gender.MALE);
        List<String> r = List.of("13800138000", "李明", id, "研究生", "WYU", "2023", "440703");
        Read read = read(HandoverFiles.csv(header, List.of(r), StandardCharsets.UTF_8, true));

        ParsedRow parsed = read.rows().get(0);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.command().name()).isEqualTo("李明");
        assertThat(parsed.command().degree()).isEqualTo(Degree.MASTER);
        // no willingness column: unconfirmed, not willing; the first contact establishes it
        assertThat(parsed.command().willingToWork()).isNull();
    }

    @Test
    void fullWidthDigitsSpacesTrailingBlanksAndSeveralDifficultiesAreNormalised() throws IOException {
        String id = TestGraduates.idNumber("440703", Gender.FEMALE);
        String fullWidthId = toFullWidth(id.substring(0, 17)) + (id.endsWith("X") ? "ｘ" : toFullWidth(id.substring(17)));
        List<String> r = row("  王芳\u3000", fullWidthId);
        r.set(3, "１３９ ００１３ ８０００ ");
        r.set(7, "２０２３ ");
        r.set(9, "低保家庭、残疾，脱贫家庭; 零就业家庭 其他");
        r.set(10, "");
        Read read = read(HandoverFiles.csv(HEADER_SIMPLIFIED, List.of(r), StandardCharsets.UTF_8, false));

        ParsedRow parsed = read.rows().get(0);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.command().name()).isEqualTo("王芳");
        assertThat(parsed.command().idNumber()).isEqualTo(id);
        assertThat(parsed.command().phone()).isEqualTo("13900138000");
        assertThat(parsed.command().graduationYear()).isEqualTo(2023);
        assertThat(parsed.command().difficulties()).containsExactlyInAnyOrder(Difficulty.SUBSISTENCE_ALLOWANCE,
                Difficulty.DISABILITY, Difficulty.POVERTY_ALLEVIATED, Difficulty.ZERO_EMPLOYMENT, Difficulty.OTHER);
        assertThat(parsed.command().willingToWork()).isNull(); // an empty cell is unconfirmed, not 是
    }

    @Test
    void xlsxWithTitleRowMergedCellsBlankRowsAndDateCells() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("张三"));
        rows.add(java.util.Arrays.asList(null, null, null, null, null, null, null, null, null, null, null));
        rows.add(row("李四"));
        rows.add(row("王五"));
        byte[] file = HandoverFiles.xlsx("五邑大学2023届未就业毕业生信息移交表", HEADER_SIMPLIFIED, rows, true, true);
        Read read = read(file);

        assertThat(read.header().rowNumber()).isEqualTo(2);
        assertThat(read.rows()).extracting(ParsedRow::rowNumber).containsExactly(3, 5, 6);
        for (ParsedRow r : read.rows()) {
            assertThat(r.errors()).isEmpty();
            // the school was merged down from the first data row; the year was a date cell
            assertThat(r.command().university()).isEqualTo("五邑大学");
            assertThat(r.command().graduationYear()).isEqualTo(2023);
        }
    }

    @Test
    void idNumberThatExcelTurnedIntoANumberIsRejectedSayingSo() throws IOException {
        List<List<String>> rows = List.of(with(row("赵六"), 1, "4.40703E+17"));
        Read csv = read(HandoverFiles.csv(HEADER_SIMPLIFIED, rows, StandardCharsets.UTF_8, false));
        Read xlsx = read(HandoverFiles.xlsx(null, HEADER_SIMPLIFIED, List.of(with(row("赵六"), 1, "4.40703199901011E+17")),
                false, false));

        for (Read read : List.of(csv, xlsx)) {
            RowError error = read.rows().get(0).errors().get(0);
            assertThat(error.field()).isEqualTo("idNumber");
            assertThat(error.messageKey()).isEqualTo("validation.handover.idNumberAsNumber");
        }
        // the message repeats no part of the number: 4.40703E+17 keeps 6 of its digits, a padded one 15
        assertThat(csv.rows().get(0).errors().get(0).args()).isEmpty();
    }

    @Test
    void idNumberThatExcelPaddedWithZerosIsRejectedWithoutRepeatingIt() throws IOException {
        String padded = "412295199609241000"; // 15 significant digits kept, the rest zeros
        Read csv = read(HandoverFiles.csv(HEADER_SIMPLIFIED, List.of(with(row("钱七"), 1, padded)),
                StandardCharsets.UTF_8, false));

        RowError error = csv.rows().get(0).errors().get(0);
        assertThat(error.messageKey()).isEqualTo("validation.handover.idNumberAsNumber");
        assertThat(error.args()).isEmpty();
    }

    @Test
    void excelSerialDatesAndWrittenDatesGiveTheGraduationYear() throws IOException {
        List<List<String>> rows = List.of(with(row("甲"), 7, "45107"), with(row("乙"), 7, "2023/6/30"),
                with(row("丙"), 7, "2023年6月"), with(row("丁"), 7, "2023届"), with(row("戊"), 7, "明年"));
        Read read = read(HandoverFiles.csv(HEADER_SIMPLIFIED, rows, StandardCharsets.UTF_8, false));

        assertThat(read.rows().subList(0, 4)).allSatisfy(r -> assertThat(r.command().graduationYear()).isEqualTo(2023));
        assertThat(read.rows().get(4).errors()).extracting(RowError::field).containsExactly("graduationYear");
    }

    @Test
    void badCellsAreReportedPerFieldAndRow() throws IOException {
        List<String> bad = row("");
        bad.set(2, "未知");
        bad.set(3, "12345");
        bad.set(6, "小学");
        bad.set(9, "单亲");
        bad.set(10, "也许");
        Read read = read(HandoverFiles.csv(HEADER_SIMPLIFIED, List.of(row("好"), bad), StandardCharsets.UTF_8, false));

        assertThat(read.rows().get(0).valid()).isTrue();
        ParsedRow parsed = read.rows().get(1);
        assertThat(parsed.rowNumber()).isEqualTo(3);
        assertThat(parsed.command()).isNull();
        assertThat(parsed.errors()).extracting(RowError::field)
                .containsExactly("name", "gender", "phone", "degree", "difficulties", "willingToWork");
    }

    @Test
    void headerMissingARequiredColumnNamesIt() throws IOException {
        List<String> header = new ArrayList<>(HEADER_TRADITIONAL);
        header.remove("身份證號");
        Read read = read(HandoverFiles.csv(header, List.of(), StandardCharsets.UTF_8, false));

        assertThat(read.header().missing()).containsExactly("身份证号");
    }

    @Test
    void zipBombIsRefused() throws IOException {
        byte[] bomb = HandoverFiles.zipBomb();

        assertThatThrownBy(() -> new XlsxSheetReader().read(new java.io.ByteArrayInputStream(bomb), (n, cells) -> true))
                .isInstanceOf(HandoverFileException.class).hasMessage("problem.handover.zipBomb");
    }

    @Test
    void oldBinaryExcelIsRefused() throws IOException {
        byte[] xls = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };

        assertThatThrownBy(() -> HandoverFormat.detect(new java.io.ByteArrayInputStream(xls)))
                .hasMessage("problem.handover.xls");
    }

    @Test
    void plainNumbersKeepTheirDigitsAndHugeOnesShowAsExcelDoes() {
        assertThat(XlsxSheetReader.PlainFormatter.plain(13800138000d)).isEqualTo("13800138000");
        assertThat(XlsxSheetReader.PlainFormatter.plain(2023d)).isEqualTo("2023");
        assertThat(XlsxSheetReader.PlainFormatter.plain(440703199901011234d)).contains("E17");
    }

    private static String toFullWidth(String digits) {
        StringBuilder sb = new StringBuilder();
        for (char c : digits.toCharArray()) {
            sb.append((char) ('\uFF10' + (c - '0')));
        }
        return sb.toString();
    }
}
