package org.leye.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine's missing index on ACT_RU_TASK(PARENT_TASK_ID_) is there after start-up, and adding it again is a no-op. */
abstract class EngineIndexesContract {

    @Autowired
    EngineIndexes indexes;

    @Test
    void parentTaskIndexExistsAfterStartUp() throws Exception {
        assertThat(indexes.hasIndex("ACT_RU_TASK", EngineIndexes.PARENT_TASK_INDEX)).isTrue();
        indexes.ensureIndexes();
        assertThat(indexes.hasIndex("ACT_RU_TASK", EngineIndexes.PARENT_TASK_INDEX)).isTrue();
    }
}
