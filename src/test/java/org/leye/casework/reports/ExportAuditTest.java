package org.leye.casework.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;
import org.leye.casework.support.Api;
import org.leye.casework.support.AuditMark;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** An export that the client abandons in the middle is in the audit log all the same, with the rows written so far. */
@IntegrationTest
class ExportAuditTest {

    /** A cohort of its own: no other test registers graduates of 1996. */
    static final int YEAR = 1996;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ReportExports exports;

    @Autowired
    JdbcTemplate jdbc;

    /** A table whose client goes away while the second data row is written. */
    static final class AbandonedTable implements TableWriter {
        int rows;

        @Override
        public void row(List<?> cells) throws IOException {
            if (rows == 2) {
                throw new IOException("Broken pipe");
            }
            rows++;
        }

        @Override
        public int dataRows() {
            return Math.max(0, rows - 1);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void ledgerExportAbandonedByTheClientIsAuditedWithTheRowsWrittenSoFar() {
        Api city = Api.as(rest, "sup.city");
        for (String name : List.of("弃甲", "弃乙", "弃丙")) {
            city.post("/api/graduates", TestGraduates.with(TestGraduates.graduate(name + TestGraduates.tag(),
                    "440785"), "graduationYear", YEAR)).expect(201);
        }
        CurrentUser caller = new CurrentUser("sup.city", "市级督导", Role.SUPERVISOR, null, null);
        AuditMark mark = AuditMark.now(rest, jdbc);

        assertThatThrownBy(() -> exports.ledger(new ReportExports.LedgerFilters("440785", YEAR, null, null), caller,
                new AbandonedTable()))
                .isInstanceOf(IOException.class).hasMessage("Broken pipe");

        List<JsonNode> entries = mark.entries("action=EXPORT&actor=sup.city");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("target").asText()).isEqualTo("ledger");
        assertThat(entries.get(0).path("scope").asText()).isEqualTo("district=440785 graduationYear=" + YEAR);
        assertThat(entries.get(0).path("rows").asInt()).isEqualTo(1);
    }

    @Test
    void exportRefusedBeforeItStartsIsNoExport() {
        CurrentUser pengjiang = new CurrentUser("sup.pengjiang", "蓬江督导", Role.SUPERVISOR, "440703", null);
        AuditMark mark = AuditMark.now(rest, jdbc);
        assertThatThrownBy(() -> exports.ledger(new ReportExports.LedgerFilters("440785", YEAR, null, null), pengjiang,
                new AbandonedTable()))
                .hasMessageContaining("district");
        assertThat(mark.entries("action=EXPORT&actor=sup.pengjiang")).isEmpty();
    }
}
