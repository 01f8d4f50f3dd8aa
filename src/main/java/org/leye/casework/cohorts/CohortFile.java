package org.leye.casework.cohorts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.leye.casework.shared.problem.InvalidInputException;

/**
 * The education department's table of a year's graduates by university, as CSV (UTF-8, with or
 * without a byte-order mark, or GB18030 as Excel writes it on a Chinese Windows) or .xlsx (the
 * first sheet). The table is small (a row per university, a few dozen at most), so the whole file
 * is read at once, up to {@link #MAX_BYTES}. The header is the first of the first
 * {@link #HEADER_ROWS} rows that names the three columns (a title above it is skipped); blank rows
 * are skipped; cells are as typed, checked by {@link Cohorts}.
 */
final class CohortFile {

    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_ROWS = 1000;
    static final int HEADER_ROWS = 10;
    private static final Charset GB18030 = Charset.forName("GB18030");

    /** The headers each column is recognised by, compared without spaces and case. */
    private static final Map<String, List<String>> HEADERS = Map.of(
            "university", List.of("学校", "院校", "高校", "学校名称", "院校名称", "学校代码", "院校代码", "university",
                    "universitycode"),
            "graduates", List.of("毕业生总数", "毕业生人数", "毕业生数", "毕业人数", "graduates"),
            "placedAtLeaving", List.of("离校时已落实", "离校时已落实去向", "离校时已落实去向人数", "已落实去向人数", "已落实",
                    "placedatleaving", "placed"));

    /** A data row: its number as the user sees it (the CSV line, the worksheet row) and its three cells. */
    record Row(int number, String university, String graduates, String placedAtLeaving) {
    }

    private CohortFile() {
    }

    static List<Row> read(InputStream content) throws IOException {
        byte[] bytes = content.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("problem.cohort.tooLarge", Map.of(), MAX_BYTES / 1024);
        }
        List<List<String>> cells = isZip(bytes) ? xlsx(bytes) : isOle(bytes) ? refuseXls() : csv(bytes);
        return rows(cells);
    }

    private static List<Row> rows(List<List<String>> cells) {
        for (int h = 0; h < Math.min(HEADER_ROWS, cells.size()); h++) {
            int[] columns = header(cells.get(h));
            if (columns == null) {
                continue;
            }
            List<Row> rows = new ArrayList<>();
            for (int i = h + 1; i < cells.size(); i++) {
                List<String> row = cells.get(i);
                if (row.stream().allMatch(c -> c == null || c.isBlank())) {
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw new InvalidInputException("problem.cohort.tooManyRows", Map.of(), MAX_ROWS);
                }
                rows.add(new Row(i + 1, cell(row, columns[0]), cell(row, columns[1]), cell(row, columns[2])));
            }
            if (rows.isEmpty()) {
                throw new InvalidInputException("problem.cohort.empty", Map.of());
            }
            return rows;
        }
        throw new InvalidInputException("problem.cohort.noHeader", Map.of(), HEADER_ROWS);
    }

    /** The columns of university, graduates and placed at leaving, or null when this row does not name all three. */
    private static int[] header(List<String> row) {
        int[] columns = { -1, -1, -1 };
        List<String> order = List.of("university", "graduates", "placedAtLeaving");
        for (int c = 0; c < row.size(); c++) {
            String key = row.get(c) == null ? "" : row.get(c).replaceAll("[\\s\u3000（）()]", "").toLowerCase(Locale.ROOT);
            for (int k = 0; k < order.size(); k++) {
                if (columns[k] < 0 && HEADERS.get(order.get(k)).contains(key)) {
                    columns[k] = c;
                }
            }
        }
        return columns[0] >= 0 && columns[1] >= 0 && columns[2] >= 0 ? columns : null;
    }

    private static String cell(List<String> row, int column) {
        return column < row.size() && row.get(column) != null ? row.get(column).strip() : "";
    }

    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    private static boolean isOle(byte[] b) {
        return b.length >= 4 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11
                && (b[3] & 0xFF) == 0xE0;
    }

    private static List<List<String>> refuseXls() {
        throw new InvalidInputException("problem.cohort.xls", Map.of());
    }

    /** The first sheet; numbers as a person reads them (100, not 100.0), formulas by their cached value. */
    private static List<List<String>> xlsx(byte[] bytes) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (book.getNumberOfSheets() == 0) {
                throw new InvalidInputException("problem.cohort.unreadable", Map.of());
            }
            Sheet sheet = book.getSheetAt(0);
            for (int r = 0; r <= Math.min(sheet.getLastRowNum(), MAX_ROWS + HEADER_ROWS); r++) {
                List<String> row = new ArrayList<>();
                var line = sheet.getRow(r);
                if (line != null) {
                    for (int c = 0; c < Math.min(line.getLastCellNum(), 50); c++) {
                        Cell cell = line.getCell(c);
                        row.add(cell == null ? "" : text(cell, formatter));
                    }
                }
                rows.add(row);
            }
        } catch (org.apache.poi.ooxml.POIXMLException
                | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException("problem.cohort.unreadable", Map.of());
        }
        return rows;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            double v = cell.getNumericCellValue();
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
        return type == CellType.STRING ? cell.getStringCellValue() : formatter.formatCellValue(cell);
    }

    private static List<List<String>> csv(byte[] bytes) throws IOException {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException notUtf8) {
            text = new String(bytes, GB18030);
        }
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text))
                .setFormat(CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get()).get()) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
                if (rows.size() > MAX_ROWS + HEADER_ROWS) {
                    break;
                }
            }
        } catch (java.io.UncheckedIOException | IllegalStateException malformed) {
            throw new InvalidInputException("problem.cohort.unreadable", Map.of());
        }
        return rows;
    }
}
