package org.leye.casework.handover;

import org.leye.casework.support.TestGraduates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.handover.HandoverFiles.HEADER_SIMPLIFIED;
import static org.leye.casework.handover.HandoverFiles.row;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;
import org.leye.casework.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/** A restart in the middle of a file: the hand-over resumes with the rows that have no result. */
@IntegrationTest
class HandoverResumeTest extends HandoverApiContractSupport {

    @Autowired
    HandoverService service;

    @Autowired
    HandoverRunner runner;

    @Test
    void runningHandoverResumesAfterItsLastRowAndNoRowIsDoneTwice() throws Exception {
        String marker = "续" + TestGraduates.tag();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(row(marker + i));
        }
        rows.add(rows.get(2)); // the same person again, after the restart point
        byte[] file = HandoverFiles.csv(HEADER_SIMPLIFIED, rows, StandardCharsets.UTF_8, false);
        CurrentUser counselor = new CurrentUser("counselor.wyu", "五邑大学辅导员", Role.COUNSELOR, null, "WYU");

        // stored but not started, then 5 rows processed before the "crash": it stays RUNNING
        long id = service.store("resume.csv", new ByteArrayInputStream(file), counselor).id();
        runner.run(id, 5);
        JsonNode half = get("counselor.wyu", id);
        assertThat(half.path("status").asText()).isEqualTo("RUNNING");
        assertThat(half.path("processed").asInt()).isEqualTo(5);

        // start-up after the restart
        runner.resumeRunning();
        JsonNode done = waitForDone("counselor.wyu", id, Duration.ofSeconds(30));

        assertThat(done.path("total").asInt()).isEqualTo(13);
        assertThat(done.path("processed").asInt()).isEqualTo(13);
        assertThat(done.path("accepted").asInt()).isEqualTo(12);
        assertThat(done.path("duplicates").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from graduate where name like ?", Integer.class, marker + "%"))
                .isEqualTo(12);
        assertThat(jdbc.queryForObject("select count(*) from case_file c join graduate g on g.id = c.graduate_id"
                + " where g.name like ?", Integer.class, marker + "%")).isEqualTo(12);
        assertThat(jdbc.queryForObject("select count(*) from handover_chunk where handover_id = ?", Integer.class, id))
                .isZero();
    }

    @Test
    void rowsWrittenByAnotherLaneBeforeTheRestartAreNotDoneAgainAndTheGapsBeforeThemAre() throws Exception {
        String marker = "隙" + TestGraduates.tag();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(row(marker + i));
        }
        byte[] file = HandoverFiles.csv(HEADER_SIMPLIFIED, rows, StandardCharsets.UTF_8, false);
        CurrentUser counselor = new CurrentUser("counselor.wyu", "五邑大学辅导员", Role.COUNSELOR, null, "WYU");
        long id = service.store("gaps.csv", new ByteArrayInputStream(file), counselor).id();
        runner.run(id, 4); // file rows 2 to 5
        // file row 11 (data row 9) had been written by the other lane when the node stopped
        jdbc.update("insert into handover_row (handover_id, row_no, outcome, graduate_id, cells_enc) values (?, 11, 'REJECTED', null, null)", id);

        runner.resumeRunning();
        JsonNode done = waitForDone("counselor.wyu", id, Duration.ofSeconds(30));

        assertThat(done.path("processed").asInt()).isEqualTo(12);
        assertThat(done.path("accepted").asInt()).isEqualTo(11);
        assertThat(jdbc.queryForList("select row_no from handover_row where handover_id = ? and outcome = 'ACCEPTED'"
                + " order by row_no", Integer.class, id)).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13);
        assertThat(jdbc.queryForObject("select count(*) from graduate where name = ?", Integer.class, marker + 9)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from graduate where name like ?", Integer.class, marker + "%"))
                .isEqualTo(11);
    }
}
