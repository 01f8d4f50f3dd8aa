package org.leye.casework.handover;

import java.io.IOException;
import java.io.InputStream;

/** The kinds of hand-over file accepted, recognised by their first bytes rather than by name. */
enum HandoverFormat {
    CSV, XLSX;

    /**
     * The format of a file: a ZIP container is .xlsx, the old binary .xls is refused (the
     * caller is told to save as .xlsx), anything else is read as CSV text. Reads the first bytes
     * of {@code content}; the caller reads the content again from its start to read the rows.
     */
    static HandoverFormat detect(InputStream content) throws IOException {
        byte[] head = new byte[8];
        int n = content.readNBytes(head, 0, head.length);
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return XLSX;
        }
        if (n >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            throw HandoverFileException.of("problem.handover.xls");
        }
        return CSV;
    }

    SheetReader reader() {
        return this == XLSX ? new XlsxSheetReader() : new CsvSheetReader();
    }
}
