package org.leye.casework.support;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit entries written after a point in a test, read through the audit API as the administrator.
 * A point in time is not enough: MySQL keeps the entry's time to the second, rounding, so an entry written a
 * few hundred milliseconds before the mark by an earlier test can carry a later second than the mark itself.
 * The entry id only grows, so the mark is the last id.
 */
public final class AuditMark {

    private final TestRestTemplate rest;
    private final long lastId;

    private AuditMark(TestRestTemplate rest, long lastId) {
        this.rest = rest;
        this.lastId = lastId;
    }

    public static AuditMark now(TestRestTemplate rest, JdbcTemplate jdbc) {
        Long last = jdbc.queryForObject("select coalesce(max(id), 0) from audit_log", Long.class);
        return new AuditMark(rest, last == null ? 0 : last);
    }

    /** The entries after the mark that the query (for example {@code action=EXPORT&actor=sup.city}) finds. */
    public List<JsonNode> entries(String query) {
        JsonNode content = Api.as(rest, "admin").get("/api/audit?size=200&" + query).expect(200).json()
                .path("content");
        List<JsonNode> after = new ArrayList<>();
        content.forEach(e -> {
            if (e.path("id").asLong() > lastId) {
                after.add(e);
            }
        });
        return after;
    }
}
