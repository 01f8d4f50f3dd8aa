package org.leye.casework.handover;

import static org.hamcrest.Matchers.containsString;
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
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leye.casework.shared.problem.InvalidInputException;
import org.leye.casework.web.PageSlice;
import org.springframework.mock.web.MockMultipartFile;

/** The hand-over upload page in a slice. */
class HandoverPagesTest extends PageSlice {

    private static final MockMultipartFile FILE = new MockMultipartFile("file", "名单.csv", "text/csv",
            "姓名,身份证号\n".getBytes(StandardCharsets.UTF_8));

    @Test
    void theFormSaysTheUploadLimit() throws Exception {
        mvc.perform(get("/handovers/new").with(as(COUNSELOR))).andExpect(status().isOk())
                .andExpect(view().name("handover/new")).andExpect(model().attribute("tooLarge", false))
                .andExpect(model().attribute("maxUploadMb", 20L));
        mvc.perform(get("/handovers/new").param("tooLarge", "").with(as(CASEWORKER)))
                .andExpect(model().attribute("tooLarge", true));
    }

    @Test
    void aFileIsReceivedAndItsHandOverShown() throws Exception {
        given(handovers.receive(eq("名单.csv"), any(), eq(COUNSELOR)))
                .willReturn(new HandoverService.Received(11L, HandoverStatus.RUNNING, true));

        mvc.perform(multipart("/handovers/new").file(FILE).with(as(COUNSELOR)).with(csrf()))
                .andExpect(redirectedUrl("/handovers/11"))
                .andExpect(flash().attribute("notice", "web.handover.received"));
    }

    @Test
    void noFileOrAFileRefusedAsAWholeIsSaidAboveTheForm() throws Exception {
        mvc.perform(multipart("/handovers/new").with(as(COUNSELOR)).with(csrf())).andExpect(status().isOk())
                .andExpect(view().name("handover/new")).andExpect(model().attribute("problemKey", "web.handover.chooseFile"));

        given(handovers.receive(any(), any(), eq(COUNSELOR)))
                .willThrow(new InvalidInputException("problem.handover.unreadable", Map.of()));
        mvc.perform(multipart("/handovers/new").file(FILE).with(as(COUNSELOR)).with(csrf()))
                .andExpect(status().isOk()).andExpect(view().name("handover/new"))
                .andExpect(content().string(containsString("无法读取该文件")));
    }

    @Test
    void helpersDoNotHandOver() throws Exception {
        mvc.perform(get("/handovers/new").with(as(HELPER))).andExpect(status().isNotFound())
                .andExpect(view().name("error/404"));
        mvc.perform(multipart("/handovers/new").file(FILE).with(as(HELPER)).with(csrf()))
                .andExpect(status().isNotFound());

        then(handovers).should(never()).receive(any(), any(), any());
    }
}
