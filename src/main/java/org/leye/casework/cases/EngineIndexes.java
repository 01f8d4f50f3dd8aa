package org.leye.casework.cases;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.leye.casework.shared.ProcessAdapter;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An index the engine's schema lacks: every task completion looks up sub-tasks by
 * {@code ACT_RU_TASK.PARENT_TASK_ID_}, and without an index that is a full scan (measured on
 * MariaDB: whole-case throughput 5 → 17 cases/s at 20,000 open tasks). The engine creates its
 * tables after Flyway has run, so the index is added here, once, when the application has started.
 */
@Component
@ProcessAdapter
class EngineIndexes {

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);
    static final String PARENT_TASK_INDEX = "LEYE_IDX_TASK_PARENT";

    private final DataSource dataSource;
    // the engine, and with it its schema, exists before the application has started
    private final org.camunda.bpm.engine.ProcessEngine engine;

    EngineIndexes(DataSource dataSource, org.camunda.bpm.engine.ProcessEngine engine) {
        this.dataSource = dataSource;
        this.engine = engine;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void ensureIndexes() throws SQLException {
        if (!hasIndex("ACT_RU_TASK", PARENT_TASK_INDEX)) {
            new JdbcTemplate(dataSource).execute("CREATE INDEX " + PARENT_TASK_INDEX + " ON ACT_RU_TASK (PARENT_TASK_ID_)");
            log.info("Created index {} on ACT_RU_TASK(PARENT_TASK_ID_)", PARENT_TASK_INDEX);
        }
    }

    boolean hasIndex(String table, String index) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (String name : new String[] { table, table.toLowerCase(Locale.ROOT) }) {
                try (ResultSet rs = meta.getIndexInfo(c.getCatalog(), null, name, false, true)) {
                    while (rs.next()) {
                        if (index.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
