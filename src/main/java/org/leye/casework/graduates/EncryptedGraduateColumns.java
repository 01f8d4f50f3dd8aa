package org.leye.casework.graduates;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.leye.casework.shared.crypto.EncryptedColumns;
import org.leye.casework.shared.crypto.PersonalDataCipher;
import org.leye.casework.shared.crypto.StoredValues;
import org.springframework.stereotype.Component;

/**
 * The graduate's encrypted identifiers and their keyed hashes, rewritten under the current keys: by
 * a key rotation, and once by db/V22.1 ({@link GraduateIdentifiersMigration}), which binds the
 * values written before to their columns and computes {@code name_birth_hash}. Plain JDBC on a
 * connection of its own, since it also runs inside Flyway, before JPA starts.
 */
@Component
public class EncryptedGraduateColumns implements EncryptedColumns {

    static final int SLICE = 1000;

    private final DataSource dataSource;
    private final PersonalDataCipher cipher;

    public EncryptedGraduateColumns(DataSource dataSource, PersonalDataCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    @Override
    public String describe() {
        return "graduate (id_number_enc, phone_enc, id_number_hash, phone_hash, name_birth_hash)";
    }

    @Override
    public long rotate() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return rewrite(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("rewriting the graduates' identifiers failed", e);
        }
    }

    private record Row(long id, String name, String idNumberEnc, String phoneEnc, String idNumberHash,
            String phoneHash, String nameBirthHash) {
    }

    /** Rewrites every graduate a slice of ids at a time; answers the rows changed. */
    long rewrite(Connection connection) throws SQLException {
        long after = 0;
        long changed = 0;
        while (true) {
            List<Row> slice = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select id, name, id_number_enc, phone_enc,"
                    + " id_number_hash, phone_hash, name_birth_hash from graduate where id > ? order by id")) {
                select.setLong(1, after);
                select.setMaxRows(SLICE);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        slice.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
            }
            if (slice.isEmpty()) {
                return changed;
            }
            after = slice.get(slice.size() - 1).id();
            try (PreparedStatement update = connection.prepareStatement("update graduate set id_number_enc = ?,"
                    + " phone_enc = ?, id_number_hash = ?, phone_hash = ?, name_birth_hash = ? where id = ?")) {
                int batched = 0;
                for (Row row : slice) {
                    String idNumber = StoredValues.decrypt(cipher, row.idNumberEnc(), Graduate.ID_NUMBER_COLUMN);
                    if (idNumber == null) {
                        continue; // a placeholder of a benchmark or fixture, not an ID number
                    }
                    String phone = StoredValues.decrypt(cipher, row.phoneEnc(), Graduate.PHONE_COLUMN);
                    String idNumberEnc = cipher.current(row.idNumberEnc()) ? row.idNumberEnc()
                            : cipher.encrypt(idNumber, Graduate.ID_NUMBER_COLUMN);
                    String phoneEnc = phone == null || cipher.current(row.phoneEnc()) ? row.phoneEnc()
                            : cipher.encrypt(phone, Graduate.PHONE_COLUMN);
                    String idNumberHash = cipher.hash(ResidentIds.normalize(idNumber));
                    String phoneHash = phone == null ? row.phoneHash() : cipher.hash(Phones.normalize(phone));
                    String nameBirthHash = cipher.hash(
                            DuplicateFinder.nameBirth(NameFold.of(row.name()), ResidentIds.birthDate(idNumber)));
                    if (Objects.equals(idNumberEnc, row.idNumberEnc()) && Objects.equals(phoneEnc, row.phoneEnc())
                            && idNumberHash.equals(row.idNumberHash()) && Objects.equals(phoneHash, row.phoneHash())
                            && nameBirthHash.equals(row.nameBirthHash())) {
                        continue;
                    }
                    update.setString(1, idNumberEnc);
                    update.setString(2, phoneEnc);
                    update.setString(3, idNumberHash);
                    update.setString(4, phoneHash);
                    update.setString(5, nameBirthHash);
                    update.setLong(6, row.id());
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
}
