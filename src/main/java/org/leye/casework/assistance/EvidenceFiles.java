package org.leye.casework.assistance;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.leye.casework.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The evidence files of assistances, in plain SQL like the hand-over's chunks: the listing never
 * reads the bytes, and the bytes are stored encrypted, bound to their assistance and row as the
 * cipher's associated data (a file copied to another row or assistance does not decrypt).
 */
@Repository
class EvidenceFiles {

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;

    EvidenceFiles(JdbcTemplate jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    private static final String COLUMNS = "id, name, content_type, size_bytes, uploaded_by, uploaded_at";

    private static AssistanceView.EvidenceFile file(ResultSet rs) throws SQLException {
        return new AssistanceView.EvidenceFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.getString(5), rs.getTimestamp(6).toInstant());
    }

    /** The associated data of a file's bytes. */
    static String context(long assistanceId, long fileId) {
        return "assistance_evidence.data:" + assistanceId + ":" + fileId;
    }

    /** Stores a file (in the caller's transaction: the row and its bytes together); answers its id. */
    long add(long assistanceId, String name, EvidenceType type, byte[] content, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("insert into assistance_evidence (assistance_id, name,"
                    + " content_type, size_bytes, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, assistanceId);
            ps.setString(2, name);
            ps.setString(3, type.mediaType());
            ps.setLong(4, content.length);
            ps.setString(5, by);
            ps.setTimestamp(6, Timestamp.from(at));
            return ps;
        }, key);
        long id = key.getKeyAs(Number.class).longValue();
        jdbc.update("update assistance_evidence set data = ? where id = ?",
                cipher.encrypt(content, context(assistanceId, id)), id);
        return id;
    }

    /** The assistance's files in upload order, without their bytes. */
    List<AssistanceView.EvidenceFile> of(long assistanceId) {
        return jdbc.query("select " + COLUMNS + " from assistance_evidence where assistance_id = ? order by id",
                (rs, i) -> file(rs), assistanceId);
    }

    int count(long assistanceId) {
        Integer n = jdbc.queryForObject("select count(*) from assistance_evidence where assistance_id = ?",
                Integer.class, assistanceId);
        return n == null ? 0 : n;
    }

    /** A file and its bytes, decrypted. */
    record Content(AssistanceView.EvidenceFile file, byte[] bytes) {
    }

    /** One file of the assistance, if it is one of its files. */
    Optional<Content> read(long assistanceId, long fileId) {
        return jdbc.query("select " + COLUMNS + ", data from assistance_evidence where assistance_id = ? and id = ?",
                (rs, i) -> new Content(file(rs), cipher.decrypt(rs.getBytes(7), context(assistanceId, fileId))),
                assistanceId, fileId).stream().findFirst();
    }
}
