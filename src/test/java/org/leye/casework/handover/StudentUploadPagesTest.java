package org.leye.casework.handover;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leye.casework.handover.HandoverService.ErrorView;
import org.leye.casework.handover.HandoverService.HandoverView;
import org.leye.casework.handover.HandoverService.StudentRowView;
import org.leye.casework.handover.HandoverService.StudentUploadView;
import org.leye.casework.shared.problem.InvalidInputException;
import org.leye.casework.web.PageSlice;
import org.springframework.mock.web.MockMultipartFile;

/** The counselor's bulk registration of students in difficulty, in a slice. */
class StudentUploadPagesTest extends PageSlice {

    private static final MockMultipartFile FILE = new MockMultipartFile("file", "困难学生.csv", "text/csv",
            "姓名,身份证号\n".getBytes(StandardCharsets.UTF_8));

    private static StudentUploadView done() {
        ErrorView university = new ErrorView(3, "university", "不在本校范围内");
        HandoverView upload = new HandoverView(21L, HandoverKind.STUDENTS_IN_DIFFICULTY, HandoverStatus.DONE,
                "困难学生.csv", 3, 3, 1, 1, 1, List.of(university), null, Instant.parse("2026-03-01T01:00:00Z"),
                Instant.parse("2026-03-01T01:00:05Z"));
        return new StudentUploadView(upload, List.of(new StudentRowView(2, RowOutcome.ACCEPTED, 501L, List.of()),
                new StudentRowView(3, RowOutcome.REJECTED, null, List.of(university)),
                new StudentRowView(4, RowOutcome.DUPLICATE, 502L, List.of())));
    }

    @Test
    void theFormSaysTheColumnsAndTheUploadLimit() throws Exception {
        mvc.perform(get("/assistance/uploads").with(as(COUNSELOR))).andExpect(status().isOk())
                .andExpect(view().name("assistance/uploads")).andExpect(model().attribute("tooLarge", false))
                .andExpect(model().attribute("maxUploadMb", 20L))
                .andExpect(content().string(containsString("困难情况说明")));
        mvc.perform(get("/assistance/uploads").param("tooLarge", "").with(as(ADMIN)))
                .andExpect(model().attribute("tooLarge", true));
    }

    @Test
    void aListIsReceivedAsStudentsInDifficultyAndItsUploadShown() throws Exception {
        given(handovers.receive(eq(HandoverKind.STUDENTS_IN_DIFFICULTY), eq("困难学生.csv"), any(), eq(COUNSELOR)))
                .willReturn(new HandoverService.Received(21L, HandoverStatus.RUNNING, true));

        mvc.perform(multipart("/assistance/uploads").file(FILE).with(as(COUNSELOR)).with(csrf()))
                .andExpect(redirectedUrl("/assistance/uploads/21"))
                .andExpect(flash().attribute("notice", "web.handover.received"));
    }

    @Test
    void theSameListAgainIsSaidToHaveRegisteredNobodyTwice() throws Exception {
        given(handovers.receive(eq(HandoverKind.STUDENTS_IN_DIFFICULTY), any(), any(), eq(COUNSELOR)))
                .willReturn(new HandoverService.Received(21L, HandoverStatus.DONE, false));

        mvc.perform(multipart("/assistance/uploads").file(FILE).with(as(COUNSELOR)).with(csrf()))
                .andExpect(redirectedUrl("/assistance/uploads/21"))
                .andExpect(flash().attribute("notice", "web.studentUpload.again"));
    }

    @Test
    void eachRowsResultIsShownWithItsAssistanceOrItsReasons() throws Exception {
        given(handovers.studentUpload(eq(21L), eq(COUNSELOR), any(Locale.class))).willReturn(done());

        mvc.perform(get("/assistance/uploads/21").with(as(COUNSELOR))).andExpect(status().isOk())
                .andExpect(view().name("assistance/upload"))
                .andExpect(content().string(containsString("href=\"/assistance/501\"")))
                .andExpect(content().string(containsString("毕业院校：不在本校范围内")))
                .andExpect(content().string(containsString("重复（已在帮扶中）")))
                .andExpect(content().string(containsString("/api/handovers/21/rejected")))
                .andExpect(content().string(not(containsString("data-status=\"RUNNING\""))));
    }

    @Test
    void noFileOrAListRefusedAsAWholeIsSaidAboveTheForm() throws Exception {
        mvc.perform(multipart("/assistance/uploads").with(as(COUNSELOR)).with(csrf())).andExpect(status().isOk())
                .andExpect(view().name("assistance/uploads"))
                .andExpect(model().attribute("problemKey", "web.handover.chooseFile"));

        given(handovers.receive(eq(HandoverKind.STUDENTS_IN_DIFFICULTY), any(), any(), eq(COUNSELOR)))
                .willThrow(new InvalidInputException("problem.handover.unreadable", Map.of()));
        mvc.perform(multipart("/assistance/uploads").file(FILE).with(as(COUNSELOR)).with(csrf()))
                .andExpect(status().isOk()).andExpect(view().name("assistance/uploads"))
                .andExpect(content().string(containsString("无法读取该文件")));
    }

    @Test
    void caseworkersAndHelpersDoNotRegisterStudentsInDifficulty() throws Exception {
        for (var caller : List.of(CASEWORKER, HELPER)) {
            mvc.perform(get("/assistance/uploads").with(as(caller))).andExpect(status().isNotFound());
            mvc.perform(multipart("/assistance/uploads").file(FILE).with(as(caller)).with(csrf()))
                    .andExpect(status().isNotFound());
        }
        then(handovers).should(never()).receive(any(HandoverKind.class), any(), any(), any());
    }
}
