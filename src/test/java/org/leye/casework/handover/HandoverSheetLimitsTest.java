package org.leye.casework.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.leye.casework.handover.HandoverFiles.HEADER_SIMPLIFIED;
import static org.leye.casework.handover.HandoverFiles.inlineRow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leye.casework.support.TestGraduates;

/**
 * The caps on a sheet's shape ({@link SheetLimits}): too many merged regions, too many cells in a
 * row, a cell too far right refuse the file as a whole, naming the cap; below the caps, merged
 * regions looked up by row fill every cell they cover.
 */
class HandoverSheetLimitsTest {

    @TempDir
    Path dir;

    /** Every row of a file as read, the row number first. */
    List<List<String>> read(byte[] content) throws IOException {
        Path file = dir.resolve("f" + TestGraduates.tag());
        Files.write(file, content);
        List<List<String>> rows = new ArrayList<>();
        HandoverFiles.read(file, (n, cells) -> {
            List<String> row = new ArrayList<>();
            row.add(String.valueOf(n));
            row.addAll(cells);
            rows.add(row);
            return true;
        });
        return rows;
    }

    static void assertRefused(ThrowingCallable read, String key, String limit, int max, Object... args) {
        assertThatThrownBy(read::call).isInstanceOfSatisfying(HandoverFileException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.properties()).isEqualTo(Map.of("limit", limit, "max", max));
            assertThat(e.args()).containsExactly(args);
        });
    }

    @FunctionalInterface
    interface ThrowingCallable {
        void call() throws Exception;
    }

    /** The file of the report: 0.9 MiB, 20,000 rows and 150,000 merged regions (it took 17.8 s to answer). */
    static byte[] mergedRegionsFile(int rows, int regions) throws IOException {
        StringBuilder data = new StringBuilder(inlineRow(1, HEADER_SIMPLIFIED));
        for (int r = 2; r <= rows + 1; r++) {
            data.append(inlineRow(r, List.of("移交" + r, "440703199901011234", "女", "13800138000", "五邑大学", "会计学",
                    "本科", "2023", "蓬江区", "", "是")));
        }
        StringBuilder merged = new StringBuilder();
        for (int i = 0; i < regions; i++) {
            int row = 2 + i % rows;
            String column = CellReference.convertNumToColString(12 + 2 * (i / rows));
            merged.append("<mergeCell ref=\"").append(column).append(row).append(':').append(column).append(row + 0)
                    .append("\"/>");
        }
        return HandoverFiles.xlsxSheet(data, merged);
    }

    @Test
    void moreMergedRegionsThanTheCapRefuseTheFileNamingTheCap() throws IOException {
        byte[] file = mergedRegionsFile(20_000, 150_000);
        assertRefused(() -> read(file), "problem.handover.tooManyMergedRegions", "mergedRegions", 10_000, "10000");
    }

    @Test
    void mergedRegionsUpToTheCapFillEveryCellTheyCoverRowByRow() throws IOException {
        // the school merged down blocks of four rows: 1,000 regions over 4,000 data rows
        StringBuilder data = new StringBuilder(inlineRow(1, HEADER_SIMPLIFIED));
        StringBuilder merged = new StringBuilder();
        for (int r = 2; r <= 4_001; r++) {
            boolean top = (r - 2) % 4 == 0;
            data.append(inlineRow(r, List.of("移交" + r, "440703199901011234", "女", "13800138000",
                    top ? "学校" + r : "", "会计学", "本科", "2023", "蓬江区", "", "是")));
            if (top) {
                merged.append("<mergeCell ref=\"E").append(r).append(":E").append(r + 3).append("\"/>");
            }
        }
        // and a title-like region across the columns of one row
        data.append(inlineRow(4_003, List.of("合并", "", "", "", "", "", "")));
        merged.append("<mergeCell ref=\"A4003:F4003\"/>");

        List<List<String>> rows = read(HandoverFiles.xlsxSheet(data, merged));

        assertThat(rows).hasSize(4_002);
        for (List<String> row : rows.subList(1, 4_001)) {
            int r = Integer.parseInt(row.get(0));
            assertThat(row.get(5)).as("row %d", r).isEqualTo("学校" + (r - (r - 2) % 4));
        }
        assertThat(rows.get(4_001).subList(1, 7)).containsOnly("合并");
    }

    @Test
    void overlappingMergedRegionsAreRefusedRatherThanFilledOverAndOver() throws IOException {
        StringBuilder data = new StringBuilder(inlineRow(1, HEADER_SIMPLIFIED));
        data.append(inlineRow(2, HandoverFiles.row("重叠")));
        StringBuilder merged = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            merged.append("<mergeCell ref=\"A2:K9999\"/>");
        }
        byte[] file = HandoverFiles.xlsxSheet(data, merged);
        assertThatThrownBy(() -> read(file)).isInstanceOf(HandoverFileException.class)
                .hasMessage("problem.handover.unreadable");
    }

    @Test
    void rowWithMoreNonBlankCellsThanTheCapIsRefusedInXlsxAndCsv() throws IOException {
        List<String> wide = new ArrayList<>(HandoverFiles.row("宽行"));
        while (wide.size() < 202) { // the difficulty cell is blank: 201 non-blank cells
            wide.add("备注" + wide.size());
        }
        byte[] xlsx = HandoverFiles.xlsxSheet(inlineRow(1, HEADER_SIMPLIFIED) + inlineRow(2, wide), "");
        assertRefused(() -> read(xlsx), "problem.handover.tooManyCells", "cellsPerRow", 200, "2", "200");

        byte[] csv = HandoverFiles.csv(HEADER_SIMPLIFIED, List.of(wide), StandardCharsets.UTF_8, true);
        assertRefused(() -> read(csv), "problem.handover.tooManyCells", "cellsPerRow", 200, "2", "200");
    }

    @Test
    void nonBlankCellBeyondTheLastColumnIsRefusedInXlsxAndCsv() throws IOException {
        List<String> far = new ArrayList<>(HandoverFiles.row("远列"));
        far.addAll(Collections.nCopies(1_000 - far.size(), null));
        far.add("多余");
        byte[] xlsx = HandoverFiles.xlsxSheet(inlineRow(1, HEADER_SIMPLIFIED) + inlineRow(2, far), "");
        assertRefused(() -> read(xlsx), "problem.handover.columnTooFar", "columns", 1_000, "2", "1000");

        List<String> farCsv = new ArrayList<>(far.stream().map(c -> c == null ? "" : c).toList());
        byte[] csv = HandoverFiles.csv(HEADER_SIMPLIFIED, List.of(farCsv), StandardCharsets.UTF_8, false);
        assertRefused(() -> read(csv), "problem.handover.columnTooFar", "columns", 1_000, "2", "1000");
    }

    @Test
    void blankCellsBeyondTheLastColumnAreDropped() throws IOException {
        List<String> row = new ArrayList<>(HandoverFiles.row("空列"));
        row.addAll(Collections.nCopies(5_000, ""));
        List<List<String>> rows = read(HandoverFiles.csv(HEADER_SIMPLIFIED, List.of(row), StandardCharsets.UTF_8, false));
        assertThat(rows.get(1)).hasSize(1 + 1_000);
        assertThat(rows.get(1).get(1)).isEqualTo("空列");
    }
}
