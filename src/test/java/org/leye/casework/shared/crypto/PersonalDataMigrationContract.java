package org.leye.casework.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leye.casework.graduates.EncryptedGraduateColumns;
import org.leye.casework.graduates.GraduateIdentifiersMigration;
import org.leye.casework.graduates.NameFold;
import org.leye.casework.handover.EncryptedHandoverColumns;
import org.leye.casework.handover.HandoverDataMigration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * db/V22 on a database written by V21: the identifiers written before are bound to their columns
 * with a key version, the birth date leaves the graduate's row for a keyed hash, the chunks of a
 * hand-over in progress are encrypted; then a key rotation rewrites everything under a new key.
 * On H2 and on MariaDB, each on a database of its own made afresh.
 */
abstract class PersonalDataMigrationContract {

    static final String KEY = Base64.getEncoder().encodeToString("test-only-key-for-personal-data!".getBytes());
    static final String HASH_KEY = Base64.getEncoder().encodeToString("test-only-hash-key-for-lookups!!".getBytes());
    static final String ID_NUMBER = "44070320010815123X";
    static final String PHONE = "13912345678";

    final PersonalDataCipher cipher = new PersonalDataCipher(KEY, HASH_KEY);
    DataSource dataSource;
    JdbcTemplate jdbc;

    /** An empty database of the test's own. */
    abstract DataSource freshDataSource() throws Exception;

    @BeforeEach
    void databaseAtV21WithDataWrittenBefore() throws Exception {
        dataSource = freshDataSource();
        jdbc = new JdbcTemplate(dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("21").load().migrate();
        jdbc.update("INSERT INTO graduate (name, name_sort, name_fold, id_number_hash, id_number_enc, id_number_masked,"
                + " birth_date, gender, phone_enc, phone_hash, phone_masked, university_name, degree, graduation_year,"
                + " district_code, willing_to_work, status, registered_at, registered_by, version) VALUES ('陈晓彤', '00',"
                + " ?, ?, ?, '440703********123X', DATE '2001-08-15', 'MALE', ?, ?, '139****5678', '五邑大学', 'BACHELOR',"
                + " 2023, '440703', TRUE, 'IN_SERVICE', TIMESTAMP '2026-07-01 08:00:00', 'cw', 0)",
                NameFold.of("陈晓彤"), cipher.hash(ID_NUMBER), legacy(ID_NUMBER), legacy(PHONE), cipher.hash(PHONE));
        // a benchmark's or a fixture's placeholder, not a ciphertext: left alone
        jdbc.update("INSERT INTO graduate (name, name_sort, id_number_hash, id_number_enc, id_number_masked, birth_date,"
                + " gender, university_name, degree, graduation_year, district_code, willing_to_work, status, registered_at,"
                + " registered_by, version) VALUES ('基准1', '00', 'bench-1', 'bench', '440703********0000', DATE '2000-01-01',"
                + " 'FEMALE', '五邑大学', 'BACHELOR', 2091, '440703', TRUE, 'REGISTERED', TIMESTAMP '2091-03-01 00:00:00',"
                + " 'bench', 0)");
        jdbc.update("INSERT INTO handover (id, content_hash, file_name, format, status, total, header, uploaded_by,"
                + " uploader_role, uploaded_at, version) VALUES (7, 'abc', 'a.csv', 'CSV', 'RUNNING', 1, 'h', 'cw',"
                + " 'CASEWORKER', TIMESTAMP '2026-07-01 08:00:00', 0)");
        jdbc.update("INSERT INTO handover_chunk (handover_id, seq, data) VALUES (7, 0, ?)",
                ("姓名,身份证号\n陈晓彤," + ID_NUMBER + "\n").getBytes(StandardCharsets.UTF_8));
        jdbc.update("INSERT INTO handover_row (handover_id, row_no, outcome, cells_enc) VALUES (7, 2, 'REJECTED', ?)",
                legacy("陈晓彤\t" + ID_NUMBER));
    }

    @Test
    void v22BindsWhatWasWrittenBeforeAndDropsTheBirthDate() throws Exception {
        migrateToLatest(cipher);

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM graduate WHERE name = '陈晓彤'");
        assertThat(columns()).doesNotContain("birth_date").contains("name_birth_hash");
        assertThat((String) row.get("id_number_enc")).startsWith("v1:");
        assertThat(cipher.decrypt((String) row.get("id_number_enc"), "graduate.id_number")).isEqualTo(ID_NUMBER);
        assertThat(cipher.decrypt((String) row.get("phone_enc"), "graduate.phone")).isEqualTo(PHONE);
        assertThat(row.get("id_number_hash")).isEqualTo(cipher.hash(ID_NUMBER));
        assertThat(row.get("name_birth_hash"))
                .isEqualTo(cipher.hash(NameFold.of("陈晓彤") + '\u001F' + LocalDate.of(2001, 8, 15)));
        // the ID number's ciphertext no longer decrypts as a phone: the column is bound
        assertThatThrownBy(() -> cipher.decrypt((String) row.get("id_number_enc"), "graduate.phone"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.queryForObject("SELECT id_number_enc FROM graduate WHERE name = '基准1'", String.class))
                .isEqualTo("bench");

        byte[] chunk = jdbc.queryForObject("SELECT data FROM handover_chunk WHERE handover_id = 7", byte[].class);
        assertThat(new String(chunk, StandardCharsets.ISO_8859_1)).doesNotContain(ID_NUMBER).startsWith("v1:");
        assertThat(new String(cipher.decrypt(chunk, "handover_chunk.data:7:0"), StandardCharsets.UTF_8))
                .contains(ID_NUMBER);
        String cells = jdbc.queryForObject("SELECT cells_enc FROM handover_row WHERE handover_id = 7", String.class);
        assertThat(cipher.decrypt(cells, "handover_row.cells")).isEqualTo("陈晓彤\t" + ID_NUMBER);
    }

    @Test
    void aRotationRewritesEveryValueAndHashUnderTheNewKeysAndCanBeRunAgain() throws Exception {
        migrateToLatest(cipher);
        String newKey = Base64.getEncoder().encodeToString("the-second-key-of-the-bureau-2027".getBytes());
        String newHashKey = Base64.getEncoder().encodeToString("the-second-hash-key-of-the-bureau".getBytes());
        PersonalDataCipher rotated = new PersonalDataCipher(newKey, 2, "1:" + KEY, newHashKey);
        List<EncryptedColumns> stores = List.of(new EncryptedGraduateColumns(dataSource, rotated),
                new EncryptedHandoverColumns(dataSource, rotated));

        long first = stores.stream().mapToLong(EncryptedColumns::rotate).sum();
        long again = stores.stream().mapToLong(EncryptedColumns::rotate).sum();

        assertThat(first).isEqualTo(3); // the graduate, the rejected row, the chunk
        assertThat(again).isZero();
        PersonalDataCipher after = new PersonalDataCipher(newKey, 2, "", newHashKey);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM graduate WHERE name = '陈晓彤'");
        assertThat(after.decrypt((String) row.get("id_number_enc"), "graduate.id_number")).isEqualTo(ID_NUMBER);
        assertThat(after.decrypt((String) row.get("phone_enc"), "graduate.phone")).isEqualTo(PHONE);
        assertThat(row.get("id_number_hash")).isEqualTo(after.hash(ID_NUMBER)).isNotEqualTo(cipher.hash(ID_NUMBER));
        assertThat(row.get("phone_hash")).isEqualTo(after.hash(PHONE));
        assertThat(row.get("name_birth_hash"))
                .isEqualTo(after.hash(NameFold.of("陈晓彤") + '\u001F' + LocalDate.of(2001, 8, 15)));
        assertThatThrownBy(() -> cipher.decrypt((String) row.get("id_number_enc"), "graduate.id_number"))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] chunk = jdbc.queryForObject("SELECT data FROM handover_chunk WHERE handover_id = 7", byte[].class);
        assertThat(new String(after.decrypt(chunk, "handover_chunk.data:7:0"), StandardCharsets.UTF_8)).contains(ID_NUMBER);
        String cells = jdbc.queryForObject("SELECT cells_enc FROM handover_row WHERE handover_id = 7", String.class);
        assertThat(after.decrypt(cells, "handover_row.cells")).isEqualTo("陈晓彤\t" + ID_NUMBER);
    }

    @Test
    void aRotationWithoutTheEarlierKeyStopsAndSaysWhich() throws Exception {
        migrateToLatest(cipher);
        PersonalDataCipher forgotten = new PersonalDataCipher(
                Base64.getEncoder().encodeToString("the-second-key-of-the-bureau-2027".getBytes()), 2, "", HASH_KEY);

        assertThatThrownBy(() -> new EncryptedGraduateColumns(dataSource, forgotten).rotate())
                .hasMessageContaining("graduate.id_number").hasMessageContaining("LEYE_CRYPTO_PREVIOUS_KEYS")
                .hasMessageNotContaining(ID_NUMBER);
    }

    /** As Spring Boot configures Flyway: the SQL in db/ and the Java migrations, which need the keys. */
    void migrateToLatest(PersonalDataCipher with) {
        EncryptedGraduateColumns graduates = new EncryptedGraduateColumns(dataSource, with);
        EncryptedHandoverColumns handovers = new EncryptedHandoverColumns(dataSource, with);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new GraduateIdentifiersMigration(graduates), new HandoverDataMigration(handovers))
                .load().migrate();
    }

    List<String> columns() throws Exception {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), null, "%", null)) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase("graduate")) {
                    names.add(rs.getString("COLUMN_NAME").toLowerCase());
                }
            }
            return names;
        }
    }

    /** A value as V21 and before wrote it: base64(iv || ciphertext || tag), no key version, no column. */
    static String legacy(String plain) throws Exception {
        byte[] aes = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(KEY));
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] iv = new byte[12];
        iv[0] = (byte) plain.length();
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aes, "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = gcm.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        byte[] all = new byte[iv.length + sealed.length];
        System.arraycopy(iv, 0, all, 0, iv.length);
        System.arraycopy(sealed, 0, all, iv.length, sealed.length);
        return Base64.getEncoder().encodeToString(all);
    }
}
