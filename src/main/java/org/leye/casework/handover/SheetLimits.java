package org.leye.casework.handover;

/**
 * Caps on the shape of a hand-over sheet, so that reading one costs what its rows are worth: a
 * hand-over has about a dozen columns, yet a file of 0.9 MiB with 150,000 merged regions held the
 * upload for 17.8 s. A file beyond a cap is refused as a whole (400, the problem naming the cap);
 * blank cells beyond the last column are only dropped.
 */
final class SheetLimits {

    /** The most merged regions in a worksheet. */
    static final int MAX_MERGED_REGIONS = 10_000;
    /** The most non-blank cells in a row. */
    static final int MAX_CELLS_PER_ROW = 200;
    /** Columns read; a non-blank cell further right refuses the file. */
    static final int MAX_COLUMNS = 1_000;

    private SheetLimits() {
    }

    /**
     * Checks the {@code count}th non-blank cell of a row, at {@code column} (from 0).
     *
     * @param rowNumber the row as the user sees it, from 1
     */
    static void nonBlankCell(int rowNumber, int column, int count) {
        if (column >= MAX_COLUMNS) {
            throw HandoverFileException.limit("problem.handover.columnTooFar", "columns", MAX_COLUMNS,
                    String.valueOf(rowNumber), String.valueOf(MAX_COLUMNS));
        }
        if (count > MAX_CELLS_PER_ROW) {
            throw HandoverFileException.limit("problem.handover.tooManyCells", "cellsPerRow", MAX_CELLS_PER_ROW,
                    String.valueOf(rowNumber), String.valueOf(MAX_CELLS_PER_ROW));
        }
    }

    static HandoverFileException tooManyMergedRegions() {
        return HandoverFileException.limit("problem.handover.tooManyMergedRegions", "mergedRegions", MAX_MERGED_REGIONS,
                String.valueOf(MAX_MERGED_REGIONS));
    }
}
