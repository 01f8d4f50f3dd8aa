package org.leye.casework.handover;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Streams the rows of the first sheet of a hand-over file, one at a time, never the whole file in memory. */
interface SheetReader {

    /**
     * Calls {@code sink} with every row in order until it answers false. Row numbers are those
     * the user sees (the line of a CSV file, the row of a worksheet), starting at 1; cells are
     * as found, not yet cleaned; a blank row may come as an empty list. The stream is read to its
     * end or until the sink stops; the caller closes it.
     */
    void read(InputStream content, RowSink sink) throws IOException;

    /** Receives the rows of a sheet. */
    @FunctionalInterface
    interface RowSink {
        /** Answers whether to go on reading. */
        boolean row(int rowNumber, List<String> cells);
    }
}
