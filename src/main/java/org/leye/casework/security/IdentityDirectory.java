package org.leye.casework.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leye.casework.security.EngineGroups.Membership;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's read access to {@code app_user} and the reference data, in plain JDBC. Called inside
 * engine commands: the statements join the engine's Spring-managed transaction (same data source)
 * and only read, so they neither flush a JPA persistence context nor commit anything.
 */
@Component
class IdentityDirectory {

    /** A user as the engine sees one. */
    record DirectoryUser(String username, String displayName, String email, Role role,
                         String districtCode, String universityCode) {

        CurrentUser toCurrentUser() {
            return new CurrentUser(username, displayName, role, districtCode, universityCode);
        }
    }

    /** A column of {@code app_user} to sort by. */
    enum SortColumn {
        USERNAME("username"), DISPLAY_NAME("display_name"), EMAIL("email");

        private final String column;

        SortColumn(String column) {
            this.column = column;
        }
    }

    record Sort(SortColumn column, boolean ascending) {
    }

    /**
     * The criteria of a user query; a null field is no condition. {@code ids} empty selects nobody.
     * Likes are SQL patterns ({@code %}, {@code _}), as the engine's own queries take them.
     */
    record UserFilter(String username, List<String> usernames, String displayName, String displayNameLike,
                      String email, String emailLike, Membership membership, List<Sort> sorts) {
    }

    private static final String USER_COLUMNS = "username, display_name, email, role, district_code, university_code";

    private final NamedParameterJdbcTemplate jdbc;

    IdentityDirectory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DirectoryUser> user(String username) {
        return jdbc.query("SELECT " + USER_COLUMNS + " FROM app_user WHERE username = :username",
                Map.of("username", username), IdentityDirectory::toUser).stream().findFirst();
    }

    /** The password hash of an enabled user; empty for an unknown or disabled one. */
    Optional<String> passwordHashOfEnabledUser(String username) {
        return jdbc.queryForList("SELECT password_hash FROM app_user WHERE username = :username AND enabled = TRUE",
                Map.of("username", username), String.class).stream().findFirst();
    }

    List<DirectoryUser> users(UserFilter filter, int firstResult, int maxResults) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder sql = new StringBuilder("SELECT " + USER_COLUMNS + " FROM app_user");
        appendWhere(sql, params, filter);
        sql.append(" ORDER BY ");
        for (Sort sort : filter.sorts()) {
            sql.append(sort.column().column).append(sort.ascending() ? " ASC, " : " DESC, ");
        }
        sql.append("username ASC LIMIT :maxResults OFFSET :firstResult");
        params.addValue("maxResults", maxResults).addValue("firstResult", firstResult);
        return jdbc.query(sql.toString(), params, IdentityDirectory::toUser);
    }

    long countUsers(UserFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM app_user");
        appendWhere(sql, params, filter);
        Long count = jdbc.queryForObject(sql.toString(), params, Long.class);
        return count == null ? 0 : count;
    }

    /** District code to (simplified Chinese) name, in code order. */
    Map<String, String> districts() {
        return codesToNames("SELECT code, name FROM district ORDER BY code");
    }

    /** University code to name, in code order. */
    Map<String, String> universities() {
        return codesToNames("SELECT code, name FROM university ORDER BY code");
    }

    private Map<String, String> codesToNames(String sql) {
        Map<String, String> result = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            result.put(rs.getString("code"), rs.getString("name"));
        });
        return result;
    }

    private static void appendWhere(StringBuilder sql, MapSqlParameterSource params, UserFilter filter) {
        sql.append(" WHERE 1 = 1");
        condition(sql, params, "username = :username", "username", filter.username());
        if (filter.usernames() != null) {
            if (filter.usernames().isEmpty()) {
                sql.append(" AND 1 = 0");
            } else {
                sql.append(" AND username IN (:usernames)");
                params.addValue("usernames", filter.usernames());
            }
        }
        condition(sql, params, "display_name = :displayName", "displayName", filter.displayName());
        condition(sql, params, "display_name LIKE :displayNameLike", "displayNameLike", filter.displayNameLike());
        condition(sql, params, "email = :email", "email", filter.email());
        condition(sql, params, "email LIKE :emailLike", "emailLike", filter.emailLike());
        Membership membership = filter.membership();
        if (membership != null) {
            condition(sql, params, "role = :role", "role", membership.role().name());
            if (membership.districtCode() != null) {
                sql.append(membership.withCitySupervisors()
                        ? " AND (district_code = :district OR district_code IS NULL)"
                        : " AND district_code = :district");
                params.addValue("district", membership.districtCode());
            } else if (membership.withCitySupervisors()) {
                sql.append(" AND district_code IS NULL");
            }
            condition(sql, params, "university_code = :university", "university", membership.universityCode());
        }
    }

    private static void condition(StringBuilder sql, MapSqlParameterSource params, String condition,
                                  String name, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.addValue(name, value);
        }
    }

    private static DirectoryUser toUser(ResultSet rs, int row) throws SQLException {
        return new DirectoryUser(rs.getString("username"), rs.getString("display_name"), rs.getString("email"),
                Role.valueOf(rs.getString("role")), rs.getString("district_code"), rs.getString("university_code"));
    }
}
