package org.leye.casework.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads what {@link Service131Policy} needs from the ledger: a graduate's entries that bear on the 131,
 * and the services (only those) of the duplicates merged into them. Indexes: ix_ledger_entry_graduate_at,
 * and the graduate's merged_into for the duplicates.
 */
final class Service131Entries {

    /** The entries of the graduate themself that the rule reads. */
    static final String OWN_TYPES = "'REGISTERED', 'WILLINGNESS', 'GRADUATE_CORRECTED', 'DESTINATION', 'REOPENED', "
            + "'GUIDANCE', 'REFERRAL', 'TRAINING', 'INTERNSHIP', 'EMPLOYER_BLACKLISTED'";
    /** What a merged duplicate brings: their services, not their registration, willingness or destination. */
    static final String SERVICE_TYPES = "'GUIDANCE', 'REFERRAL', 'TRAINING', 'INTERNSHIP'";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    Service131Entries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A graduate's entries and their merged duplicates' services, in time order (then id): one round
     * trip, as it is read after every service recorded ({@link PlacementPeriods#met131(long)}).
     */
    List<Service131Policy.Entry> of(long graduateId) {
        List<Row> rows = new ArrayList<>();
        jdbc.query("SELECT id, type, at, employer_id, details, destination_code FROM ledger_entry"
                + " WHERE graduate_id = ? AND type IN (" + OWN_TYPES + ")"
                + " UNION ALL"
                + " SELECT l.id, l.type, l.at, l.employer_id, l.details, l.destination_code FROM ledger_entry l"
                + " WHERE l.graduate_id IN (SELECT g.id FROM graduate g WHERE g.merged_into = ?)"
                + " AND l.type IN (" + SERVICE_TYPES + ")",
                rs -> {
                    rows.add(row(rs));
                }, graduateId, graduateId);
        return inOrder(rows);
    }

    /**
     * The entries of every graduate with an id in [from, to], with their merged duplicates' services, by
     * graduate (a slice of {@link PlacementPeriods#rebuild(long, long)}).
     */
    Map<Long, List<Service131Policy.Entry>> of(long from, long to) {
        Map<Long, List<Row>> rows = new HashMap<>();
        jdbc.query("SELECT id, type, at, employer_id, details, destination_code, graduate_id FROM ledger_entry"
                + " WHERE graduate_id BETWEEN ? AND ? AND type IN (" + OWN_TYPES + ")",
                rs -> {
                    rows.computeIfAbsent(rs.getLong(7), k -> new ArrayList<>()).add(row(rs));
                }, from, to);
        jdbc.query("SELECT l.id, l.type, l.at, l.employer_id, l.details, l.destination_code, g.merged_into"
                + " FROM graduate g JOIN ledger_entry l ON l.graduate_id = g.id"
                + " WHERE g.merged_into BETWEEN ? AND ? AND l.type IN (" + SERVICE_TYPES + ")",
                rs -> {
                    rows.computeIfAbsent(rs.getLong(7), k -> new ArrayList<>()).add(row(rs));
                }, from, to);
        Map<Long, List<Service131Policy.Entry>> entries = new HashMap<>();
        rows.forEach((id, r) -> entries.put(id, inOrder(r)));
        return entries;
    }

    private record Row(long id, Service131Policy.Entry entry) {
    }

    private static List<Service131Policy.Entry> inOrder(List<Row> rows) {
        rows.sort(Comparator.comparing((Row r) -> r.entry().at()).thenComparingLong(Row::id));
        return rows.stream().map(Row::entry).toList();
    }

    private static Row row(ResultSet rs) throws SQLException {
        LedgerEntryType type = LedgerEntryType.valueOf(rs.getString(2));
        Instant at = rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC);
        Object employerId = rs.getObject(4);
        JsonNode details = details(rs.getString(5));
        String position = null;
        Boolean willing = null;
        if (type == LedgerEntryType.REFERRAL) {
            position = Service131Policy.positionKey(employerId != null ? employerId : text(details, "employerId"),
                    text(details, "employer"), text(details, "position"));
        } else if (type == LedgerEntryType.EMPLOYER_BLACKLISTED) {
            position = Service131Policy.employerKey(employerId != null ? employerId : text(details, "employerId"));
        } else if (type == LedgerEntryType.WILLINGNESS) {
            String w = text(details, "willingness");
            willing = w == null || "UNCONFIRMED".equals(w) ? null : "WANTS_JOB".equals(w);
        } else if ((type == LedgerEntryType.REGISTERED || type == LedgerEntryType.GRADUATE_CORRECTED)
                && details.hasNonNull("willingToWork")) {
            willing = details.get("willingToWork").asBoolean();
        }
        return new Row(rs.getLong(1), new Service131Policy.Entry(type, at, position, rs.getString(6), willing));
    }

    private static String text(JsonNode details, String field) {
        JsonNode n = details.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static JsonNode details(String json) {
        if (json == null || json.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable ledger entry details", e);
        }
    }
}
