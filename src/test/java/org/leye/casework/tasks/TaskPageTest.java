package org.leye.casework.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.leye.casework.graduates.GraduateView;
import org.leye.casework.shared.problem.BusinessRuleException;
import org.leye.casework.shared.problem.ConflictException;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.problem.NotFoundException;
import org.leye.casework.tasks.TaskForm.Field;
import org.leye.casework.tasks.TaskForm.Option;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.data.domain.Page;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.CannotCreateTransactionException;

import com.fasterxml.jackson.databind.JsonNode;

/** The task page shows the form that the task's handler declares and sends the answers as the API does. */
class TaskPageTest extends TaskPagesSlice {

    /** One field of every kind. */
    static final TaskForm FORM = TaskForm.of(
            Field.date("date", "web.form.date").asRequired(),
            Field.text("topic", "web.form.topic").asRequired(),
            Field.yesNo("reached", "web.register.willing"),
            Field.choice("helper", "web.assistance.helper",
                    List.of(new Option("teacher.wyu", "王老师 (teacher.wyu)", "role.HELPER"))),
            Field.choices("help", "web.assistance.help", List.of(new Option("GUIDANCE", null, "help.GUIDANCE"),
                    new Option("OTHER", null, "help.OTHER"))),
            Field.employer("employer", "web.referral.employer"),
            Field.note());

    final TaskCompletionHandler handler = mock(TaskCompletionHandler.class);
    final CaseTaskRow task = new CaseTaskRow("t1", "pi-1", "guidance", TaskType.GUIDANCE, "职业指导", NOW);

    @BeforeEach
    void aGuidanceTaskOfAGraduateInTheCallersDistrict() {
        task.describeCase(11L, "JM-2026-000001", 7L, "张三", 2026, "440703");
        task.update("职业指导", 50, NOW.plus(Duration.ofDays(15)), null, "caseworkers-440703");
        when(taskList.get("t1", CASEWORKER)).thenReturn(task);
        when(handlers.of(TaskType.GUIDANCE)).thenReturn(handler);
        when(handler.form(task, CASEWORKER)).thenReturn(FORM);
        GraduateView view = mock(GraduateView.class);
        when(registry.view(7L, CASEWORKER)).thenReturn(view);
        when(view.id()).thenReturn(7L);
        when(view.name()).thenReturn("张三");
        when(view.phone()).thenReturn("138****0000");
        when(view.university()).thenReturn("五邑大学");
        when(employers.search(any(), any())).thenReturn(Page.empty());
    }

    @Test
    void theFormIsTheOneTheHandlerDeclaresWithTodayInTheCityProposedForItsDates() throws Exception {
        mvc.perform(get("/tasks/t1").with(user("cw.pengjiang").roles("CASEWORKER")))
                .andExpect(status().isOk())
                .andExpect(view().name("tasks/task"))
                .andExpect(model().attribute("form", FORM))
                .andExpect(model().attribute("values", Map.of("date", "2026-03-01")))
                .andExpect(model().attribute("graduate",
                        new TaskPageController.About(7L, "张三", "138****0000", "五邑大学", "/graduates/7")))
                .andExpect(model().attribute("mayComplete", true))
                .andExpect(content().string(allOf(
                        containsString("id=\"date\" name=\"date\" type=\"date\" value=\"2026-03-01\""),
                        containsString("aria-required=\"true\""),
                        containsString("id=\"reached-yes\""),
                        containsString("王老师 (teacher.wyu) · "),
                        containsString("id=\"help-OTHER\""),
                        containsString("id=\"employerId\""),
                        containsString("id=\"employer-search\""),
                        containsString("id=\"note\""))));
    }

    @Test
    void theTaskIsNamedInThePagesLanguageNotInTheModels() throws Exception {
        mvc.perform(get("/tasks/t1").with(user("cw.pengjiang").roles("CASEWORKER")).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Career guidance · JM-2026-000001</title>"),
                        containsString("<h1><span>Career guidance</span>"), not(containsString("职业指导")))));
        mvc.perform(get("/tasks/t1").with(user("cw.pengjiang").roles("CASEWORKER")).param("lang", "zh-CN"))
                .andExpect(content().string(containsString("<h1><span>职业指导</span>")));
    }

    @Test
    void theAnswersGoToTheTaskListAsTheApisJsonAndThePageReturnsToTheInbox() throws Exception {
        mvc.perform(complete().param("date", "2026-03-01").param("topic", " 求职规划 ").param("reached", "true")
                .param("helper", "teacher.wyu").param("help", "GUIDANCE", " ", "OTHER").param("employerId", "42")
                .param("employer", "").param("note", "").param("undeclared", "ignored"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/inbox"))
                .andExpect(flash().attribute("notice", "web.task.completed"))
                .andExpect(flash().attribute("noticeArg", "职业指导 · JM-2026-000001"));

        ArgumentCaptor<JsonNode> sent = ArgumentCaptor.forClass(JsonNode.class);
        verify(taskList).complete(eq("t1"), sent.capture(), eq(CASEWORKER));
        assertThat(sent.getValue().toString()).isEqualTo("{\"date\":\"2026-03-01\",\"topic\":\"求职规划\","
                + "\"reached\":\"true\",\"helper\":\"teacher.wyu\",\"help\":[\"GUIDANCE\",\"OTHER\"],"
                + "\"employerId\":42}");
        assertThat(sent.getValue().path("employerId").isIntegralNumber()).as("a registered employer's id").isTrue();
    }

    @Test
    void aRefusedFormShowsEachMessageNextToItsFieldWithTheAnswersKept() throws Exception {
        doThrow(new InvalidFieldException("topic", "validation.required"))
                .when(taskList).complete(eq("t1"), any(), eq(CASEWORKER));

        mvc.perform(complete().param("date", "2026-03-01").param("help", "OTHER"))
                .andExpect(status().isOk())
                .andExpect(view().name("tasks/task"))
                .andExpect(model().attribute("errors", hasKey("topic")))
                .andExpect(model().attribute("values", Map.of("date", "2026-03-01", "help", "OTHER")))
                .andExpect(content().string(allOf(
                        containsString("aria-describedby=\"topic-error\""),
                        containsString("id=\"topic-error\""),
                        containsString("value=\"OTHER\" checked=\"checked\""),
                        not(containsString("value=\"GUIDANCE\" checked")))));
    }

    @Test
    void aRefusedEmployerIsSaidAtTheTopAndNextToTheEmployer() throws Exception {
        doThrow(new BusinessRuleException("problem.blacklisted", Map.of(), "某公司"))
                .when(taskList).complete(eq("t1"), any(), eq(CASEWORKER));

        mvc.perform(complete().param("employerId", "42"))
                .andExpect(status().isOk())
                .andExpect(model().attributeExists("problem"))
                .andExpect(model().attribute("errors", hasKey("employerId")));
    }

    /** Another request's change got there first, however it reached the page. */
    static Stream<RuntimeException> lostToAConcurrentChange() {
        return Stream.of(
                // a deadlock victim as Spring translated it
                new CannotAcquireLockException("Deadlock found when trying to get lock"),
                // the driver's deadlock inside the engine's ProcessEngineException (its MyBatis)
                new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation",
                        new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213)),
                // the engine's own version check
                new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity' failed"));
    }

    @ParameterizedTest
    @MethodSource("lostToAConcurrentChange")
    void aCompletionThatLostToAConcurrentChangeIsAConflictToSendAgainNotAnError(RuntimeException failure)
            throws Exception {
        doThrow(failure).when(taskList).complete(eq("t1"), any(), eq(CASEWORKER));

        mvc.perform(complete().param("date", "2026-03-01"))
                .andExpect(status().isConflict())
                .andExpect(view().name("error/problem"))
                .andExpect(model().attribute("problem", "记录已被他人同时修改，请刷新后重试。"));
    }

    @Test
    void aDatabaseThatCannotBeReachedIsUnavailableForAMomentNotAnError() throws Exception {
        doThrow(new CannotCreateTransactionException("Could not open JPA EntityManager",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))
                .when(taskList).complete(eq("t1"), any(), eq(CASEWORKER));

        mvc.perform(complete().param("date", "2026-03-01"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(view().name("error/problem"))
                .andExpect(model().attribute("problem", "数据库暂不可用，请稍后重试。"));
    }

    @Test
    void aFailureThatIsNeitherContentionNorAnOutageStaysAnError() {
        doThrow(new IllegalStateException("a defect"))
                .when(taskList).complete(eq("t1"), any(), eq(CASEWORKER));

        // not answered by the pages' advice: it reaches the container's error page as before
        assertThatThrownBy(() -> mvc.perform(complete().param("date", "2026-03-01")))
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTaskWorkedFromAnotherPageLinksItsSubjectThereAndReturnsThere() throws Exception {
        when(registry.view(7L, CASEWORKER)).thenThrow(new NotFoundException("graduate", 7L));
        when(handler.subject(task, CASEWORKER))
                .thenReturn(Optional.of(new TaskCompletionHandler.Subject("/assistance/3", "张三", "五邑大学")));

        mvc.perform(get("/tasks/t1").with(user("cw.pengjiang").roles("CASEWORKER")))
                .andExpect(model().attribute("graduate",
                        new TaskPageController.About(7L, "张三", null, "五邑大学", "/assistance/3")));
        mvc.perform(complete().param("date", "2026-03-01"))
                .andExpect(redirectedUrl("/assistance/3"));
    }

    @Test
    void aTaskCompletedMeanwhileShowsThatItIsDone() throws Exception {
        when(taskList.get("t1", CASEWORKER)).thenThrow(new ConflictException("problem.taskCompleted", Map.of(), "t1"));

        mvc.perform(get("/tasks/t1").with(user("cw.pengjiang").roles("CASEWORKER")))
                .andExpect(status().isOk())
                .andExpect(view().name("tasks/done"))
                .andExpect(model().attributeExists("problem"));
        mvc.perform(complete().param("date", "2026-03-01"))
                .andExpect(view().name("tasks/done"));
        verify(taskList, never()).complete(any(), any(), any());
    }

    @Test
    void aTaskOutsideTheCallersScopeIsTheNotFoundPage() throws Exception {
        when(taskList.get("t1", CASEWORKER)).thenThrow(new NotFoundException("task", "t1"));

        mvc.perform(get("/tasks/t1").with(user("cw.pengjiang").roles("CASEWORKER")))
                .andExpect(status().isNotFound())
                .andExpect(view().name("error/404"));
    }

    @Test
    void aRoleWithoutTheTaskPagesGetsTheNotFoundPage() throws Exception {
        mvc.perform(get("/tasks/t1").with(user("integration").roles("INTEGRATION")))
                .andExpect(status().isNotFound())
                .andExpect(view().name("error/404"));
        mvc.perform(post("/tasks/t1/complete").with(user("integration").roles("INTEGRATION")).with(csrf()))
                .andExpect(status().isNotFound());
        verify(taskList, never()).get(any(), any());
        verify(taskList, never()).complete(any(), any(), any());
    }

    private MockHttpServletRequestBuilder complete() {
        return post("/tasks/t1/complete").with(user("cw.pengjiang").roles("CASEWORKER")).with(csrf());
    }
}
