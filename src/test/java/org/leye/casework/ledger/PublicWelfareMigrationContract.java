package org.leye.casework.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * db/V34_5 on a database written by V33: a graduate, their DESTINATION entry and their placement
 * span with the pseudo code PUBLIC_WELFARE_POST become 11 with the public-welfare flag; the entry's
 * details stay as written; every other destination keeps its code and no flag. On H2 and on MariaDB,
 * each on a database of its own made afresh.
 */
abstract class PublicWelfareMigrationContract {

    /** An empty database of the test's own. */
    abstract DataSource freshDataSource() throws Exception;

    @Test
    void thePseudoCodeBecomes11WithTheFlagAndOtherDestinationsStayAsTheyWere() throws Exception {
        DataSource dataSource = freshDataSource();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("33").load().migrate();
        long welfare = graduate(jdbc, "公益旧码", "PUBLIC_WELFARE_POST", "h-1");
        long contract = graduate(jdbc, "劳动合同", "11", "h-2");
        for (long[] g : new long[][] { { welfare, 0 }, { contract, 1 } }) {
            String code = g[1] == 0 ? "PUBLIC_WELFARE_POST" : "11";
            jdbc.update("INSERT INTO ledger_entry (graduate_id, type, at, actor, district_code, destination_code, details)"
                    + " VALUES (?, 'DESTINATION', TIMESTAMP '2026-08-01 02:00:00', 'cw', '440703', ?, ?)", g[0], code,
                    "{\"code\":\"" + code + "\",\"group\":\"CONTRACT\"}");
            jdbc.update("INSERT INTO placement_period (graduate_id, graduation_year, district_code, destination_code,"
                    + " met131, valid_from) VALUES (?, 2026, '440703', ?, FALSE, TIMESTAMP '2026-08-01 02:00:00')", g[0], code);
        }

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("34.5").load().migrate();

        assertThat(row(jdbc, "SELECT destination_code, destination_public_welfare FROM graduate WHERE id = ?", welfare))
                .containsExactly("11", true);
        assertThat(row(jdbc, "SELECT destination_code, destination_public_welfare FROM graduate WHERE id = ?", contract))
                .containsExactly("11", false);
        assertThat(row(jdbc, "SELECT destination_code, public_welfare FROM ledger_entry WHERE graduate_id = ?", welfare))
                .containsExactly("11", true);
        assertThat(row(jdbc, "SELECT destination_code, public_welfare FROM ledger_entry WHERE graduate_id = ?", contract))
                .containsExactly("11", false);
        assertThat(jdbc.queryForObject("SELECT details FROM ledger_entry WHERE graduate_id = ?", String.class, welfare))
                .contains("PUBLIC_WELFARE_POST");
        assertThat(jdbc.queryForList("SELECT destination_code FROM placement_period", String.class))
                .containsExactly("11", "11");
    }

    private static long graduate(JdbcTemplate jdbc, String name, String code, String hash) {
        jdbc.update("INSERT INTO graduate (name, name_sort, id_number_hash, id_number_enc, id_number_masked, gender,"
                + " university_name, degree, graduation_year, district_code, willing_to_work, status, registered_at,"
                + " registered_by, version, destination_code) VALUES (?, '00', ?, 'fixture', '440703********0000',"
                + " 'FEMALE', '五邑大学', 'BACHELOR', 2026, '440703', TRUE, 'PLACED', TIMESTAMP '2026-03-01 02:00:00',"
                + " 'fixture', 0, ?)", name, hash, code);
        return jdbc.queryForObject("SELECT id FROM graduate WHERE id_number_hash = ?", Long.class, hash);
    }

    private static List<Object> row(JdbcTemplate jdbc, String sql, long id) {
        Map<String, Object> r = jdbc.queryForMap(sql, id);
        return r.values().stream().map(v -> v instanceof Number n ? (Object) (n.intValue() != 0) : v).toList();
    }
}
