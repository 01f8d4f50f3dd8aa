package org.leye.casework.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A city-wide .xlsx export keeps 100 rows in memory and the rest in POI's temporary files while it
 * runs: those hold the names and employers of the ledger, and must not hold them in clear.
 */
class XlsxExportTempFilesTest {

    @TempDir
    Path poiFiles;

    @AfterEach
    void defaultStrategyAgain() {
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
    }

    @Test
    void rowsBeyondTheFirstHundredAreNotOnDiskInClearAndTheFileReadsBack() throws IOException {
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiFiles.toFile()));
        String marker = "临时文件测试毕业生";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableWriter writer = TableWriter.xlsx(out, "台账");
        writer.row(List.of("序号", "姓名", "用人单位"));
        for (int i = 1; i <= 500; i++) {
            writer.row(List.of(i, marker + i, "江门市示范企业有限公司"));
        }

        List<Path> files = files();
        assertThat(files).as("rows beyond the window went to a temporary file").isNotEmpty();
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            assertThat(text).as("temporary file %s", f.getFileName()).doesNotContain(marker)
                    .doesNotContain("江门市示范企业");
        }
        writer.close();

        assertThat(files()).as("temporary files are removed with the export").isEmpty();
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(read.getSheetAt(0).getLastRowNum()).isEqualTo(500);
            assertThat(read.getSheetAt(0).getRow(500).getCell(1).getStringCellValue()).isEqualTo(marker + 500);
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> all = Files.walk(poiFiles)) {
            return new ArrayList<>(all.filter(Files::isRegularFile).toList());
        }
    }
}
