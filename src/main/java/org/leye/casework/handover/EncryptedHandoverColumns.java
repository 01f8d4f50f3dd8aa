package org.leye.casework.handover;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.leye.casework.shared.crypto.EncryptedColumns;
import org.leye.casework.shared.crypto.PersonalDataCipher;
import org.leye.casework.shared.crypto.StoredValues;
import org.springframework.stereotype.Component;

/**
 * A hand-over's encrypted data, rewritten under the current key: a rejected row's cells, and the
 * chunks of a file still being processed. By a key rotation, and once by db/V22.2
 * ({@link HandoverDataMigration}), which encrypts the chunks stored in clear before it and binds the
 * cells to their column. Plain JDBC, since it also runs inside Flyway.
 */
@Component
public class EncryptedHandoverColumns implements EncryptedColumns {

    private static final int SLICE = 1000;

    private final DataSource dataSource;
    private final PersonalDataCipher cipher;

    public EncryptedHandoverColumns(DataSource dataSource, PersonalDataCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    @Override
    public String describe() {
        return "handover_row (cells_enc), handover_chunk (data)";
    }

    @Override
    public long rotate() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return rewrite(connection, false);
        } catch (SQLException e) {
            throw new IllegalStateException("rewriting the hand-overs' data failed", e);
        }
    }

    private record CellsRow(long handoverId, int row, String cellsEnc) {
    }

    /**
     * Rewrites the rejected rows' cells and the stored chunks; {@code chunksInClear} when the
     * chunks were written before they were encrypted (db/V22.2).
     */
    long rewrite(Connection connection, boolean chunksInClear) throws SQLException {
        return rewriteCells(connection) + rewriteChunks(connection, chunksInClear);
    }

    private long rewriteCells(Connection connection) throws SQLException {
        long afterHandover = 0;
        int afterRow = 0;
        long changed = 0;
        while (true) {
            List<CellsRow> slice = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select handover_id, row_no, cells_enc"
                    + " from handover_row where cells_enc is not null and (handover_id > ? or (handover_id = ?"
                    + " and row_no > ?)) order by handover_id, row_no")) {
                select.setLong(1, afterHandover);
                select.setLong(2, afterHandover);
                select.setInt(3, afterRow);
                select.setMaxRows(SLICE);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        slice.add(new CellsRow(rs.getLong(1), rs.getInt(2), rs.getString(3)));
                    }
                }
            }
            if (slice.isEmpty()) {
                return changed;
            }
            CellsRow last = slice.get(slice.size() - 1);
            afterHandover = last.handoverId();
            afterRow = last.row();
            try (PreparedStatement update = connection.prepareStatement(
                    "update handover_row set cells_enc = ? where handover_id = ? and row_no = ?")) {
                int batched = 0;
                for (CellsRow row : slice) {
                    if (cipher.current(row.cellsEnc())) {
                        continue;
                    }
                    String cells = StoredValues.decrypt(cipher, row.cellsEnc(), HandoverStore.CELLS_COLUMN);
                    if (cells == null) {
                        continue;
                    }
                    update.setString(1, cipher.encrypt(cells, HandoverStore.CELLS_COLUMN));
                    update.setLong(2, row.handoverId());
                    update.setInt(3, row.row());
                    update.addBatch();
                    batched++;
                }
                if (batched > 0) {
                    update.executeBatch();
                    changed += batched;
                }
            }
        }
    }

    /** One chunk at a time (up to 1 MiB each). */
    private long rewriteChunks(Connection connection, boolean inClear) throws SQLException {
        List<long[]> chunks = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select handover_id, seq from handover_chunk order by handover_id, seq");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                chunks.add(new long[] { rs.getLong(1), rs.getInt(2) });
            }
        }
        long changed = 0;
        for (long[] chunk : chunks) {
            long handoverId = chunk[0];
            int seq = (int) chunk[1];
            byte[] data;
            try (PreparedStatement select = connection.prepareStatement(
                    "select data from handover_chunk where handover_id = ? and seq = ?")) {
                select.setLong(1, handoverId);
                select.setInt(2, seq);
                try (ResultSet rs = select.executeQuery()) {
                    data = rs.next() ? rs.getBytes(1) : null;
                }
            }
            if (data == null || (!inClear && cipher.current(data))) {
                continue;
            }
            String context = HandoverStore.chunkContext(handoverId, seq);
            byte[] plain;
            try {
                plain = inClear ? data : cipher.decrypt(data, context);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("A chunk of hand-over " + handoverId + " cannot be decrypted with the"
                        + " configured keys (LEYE_CRYPTO_KEY, LEYE_CRYPTO_PREVIOUS_KEYS)", e);
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "update handover_chunk set data = ? where handover_id = ? and seq = ?")) {
                update.setBytes(1, cipher.encrypt(plain, context));
                update.setLong(2, handoverId);
                update.setInt(3, seq);
                update.executeUpdate();
            }
            changed++;
        }
        return changed;
    }
}
