package org.leye.casework.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempFileSharedStringsTest {

    @TempDir
    Path dir;

    /** Plain, empty, Chinese, rich-text (several runs), escaped and very long strings. */
    private Path workbook() throws IOException {
        Path file = dir.resolve("strings.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = wb.createSheet("名单");
            XSSFRichTextString rich = new XSSFRichTextString("五邑大学会计学");
            XSSFFont bold = wb.createFont();
            bold.setBold(true);
            rich.applyFont(0, 4, bold);
            rich.applyFont(4, 7, (Font) wb.createFont());
            List<Object> values = new ArrayList<>(List.of("陈晓彤", "", "440703200101011223", rich, "tab\tand_x000D_",
                    "长".repeat(30_000) + "尾"));
            for (int i = 0; i < 3000; i++) {
                values.add("移交" + i);
            }
            for (int i = 0; i < values.size(); i++) {
                var cell = sheet.createRow(i).createCell(0);
                if (values.get(i) instanceof XSSFRichTextString r) {
                    cell.setCellValue(r);
                } else {
                    cell.setCellValue((String) values.get(i));
                }
            }
            wb.write(out);
        }
        return file;
    }

    @Test
    void readsEveryStringAsPoisInMemoryTableDoes() throws Exception {
        Path file = workbook();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
                TempFileSharedStrings spilled = TempFileSharedStrings.of(pkg)) {
            ReadOnlySharedStringsTable inMemory = new ReadOnlySharedStringsTable(pkg, false);
            assertThat(spilled.getUniqueCount()).isEqualTo(inMemory.getUniqueCount()).isGreaterThan(3000);
            // in table order, then backwards and jumping, as a worksheet may refer to them
            for (int i = 0; i < spilled.getUniqueCount(); i++) {
                assertThat(spilled.getItemAt(i).getString()).isEqualTo(inMemory.getItemAt(i).getString());
            }
            for (int i = spilled.getUniqueCount() - 1; i >= 0; i -= 7) {
                assertThat(spilled.getItemAt(i).getString()).isEqualTo(inMemory.getItemAt(i).getString());
            }
            assertThat(spilled.getItemAt(3).getString()).isEqualTo("五邑大学会计学");
            assertThatThrownBy(() -> spilled.getItemAt(spilled.getUniqueCount()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theTemporaryFilesHoldNoPlainTextAndAreDeletedAfterReading() throws Exception {
        Path file = workbook();
        List<Path> before = temporaryTables();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
                TempFileSharedStrings spilled = TempFileSharedStrings.of(pkg)) {
            assertThat(spilled.getItemAt(2).getString()).isEqualTo("440703200101011223");
            List<Path> during = temporaryTables();
            during.removeAll(before);
            assertThat(during).hasSize(2);
            for (Path p : during) {
                String content = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                assertThat(content).doesNotContain("440703200101011223");
            }
        }
        assertThat(temporaryTables()).containsExactlyInAnyOrderElementsOf(before);
    }

    private static List<Path> temporaryTables() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return new ArrayList<>(files.filter(p -> p.getFileName().toString().startsWith("leye-sst")).toList());
        }
    }
}
