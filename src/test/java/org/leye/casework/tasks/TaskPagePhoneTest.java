package org.leye.casework.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Duration;
import java.util.Collections;

import jakarta.servlet.http.HttpSession;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leye.casework.graduates.GraduateView;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The "show number" action of the task page: the caseworker to whom a 131 task is assigned reads the
 * graduate's whole phone in that one answer; nobody else is offered it, and their POST is the 404 page.
 */
class TaskPagePhoneTest extends TaskPagesSlice {

    static final String WHOLE = "13812345678";
    static final String MASKED = "138****5678";
    static final CurrentUser OTHER_CASEWORKER = new CurrentUser("cw.pengjiang2", "蓬江经办二", Role.CASEWORKER, "440703",
            null);
    static final CurrentUser SUPERVISOR = new CurrentUser("sup.pengjiang", "蓬江督导", Role.SUPERVISOR, "440703", null);

    final TaskCompletionHandler handler = mock(TaskCompletionHandler.class);
    final CaseTaskRow task = new CaseTaskRow("t1", "pi-1", "firstContact", TaskType.FIRST_CONTACT, "首次联系", NOW);

    @BeforeEach
    void aFirstContactAssignedToTheCaseworker() {
        task.describeCase(11L, "JM-2026-000001", 7L, "张三", 2026, "440703");
        task.update("首次联系", 50, NOW.plus(Duration.ofDays(5)), "cw.pengjiang", "caseworkers-440703");
        when(taskList.get(any(), any())).thenReturn(task);
        when(handlers.of(TaskType.FIRST_CONTACT)).thenReturn(handler);
        when(handler.form(any(), any())).thenReturn(TaskForm.of(TaskForm.Field.note()));
        GraduateView view = mock(GraduateView.class);
        when(registry.view(anyLong(), any())).thenReturn(view);
        when(view.id()).thenReturn(7L);
        when(view.name()).thenReturn("张三");
        when(view.phone()).thenReturn(MASKED);
        when(view.university()).thenReturn("五邑大学");
        when(registry.fullPhone(7L, CASEWORKER)).thenReturn(WHOLE);
    }

    @Test
    void theAssigneeCaseworkerSeesTheWholeNumberInTheAnswerOfTheirPostOnlyAndNothingKeepsIt() throws Exception {
        mvc.perform(get("/tasks/t1").with(user("cw.pengjiang").roles("CASEWORKER")))
                .andExpect(model().attribute("mayShowPhone", true))
                .andExpect(content().string(allOf(containsString(MASKED), containsString("id=\"show-phone\""),
                        containsString("action=\"/tasks/t1/phone\""), not(containsString(WHOLE)))));

        MvcResult shown = mvc.perform(post("/tasks/t1/phone").with(user("cw.pengjiang").roles("CASEWORKER"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("tasks/task"))
                .andExpect(model().attribute("fullPhone", WHOLE))
                .andExpect(model().attribute("mayShowPhone", false))
                .andExpect(content().string(allOf(containsString("href=\"tel:" + WHOLE + "\""),
                        containsString("id=\"phone-shown\""), not(containsString("id=\"show-phone\"")),
                        not(containsString(MASKED)))))
                .andReturn();
        HttpSession session = shown.getRequest().getSession(false);
        if (session != null) {
            Collections.list(session.getAttributeNames()).forEach(name -> assertThat(String.valueOf(
                    session.getAttribute(name))).as("session attribute %s", name).doesNotContain(WHOLE));
        }
        assertThat(shown.getFlashMap().isEmpty()).as("nothing kept for the next request").isTrue();
        verify(registry, times(1)).fullPhone(7L, CASEWORKER);

        mvc.perform(get("/tasks/t1").with(user("cw.pengjiang").roles("CASEWORKER")))
                .andExpect(content().string(allOf(containsString(MASKED), not(containsString(WHOLE)))));
        verify(registry, times(1)).fullPhone(anyLong(), any());
    }

    @Test
    void anotherCaseworkerIsNotOfferedTheNumberAndTheirPostIsTheNotFoundPage() throws Exception {
        when(users.current()).thenReturn(OTHER_CASEWORKER);
        mvc.perform(get("/tasks/t1").with(user("cw.pengjiang2").roles("CASEWORKER")))
                .andExpect(model().attribute("mayShowPhone", false))
                .andExpect(content().string(not(containsString("id=\"show-phone\""))));
        mvc.perform(post("/tasks/t1/phone").with(user("cw.pengjiang2").roles("CASEWORKER")).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(view().name("error/404"));
        verify(registry, never()).fullPhone(anyLong(), any());
    }

    @Test
    void aSupervisorEvenAsTheAssigneeIsNotOfferedTheNumberAndTheirPostIsTheNotFoundPage() throws Exception {
        when(users.current()).thenReturn(SUPERVISOR);
        task.update("首次联系", 50, NOW.plus(Duration.ofDays(5)), "sup.pengjiang", "caseworkers-440703");
        mvc.perform(get("/tasks/t1").with(user("sup.pengjiang").roles("SUPERVISOR")))
                .andExpect(model().attribute("mayShowPhone", false));
        mvc.perform(post("/tasks/t1/phone").with(user("sup.pengjiang").roles("SUPERVISOR")).with(csrf()))
                .andExpect(status().isNotFound());
        verify(registry, never()).fullPhone(anyLong(), any());
    }

    @Test
    void anUnassignedTaskOffersNoNumberAndThePostIsTheNotFoundPage() throws Exception {
        task.update("首次联系", 50, NOW.plus(Duration.ofDays(5)), null, "caseworkers-440703");
        mvc.perform(get("/tasks/t1").with(user("cw.pengjiang").roles("CASEWORKER")))
                .andExpect(model().attribute("mayShowPhone", false));
        mvc.perform(post("/tasks/t1/phone").with(user("cw.pengjiang").roles("CASEWORKER")).with(csrf()))
                .andExpect(status().isNotFound());
        verify(registry, never()).fullPhone(anyLong(), any());
    }

    @Test
    void thePostWithoutTheFormsTokenIsRefused() throws Exception {
        mvc.perform(post("/tasks/t1/phone").with(user("cw.pengjiang").roles("CASEWORKER")))
                .andExpect(status().isForbidden());
        verify(registry, never()).fullPhone(anyLong(), any());
    }
}
