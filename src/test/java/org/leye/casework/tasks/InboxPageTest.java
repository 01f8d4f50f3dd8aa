package org.leye.casework.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leye.casework.shared.problem.ConflictException;
import org.mockito.ArgumentCaptor;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/** The inbox lists what its filters ask of the task list, and claims and releases tasks. */
class InboxPageTest extends TaskPagesSlice {

    final CaseTaskRow task = new CaseTaskRow("t1", "pi-1", "firstContact", TaskType.FIRST_CONTACT, "首次联系", NOW);

    @BeforeEach
    void oneTaskOfAGraduateInDifficulty() {
        task.describeCase(11L, "JM-2026-000001", 7L, "张三", 2026, "440703");
        task.update("首次联系", TaskPriority.DIFFICULTY, NOW.plus(Duration.ofDays(5)), null, "caseworkers-440703");
        when(taskList.list(any(), any(), eq(CASEWORKER)))
                .thenAnswer(call -> new PageImpl<>(List.of(task), call.<Pageable>getArgument(1), 1));
    }

    @Test
    void theFiltersMakeTheTaskListsQuery() throws Exception {
        mvc.perform(get("/inbox").with(user("cw.pengjiang").roles("CASEWORKER")).param("scope", "mine")
                .param("type", "GUIDANCE").param("priority", "difficulty").param("overdue", "true")
                .param("dueDays", "3").param("q", " 张三 ").param("sort", "due").param("district", "").param("page", "2"))
                .andExpect(status().isOk())
                .andExpect(view().name("tasks/inbox"))
                .andExpect(model().attribute("scope", "mine"))
                .andExpect(model().attribute("sortOrder", "due"))
                .andExpect(model().attribute("f", new InboxController.Filters("mine", TaskType.GUIDANCE, "difficulty",
                        true, 3, " 张三 ", "due", "")));

        ArgumentCaptor<TaskQuery> query = ArgumentCaptor.forClass(TaskQuery.class);
        ArgumentCaptor<Pageable> page = ArgumentCaptor.forClass(Pageable.class);
        verify(taskList).list(query.capture(), page.capture(), eq(CASEWORKER));
        assertThat(query.getValue()).isEqualTo(new TaskQuery(TaskQuery.Scope.MINE, TaskType.GUIDANCE, null,
                TaskPriority.DIFFICULTY, true, "张三", TaskQuery.SortOrder.DUE, NOW.plus(Duration.ofDays(4))));
        assertThat(page.getValue()).isEqualTo(PageRequest.of(2, InboxController.PAGE_SIZE,
                TaskList.sort(TaskQuery.SortOrder.DUE)));
    }

    @Test
    void inEnglishTheTasksAreNamedInEnglishAndATaskTheMessagesDoNotKnowKeepsTheModelsName() throws Exception {
        CaseTaskRow unknown = new CaseTaskRow("t2", "pi-2", "someNewStep", TaskType.FOLLOW_UP, "新环节", NOW);
        unknown.describeCase(12L, "JM-2026-000002", 8L, "李四", 2026, "440703");
        when(taskList.list(any(), any(), eq(CASEWORKER)))
                .thenAnswer(call -> new PageImpl<>(List.of(task, unknown), call.<Pageable>getArgument(1), 2));
        mvc.perform(get("/inbox").with(user("cw.pengjiang").roles("CASEWORKER")).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">First contact</a>"), containsString(">新环节</a>"),
                        not(containsString(">首次联系</a>")))));
    }

    @Test
    void thePagerLinksToTheNeighbouringPagesWithTheSameFilters() throws Exception {
        when(taskList.list(any(), any(), eq(CASEWORKER)))
                .thenAnswer(call -> new PageImpl<>(List.of(task), call.<Pageable>getArgument(1), 100));

        String filters = "/inbox?scope=mine&amp;type=GUIDANCE&amp;priority=&amp;overdue=false&amp;dueDays="
                + "&amp;q=%E5%BC%A0%E4%B8%89&amp;sort=priority&amp;district=";
        mvc.perform(get("/inbox").with(user("cw.pengjiang").roles("CASEWORKER")).param("scope", "mine")
                .param("type", "GUIDANCE").param("q", "张三").param("page", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<a href=\"" + filters + "&amp;page=0\">上一页</a>")))
                .andExpect(content().string(containsString("<span>第 2 页，共 4 页</span>")))
                .andExpect(content().string(containsString("<a href=\"" + filters + "&amp;page=2\">下一页</a>")));
    }

    @Test
    void withoutFiltersACaseworkerSeesTheUnclaimedTasksOfTheirGroupsHighestPriorityFirst() throws Exception {
        mvc.perform(get("/inbox").with(user("cw.pengjiang").roles("CASEWORKER")))
                .andExpect(status().isOk())
                .andExpect(model().attribute("scope", "candidate"))
                .andExpect(model().attribute("sortOrder", "priority"))
                .andExpect(content().string(containsString("data-task-id=\"t1\"")));

        ArgumentCaptor<TaskQuery> query = ArgumentCaptor.forClass(TaskQuery.class);
        verify(taskList).list(query.capture(), eq(PageRequest.of(0, InboxController.PAGE_SIZE,
                TaskList.sort(TaskQuery.SortOrder.PRIORITY))), eq(CASEWORKER));
        assertThat(query.getValue()).isEqualTo(new TaskQuery(TaskQuery.Scope.CANDIDATE, null, null, null, null, null,
                TaskQuery.SortOrder.PRIORITY, null));
    }

    @Test
    void aFilterThatDoesNotParseIsTheNotFoundPage() throws Exception {
        for (String[] filter : new String[][] { { "type", "NO_SUCH_TYPE" }, { "dueDays", "soon" },
                { "overdue", "maybe" }, { "page", "last" } }) {
            mvc.perform(get("/inbox").with(user("cw.pengjiang").roles("CASEWORKER")).param(filter[0], filter[1]))
                    .andExpect(status().isNotFound())
                    .andExpect(view().name("error/404"));
        }
        verify(taskList, never()).list(any(), any(), any());
    }

    @Test
    void claimingReturnsToTheTaskWithANoticeOrWhyItWasRefused() throws Exception {
        mvc.perform(post("/tasks/t1/claim").with(user("cw.pengjiang").roles("CASEWORKER")).with(csrf()))
                .andExpect(redirectedUrl("/tasks/t1"))
                .andExpect(flash().attribute("notice", "web.task.claimed"));
        verify(taskList).claim("t1", CASEWORKER);

        doThrow(new ConflictException("problem.taskClaimed", Map.of("assignee", "cw.other"), "cw.other"))
                .when(taskList).unclaim("t1", CASEWORKER);
        mvc.perform(post("/tasks/t1/unclaim").with(user("cw.pengjiang").roles("CASEWORKER")).with(csrf()))
                .andExpect(redirectedUrl("/tasks/t1"))
                .andExpect(flash().attributeExists("problem"))
                .andExpect(flash().attributeCount(1));
    }

    @Test
    void aRoleWithoutTheInboxGetsTheNotFoundPage() throws Exception {
        mvc.perform(get("/inbox").with(user("integration").roles("INTEGRATION")))
                .andExpect(status().isNotFound())
                .andExpect(view().name("error/404"));
        mvc.perform(post("/tasks/t1/claim").with(user("integration").roles("INTEGRATION")).with(csrf()))
                .andExpect(status().isNotFound());
        verify(taskList, never()).list(any(), any(), any());
        verify(taskList, never()).claim(any(), any());
    }
}
