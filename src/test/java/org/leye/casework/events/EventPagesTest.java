package org.leye.casework.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leye.casework.shared.problem.BusinessRuleException;
import org.leye.casework.tasks.TaskType;
import org.leye.casework.web.PageSlice;
import org.mockito.ArgumentCaptor;

/** The group event page in a slice: the inbox's graduates offered, the result listed, a refusal said. */
class EventPagesTest extends PageSlice {

    private static final String TODAY = "2026-03-01";

    @Test
    void offersTheInboxsGraduatesAndTodayAndIsTheBureausOnly() throws Exception {
        given(groupEvents.candidates(CASEWORKER)).willReturn(List.of(
                new GroupEvents.Candidate(7L, "林小雨", "CN2026440703000007", TaskType.GUIDANCE)));

        String html = mvc.perform(get("/events/new").with(as(CASEWORKER))).andExpect(status().isOk())
                .andExpect(view().name("events/new")).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("name=\"graduateIds\"", "value=\"7\"", "林小雨 · CN2026440703000007 · 职业指导",
                "value=\"" + TODAY + "\"", "集体职业指导", "招聘会", "集中培训");
        mvc.perform(get("/events/new").with(as(COUNSELOR))).andExpect(status().isNotFound());
    }

    @Test
    void recordsTheTickedAndPastedGraduatesAndListsWhatItDid() throws Exception {
        given(groupEvents.pick(List.of(7L), "8 CN-NONE", CASEWORKER))
                .willReturn(new GroupEvents.Picked(List.of(7L, 8L), List.of("CN-NONE")));
        given(groupEvents.record(any(), any())).willReturn(new GroupEventResult(
                new GroupEventResult.Event(EventKind.GUIDANCE, LocalDate.parse(TODAY), "求职讲座", "人力资源市场", 2),
                List.of(new GroupEventResult.Completed(7L, "t-7", 70L)), List.of(), List.of(8L), List.of(), List.of()));

        String html = mvc.perform(post("/events").with(as(CASEWORKER)).with(csrf()).param("kind", "GUIDANCE")
                .param("date", TODAY).param("title", " 求职讲座 ").param("place", "人力资源市场")
                .param("graduateIds", "7").param("pasted", "8 CN-NONE"))
                .andExpect(status().isOk()).andExpect(view().name("events/result"))
                .andReturn().getResponse().getContentAsString();

        ArgumentCaptor<RecordGroupEvent> recorded = ArgumentCaptor.forClass(RecordGroupEvent.class);
        then(groupEvents).should().record(recorded.capture(), any());
        assertThat(recorded.getValue()).isEqualTo(new RecordGroupEvent(EventKind.GUIDANCE, LocalDate.parse(TODAY),
                "求职讲座", "人力资源市场", List.of(7L, 8L), Map.of()));
        assertThat(html).contains("已完成任务（1）", "没有相应待办任务", "CN-NONE", "href=\"/graduates/7\"");
    }

    @Test
    void aRefusedGraduateIsNamedAndTheFormShownAgain() throws Exception {
        given(groupEvents.pick(List.of(7L), null, CASEWORKER)).willReturn(new GroupEvents.Picked(List.of(7L), List.of()));
        given(groupEvents.record(any(), any())).willThrow(new BusinessRuleException("problem.taskCompleted",
                Map.of("graduateId", 7L), "t-7"));

        String html = mvc.perform(post("/events").with(as(CASEWORKER)).with(csrf()).param("kind", "GUIDANCE")
                .param("date", TODAY).param("title", "求职讲座").param("graduateIds", "7"))
                .andExpect(status().isOk()).andExpect(view().name("events/new"))
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("毕业生 7：", "整个活动未记录");
    }

    @Test
    void refusesAFutureDateAndNoGraduate() throws Exception {
        mvc.perform(post("/events").with(as(CASEWORKER)).with(csrf()).param("kind", "GUIDANCE")
                .param("date", "2099-03-05").param("title", "求职讲座").param("graduateIds", "7"))
                .andExpect(view().name("events/new")).andExpect(model().attributeHasFieldErrors("event", "date"));
        given(groupEvents.pick(List.of(), null, CASEWORKER)).willReturn(new GroupEvents.Picked(List.of(), List.of()));
        mvc.perform(post("/events").with(as(CASEWORKER)).with(csrf()).param("kind", "GUIDANCE")
                .param("date", TODAY).param("title", "求职讲座"))
                .andExpect(view().name("events/new")).andExpect(model().attributeHasFieldErrors("event", "graduateIds"));
        then(groupEvents).should(never()).record(any(), any());
    }
}
