package org.leye.casework.handover;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV with Apache Commons CSV. The encoding is UTF-8 (with or without a byte-order mark) when
 * the first 64 KiB decode as UTF-8, and GB18030 (a superset of GBK, what Excel writes on a
 * Chinese Windows) otherwise. Blank lines are kept as rows so that row numbers are lines. At most
 * {@link SheetLimits#MAX_CELLS_PER_ROW} non-blank cells a row, none beyond column {@link SheetLimits#MAX_COLUMNS}.
 */
final class CsvSheetReader implements SheetReader {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final int SNIFF = 64 * 1024;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    @Override
    public void read(InputStream content, RowSink sink) throws IOException {
        try (InputStream raw = new BufferedInputStream(content, SNIFF + 16)) {
            raw.mark(SNIFF + 8);
            byte[] head = raw.readNBytes(SNIFF);
            raw.reset();
            boolean bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                    && (head[2] & 0xFF) == 0xBF;
            if (bom) {
                raw.skipNBytes(3);
            }
            Charset charset = bom || isUtf8(head, head.length < SNIFF) ? StandardCharsets.UTF_8 : GB18030;
            try (Reader reader = new InputStreamReader(raw, charset);
                    CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
                int row = 0;
                Iterator<CSVRecord> records = parser.iterator();
                while (true) {
                    CSVRecord record;
                    try {
                        if (!records.hasNext()) {
                            return;
                        }
                        record = records.next();
                    } catch (UncheckedIOException | IllegalStateException malformed) {
                        // Commons CSV reports a stray quote (or garbage read as text) while iterating:
                        // the file is refused naming the line, not answered as a server error
                        throw HandoverFileException.of("problem.handover.malformedCsv", parser.getCurrentLineNumber());
                    }
                    row++;
                    if (!sink.row(row, cells(row, record))) {
                        return;
                    }
                }
            }
        }
    }

    /**
     * A record's cells within {@link SheetLimits}: blank ones beyond the last column dropped (Excel
     * writes as many separators as the widest row it ever had), a non-blank one there or one too many
     * refusing the file.
     */
    private static List<String> cells(int row, CSVRecord record) {
        List<String> cells = new ArrayList<>(Math.min(record.size(), SheetLimits.MAX_COLUMNS));
        int nonBlank = 0;
        for (int col = 0; col < record.size(); col++) {
            String cell = record.get(col);
            if (!cell.isBlank()) {
                SheetLimits.nonBlankCell(row, col, ++nonBlank);
            }
            if (col < SheetLimits.MAX_COLUMNS) {
                cells.add(cell);
            }
        }
        return cells;
    }

    /** Whether the bytes decode as UTF-8; a character cut off at the end of a sample is allowed. */
    static boolean isUtf8(byte[] bytes, boolean complete) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), out, complete);
        return !result.isError();
    }
}
