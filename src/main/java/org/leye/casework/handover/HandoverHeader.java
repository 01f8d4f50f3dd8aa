package org.leye.casework.handover;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The header row of a hand-over file: where each known column is. The header is the first row
 * among the first {@link #SEARCH_ROWS} that names at least three known columns, so a title row
 * (merged across the sheet, "2023届未就业毕业生信息移交表") above it is skipped.
 *
 * @param rowNumber the header's row in the file
 * @param cells     the header's cells as found (for the file of rejected rows)
 */
record HandoverHeader(int rowNumber, List<String> cells, Map<HandoverField, Integer> columns) {

    static final int SEARCH_ROWS = 20;

    /** The header if this row is one: three or more known columns. */
    static Optional<HandoverHeader> recognise(int rowNumber, List<String> cells) {
        Map<HandoverField, Integer> columns = new EnumMap<>(HandoverField.class);
        for (int i = 0; i < cells.size(); i++) {
            int col = i;
            HandoverField.ofHeader(cells.get(i)).ifPresent(f -> columns.putIfAbsent(f, col));
        }
        if (columns.size() < 3) {
            return Optional.empty();
        }
        List<String> found = new ArrayList<>();
        for (String cell : cells) {
            found.add(Cells.clean(cell));
        }
        return Optional.of(new HandoverHeader(rowNumber, List.copyOf(found), Map.copyOf(columns)));
    }

    /** The required columns of a graduates' hand-over that the header lacks, by their Chinese names. */
    List<String> missing() {
        return missing(HandoverKind.GRADUATES);
    }

    /** The columns that a file of the kind requires and the header lacks, by their Chinese names. */
    List<String> missing(HandoverKind kind) {
        List<String> missing = new ArrayList<>();
        for (HandoverField field : HandoverField.values()) {
            if (kind.requires(field) && !columns.containsKey(field)) {
                missing.add(field.label());
            }
        }
        return missing;
    }

    /** The cell of a field in a row, cleaned; empty when the column or the cell is absent. */
    String cell(List<String> row, HandoverField field) {
        Integer col = columns.get(field);
        return col == null || col >= row.size() ? "" : Cells.clean(row.get(col));
    }

    /** The free text of a field in a row ({@link Cells#text}); empty when the column or the cell is absent. */
    String text(List<String> row, HandoverField field) {
        Integer col = columns.get(field);
        return col == null || col >= row.size() ? "" : Cells.text(row.get(col));
    }
}
