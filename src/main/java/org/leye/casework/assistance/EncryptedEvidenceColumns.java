package org.leye.casework.assistance;

import java.util.List;

import org.leye.casework.shared.crypto.EncryptedColumns;
import org.leye.casework.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The evidence files' bytes, rewritten under the current key by a key rotation: one file at a time
 * (up to 5 MB each), each update committed on its own, so that a rotation stopped halfway is
 * finished by running it again.
 */
@Component
class EncryptedEvidenceColumns implements EncryptedColumns {

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;

    EncryptedEvidenceColumns(JdbcTemplate jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public String describe() {
        return "assistance_evidence (data)";
    }

    @Override
    public long rotate() {
        List<long[]> files = jdbc.query("select id, assistance_id from assistance_evidence order by id",
                (rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) });
        long changed = 0;
        for (long[] file : files) {
            byte[] data = jdbc.queryForObject("select data from assistance_evidence where id = ?", byte[].class,
                    file[0]);
            if (data == null || cipher.current(data)) {
                continue;
            }
            String context = EvidenceFiles.context(file[1], file[0]);
            byte[] plain;
            try {
                plain = cipher.decrypt(data, context);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Evidence file " + file[0] + " cannot be decrypted with the"
                        + " configured keys (LEYE_CRYPTO_KEY, LEYE_CRYPTO_PREVIOUS_KEYS)", e);
            }
            jdbc.update("update assistance_evidence set data = ? where id = ?", cipher.encrypt(plain, context),
                    file[0]);
            changed++;
        }
        return changed;
    }
}
