package org.leye.casework.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.poifs.crypt.temp.SXSSFWorkbookWithCustomZipEntrySource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.leye.casework.shared.SpreadsheetCells;

/**
 * Writes a table row by row, as CSV or as .xlsx, so that a city-wide export streams instead of
 * being held in memory. Cells are strings or numbers (numbers stay numbers in the spreadsheet);
 * every text cell that a spreadsheet would take for a formula is neutralised
 * ({@link SpreadsheetCells#neutralise}), whatever column it is in.
 */
interface TableWriter extends AutoCloseable {

    String CSV = "text/csv";
    String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    void row(List<?> cells) throws IOException;

    /** The rows written after the first (the header), so far: what an export's audit entry counts. */
    int dataRows();

    /** A cell's text as written: a number as it is, any other value neutralised. */
    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        return cell instanceof Number ? cell.toString() : SpreadsheetCells.neutralise(cell.toString());
    }

    /** Writes what is left; the output stream stays open. */
    @Override
    void close() throws IOException;

    static TableWriter csv(OutputStream out) throws IOException {
        return new Csv(out);
    }

    static TableWriter xlsx(OutputStream out, String sheetName) {
        return new Xlsx(out, sheetName);
    }

    /** RFC 4180, UTF-8 with a byte-order mark so that Excel reads the Chinese right. */
    final class Csv implements TableWriter {

        private final Writer writer;
        private int rows;

        Csv(OutputStream out) throws IOException {
            this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
        }

        @Override
        public void row(List<?> cells) throws IOException {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    writer.write(',');
                }
                writer.write(quote(cells.get(i)));
            }
            writer.write("\r\n");
            rows++;
        }

        @Override
        public int dataRows() {
            return Math.max(0, rows - 1);
        }

        static String quote(Object cell) {
            String s = TableWriter.text(cell);
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                return '"' + s.replace("\"", "\"\"") + '"';
            }
            return s;
        }

        @Override
        public void close() throws IOException {
            writer.flush();
        }
    }

    /** A streaming workbook (100 rows in memory, the rest in an encrypted temporary file), the first row bold as the header. */
    final class Xlsx implements TableWriter {

        private final OutputStream out;
        /**
         * Rows beyond the 100 kept in memory go to a temporary file, as do the package's parts at the
         * end: POI's variant encrypts both (AES, a key of this workbook's own in memory), so names
         * and employers do not lie on disk in clear while a city-wide export runs.
         */
        private final SXSSFWorkbook workbook = new SXSSFWorkbookWithCustomZipEntrySource();
        private final Sheet sheet;
        private final CellStyle header;
        private int next;

        Xlsx(OutputStream out, String sheetName) {
            this.out = out;
            this.sheet = workbook.createSheet(sheetName);
            Font bold = workbook.createFont();
            bold.setBold(true);
            this.header = workbook.createCellStyle();
            header.setFont(bold);
        }

        @Override
        public void row(List<?> cells) {
            Row row = sheet.createRow(next);
            for (int i = 0; i < cells.size(); i++) {
                Object value = cells.get(i);
                Cell cell = row.createCell(i);
                if (value instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (value != null) {
                    cell.setCellValue(TableWriter.text(value));
                }
                if (next == 0) {
                    cell.setCellStyle(header);
                }
            }
            next++;
        }

        @Override
        public int dataRows() {
            return Math.max(0, next - 1);
        }

        @Override
        public void close() throws IOException {
            try {
                workbook.write(out);
                out.flush();
            } finally {
                workbook.close();
            }
        }
    }
}
