package org.leye.casework.handover;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.leye.casework.handover.HandoverRowParser.RowError;
import org.leye.casework.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The uploaded bytes and the per-row results, in plain SQL: written row by row inside the
 * caller's transaction (the row's registration), read in bulk for progress and the rejected file.
 * The file's chunks and a rejected row's cells are personal data, stored encrypted: each chunk
 * bound to its hand-over and place in the file, so that chunks cannot be swapped or reordered.
 */
@Repository
class HandoverStore {

    /** Below MariaDB's default max_allowed_packet of 16 MiB with room to spare. */
    static final int CHUNK = 1024 * 1024;
    private static final char ARG_SEPARATOR = '\u001F';

    /** The column of a rejected row's encrypted cells: the cipher's associated data. */
    static final String CELLS_COLUMN = "handover_row.cells";

    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;
    private final PersonalDataCipher cipher;

    HandoverStore(JdbcTemplate jdbc, MeterRegistry meters, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.meters = meters;
        this.cipher = cipher;
    }

    /** The associated data of one chunk of the uploaded file. */
    static String chunkContext(long handoverId, int seq) {
        return "handover_chunk.data:" + handoverId + ":" + seq;
    }

    /** Stores the file read from {@code in} (which the caller closes), a chunk at a time. */
    void saveFile(long handoverId, InputStream in) throws IOException {
        int seq = 0;
        byte[] chunk;
        while ((chunk = in.readNBytes(CHUNK)).length > 0) {
            jdbc.update("insert into handover_chunk (handover_id, seq, data) values (?, ?, ?)", handoverId, seq,
                    cipher.encrypt(chunk, chunkContext(handoverId, seq)));
            seq++;
        }
    }

    /** Writes the stored file to {@code out}, one chunk in memory at a time; answers whether there was one. */
    boolean copyFile(long handoverId, OutputStream out) throws IOException {
        List<Integer> seqs = jdbc.queryForList("select seq from handover_chunk where handover_id = ? order by seq",
                Integer.class, handoverId);
        for (Integer seq : seqs) {
            byte[] data = jdbc.queryForObject("select data from handover_chunk where handover_id = ? and seq = ?",
                    byte[].class, handoverId, seq);
            out.write(cipher.decrypt(data, chunkContext(handoverId, seq)));
        }
        return !seqs.isEmpty();
    }

    void deleteFile(long handoverId) {
        jdbc.update("delete from handover_chunk where handover_id = ?", handoverId);
    }

    /**
     * The rows with a result (a bit per row number): processing resumes with the others. Lanes
     * commit side by side, so after a restart rows without a result may lie between rows with one.
     */
    BitSet rowsWithResult(long handoverId) {
        BitSet rows = new BitSet();
        jdbc.query("select row_no from handover_row where handover_id = ?", rs -> {
            rows.set(rs.getInt(1));
        }, handoverId);
        return rows;
    }

    /**
     * Records a row's result. The primary key (hand-over, row) refuses a second result, which
     * rolls back the transaction that would have registered the row twice.
     */
    void saveRow(long handoverId, int row, RowOutcome outcome, Long graduateId, String cellsEnc) {
        jdbc.update("insert into handover_row (handover_id, row_no, outcome, graduate_id, cells_enc) values (?, ?, ?, ?, ?)",
                handoverId, row, outcome.name(), graduateId, cellsEnc);
        countAfterCommit(outcome);
    }

    /** {@code leye_handover_rows_total{outcome}} at /actuator/prometheus, once the row's result is committed. */
    private void countAfterCommit(RowOutcome outcome) {
        Counter rows = Counter.builder("leye.handover.rows").description("Hand-over rows processed (committed)")
                .tag("outcome", outcome.name()).register(meters);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    rows.increment();
                }
            });
        } else {
            rows.increment();
        }
    }

    boolean hasRow(long handoverId, int row) {
        Integer n = jdbc.queryForObject("select count(*) from handover_row where handover_id = ? and row_no = ?",
                Integer.class, handoverId, row);
        return n != null && n > 0;
    }

    void saveErrors(long handoverId, int row, List<RowError> errors) {
        List<Object[]> args = new ArrayList<>();
        for (int i = 0; i < errors.size(); i++) {
            RowError e = errors.get(i);
            String joined = String.join(String.valueOf(ARG_SEPARATOR), e.args());
            args.add(new Object[] { handoverId, row, i, e.field(), e.messageKey(),
                    joined.substring(0, Math.min(joined.length(), 500)) });
        }
        jdbc.batchUpdate("insert into handover_error (handover_id, row_no, seq, field, message_key, message_args)"
                + " values (?, ?, ?, ?, ?, ?)", args);
    }

    Map<RowOutcome, Integer> counts(long handoverId) {
        Map<RowOutcome, Integer> counts = new EnumMap<>(RowOutcome.class);
        for (RowOutcome o : RowOutcome.values()) {
            counts.put(o, 0);
        }
        jdbc.query("select outcome, count(*) from handover_row where handover_id = ? group by outcome",
                rs -> {
                    counts.put(RowOutcome.valueOf(rs.getString(1)), rs.getInt(2));
                }, handoverId);
        return counts;
    }

    /** A row's result as stored: the graduate it registered or found, if any. */
    record StoredRow(int row, RowOutcome outcome, Long graduateId) {
    }

    /** The first {@code limit} results in row order (the primary key serves it). */
    List<StoredRow> rows(long handoverId, int limit) {
        return jdbc.query("select row_no, outcome, graduate_id from handover_row where handover_id = ? order by row_no",
                ps -> {
                    ps.setLong(1, handoverId);
                    ps.setMaxRows(limit);
                }, (rs, i) -> new StoredRow(rs.getInt(1), RowOutcome.valueOf(rs.getString(2)),
                        rs.getObject(3) == null ? null : rs.getLong(3)));
    }

    /** A row's error as stored. */
    record StoredError(int row, String field, String messageKey, List<String> args) {
    }

    /** The first {@code limit} errors in row order. */
    List<StoredError> errors(long handoverId, int limit) {
        return jdbc.query("select row_no, field, message_key, message_args from handover_error where handover_id = ?"
                + " order by row_no, seq", ps -> {
                    ps.setLong(1, handoverId);
                    ps.setMaxRows(limit);
                }, (rs, i) -> new StoredError(rs.getInt(1), rs.getString(2), rs.getString(3), args(rs.getString(4))));
    }

    /** A rejected row: its encrypted cells and its errors. */
    record RejectedRow(int row, String cellsEnc, List<StoredError> errors) {
    }

    /** Every rejected row in order, a page of rows at a time. */
    void rejectedRows(long handoverId, Consumer<RejectedRow> each) {
        int after = 0;
        while (true) {
            int cursor = after;
            List<RejectedRow> page = jdbc.query("select row_no, cells_enc from handover_row where handover_id = ?"
                    + " and outcome = 'REJECTED' and row_no > ? order by row_no", ps -> {
                        ps.setLong(1, handoverId);
                        ps.setInt(2, cursor);
                        ps.setMaxRows(500);
                    }, (rs, i) -> new RejectedRow(rs.getInt(1), rs.getString(2), new ArrayList<>()));
            if (page.isEmpty()) {
                return;
            }
            int from = page.get(0).row();
            int to = page.get(page.size() - 1).row();
            Map<Integer, RejectedRow> byRow = new HashMap<>();
            page.forEach(r -> byRow.put(r.row(), r));
            jdbc.query("select row_no, field, message_key, message_args from handover_error where handover_id = ?"
                    + " and row_no between ? and ? order by row_no, seq", rs -> {
                        RejectedRow r = byRow.get(rs.getInt(1));
                        if (r != null) {
                            r.errors().add(new StoredError(r.row(), rs.getString(2), rs.getString(3), args(rs.getString(4))));
                        }
                    }, handoverId, from, to);
            page.forEach(each);
            after = to;
        }
    }

    private static List<String> args(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        return List.of(joined.split(String.valueOf(ARG_SEPARATOR), -1));
    }
}
