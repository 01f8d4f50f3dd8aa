package org.leye.casework.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leye.casework.graduates.GraduateChanges;
import org.leye.casework.ledger.Ledger;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The inbox's one query alone ({@link TaskList#list}: a specification on {@code case_task}), on the
 * schema Flyway builds (H2, a JPA slice without the engine or the web): who sees which task, each
 * filter, and the orders. The engine's side of the task list is mocked and never called; the same
 * query runs on MariaDB in TaskListMySqlTest.
 */
@DataJpaTest
@Import({ TaskList.class, LargeCounts.class, TaskCountExecutors.class, InboxQueryJpaTest.Config.class })
class InboxQueryJpaTest {

    static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");

    static final CurrentUser CASEWORKER = new CurrentUser("cw.pengjiang", "蓬江经办", Role.CASEWORKER, "440703", null);
    static final CurrentUser OTHER_CASEWORKER = new CurrentUser("cw.pengjiang2", "蓬江经办2", Role.CASEWORKER, "440703",
            null);
    static final CurrentUser TAISHAN = new CurrentUser("cw.taishan", "台山经办", Role.CASEWORKER, "440781", null);
    static final CurrentUser CITY = new CurrentUser("sup.city", "市督导", Role.SUPERVISOR, null, null);
    static final CurrentUser COUNSELOR = new CurrentUser("counselor.wyu", "五邑辅导员", Role.COUNSELOR, null, "WYU");
    static final CurrentUser HELPER = new CurrentUser("teacher.wyu", "五邑教师", Role.HELPER, null, "WYU");
    static final CurrentUser DPF = new CurrentUser("dpf.pengjiang", "蓬江残联", Role.DPF_OFFICER, "440703", null);

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @MockitoBean
    TaskService engineTasks;

    @MockitoBean
    TaskHandlers handlers;

    @MockitoBean
    Ledger ledger;

    @MockitoBean
    GraduateChanges graduates;

    @MockitoBean
    CaseOwners owners;

    @Autowired
    CaseTasks rows;

    @Autowired
    TaskList taskList;

    /**
     * 蓬江: a first contact of a graduate in difficulty, due in 2 days, unclaimed; a referral claimed
     * by cw.pengjiang2, overdue; a federation task. 台山: a guidance task. 五邑大学: a counselor's
     * helper step and a helper's plan.
     */
    @BeforeEach
    void tasksOfTwoDistrictsAUniversityAndTheFederation() {
        row("t1", TaskType.FIRST_CONTACT, "JM-2026-000001", "张晓明", "440703", TaskPriority.DIFFICULTY, 2, null,
                "caseworkers-440703", false);
        row("t2", TaskType.REFERRAL, "JM-2026-000002", "李雨桐", "440703", 50, 1, "cw.pengjiang2", "caseworkers-440703",
                true);
        row("t3", TaskType.DPF_FILE, null, "王子涵", "440703", TaskPriority.DIFFICULTY, 5, null, "dpf-officers-440703",
                false);
        row("t4", TaskType.GUIDANCE, "JM-2026-000004", "陈思远", "440781", 50, 3, null, "caseworkers-440781", false);
        row("t5", TaskType.ASSIGN_HELPER, null, "赵可欣", "440703", TaskPriority.DIFFICULTY, 4, null, "counselors-WYU",
                false);
        row("t6", TaskType.ASSISTANCE_PLAN, null, "赵可欣", "440703", TaskPriority.DIFFICULTY, 6, "teacher.wyu", null,
                false);
    }

    private void row(String id, TaskType type, String caseNumber, String name, String district, int priority,
            int dueInDays, String assignee, String group, boolean overdue) {
        CaseTaskRow row = new CaseTaskRow(id, "pi-" + id, "activity", type, type.name(),
                NOW.minus(Duration.ofHours(Integer.parseInt(id.substring(1)))));
        row.describeCase(null, caseNumber, (long) id.hashCode(), name, 2026, district);
        row.update(type.name(), priority, NOW.plus(Duration.ofDays(dueInDays)), assignee, group);
        if (overdue) {
            row.markOverdue();
        }
        rows.saveAndFlush(row);
    }

    private List<String> ids(TaskQuery query, CurrentUser caller) {
        return taskList.list(query, PageRequest.of(0, 50, TaskList.sort(query.sort())), caller).getContent().stream()
                .map(CaseTask::getId).toList();
    }

    private static TaskQuery scope(TaskQuery.Scope scope) {
        return new TaskQuery(scope, null, null, null, null, null, TaskQuery.SortOrder.PRIORITY);
    }

    @Test
    void aCaseworkerSeesTheirDistrictsTasksButTheFederationsAndNoOtherDistrict() {
        assertThat(ids(scope(TaskQuery.Scope.ALL), CASEWORKER)).containsExactly("t1", "t5", "t6", "t2");
        assertThat(ids(scope(TaskQuery.Scope.CANDIDATE), CASEWORKER)).containsExactly("t1");
        assertThat(ids(scope(TaskQuery.Scope.MINE), OTHER_CASEWORKER)).containsExactly("t2");
        assertThat(ids(scope(TaskQuery.Scope.ALL), TAISHAN)).containsExactly("t4");
    }

    @Test
    void theCitySeesEveryTaskAndEveryOtherRoleOnlyItsOwn() {
        assertThat(ids(scope(TaskQuery.Scope.ALL), CITY)).containsExactlyInAnyOrder("t1", "t2", "t3", "t4", "t5", "t6");
        assertThat(ids(scope(TaskQuery.Scope.ALL), COUNSELOR)).containsExactly("t5");
        assertThat(ids(scope(TaskQuery.Scope.ALL), HELPER)).containsExactly("t6");
        assertThat(ids(scope(TaskQuery.Scope.CANDIDATE), HELPER)).isEmpty();
        assertThat(ids(scope(TaskQuery.Scope.ALL), DPF)).containsExactly("t3");
    }

    @Test
    void eachFilterNarrowsTheList() {
        assertThat(ids(new TaskQuery(TaskQuery.Scope.ALL, TaskType.REFERRAL, null, null, null, null, null), CITY))
                .containsExactly("t2");
        assertThat(ids(new TaskQuery(TaskQuery.Scope.ALL, null, "440781", null, null, null, null), CITY))
                .containsExactly("t4");
        assertThat(ids(new TaskQuery(TaskQuery.Scope.ALL, null, null, 50, null, null, null), CITY))
                .containsExactlyInAnyOrder("t2", "t4");
        assertThat(ids(new TaskQuery(TaskQuery.Scope.ALL, null, null, null, true, null, null), CITY))
                .containsExactly("t2");
        assertThat(ids(new TaskQuery(TaskQuery.Scope.ALL, null, null, null, null, null, null,
                NOW.plus(Duration.ofDays(3))), CITY)).containsExactlyInAnyOrder("t1", "t2");
        assertThat(ids(new TaskQuery(TaskQuery.Scope.ALL, null, null, null, null, "雨桐", null), CITY))
                .containsExactly("t2");
        assertThat(ids(new TaskQuery(TaskQuery.Scope.ALL, null, null, null, null, " jm-2026-000004 ", null), CITY))
                .containsExactly("t4");
        assertThat(ids(new TaskQuery(TaskQuery.Scope.ALL, null, null, null, null, "%", null), CITY))
                .as("a wildcard in the search is a character, not a pattern").isEmpty();
    }

    @Test
    void theOrdersArePriorityThenDueDueThenPriorityAndNewestFirst() {
        assertThat(ids(new TaskQuery(TaskQuery.Scope.ALL, null, "440703", null, null, null,
                TaskQuery.SortOrder.PRIORITY), CITY)).containsExactly("t1", "t5", "t3", "t6", "t2");
        assertThat(ids(new TaskQuery(TaskQuery.Scope.ALL, null, "440703", null, null, null,
                TaskQuery.SortOrder.DUE), CITY)).containsExactly("t2", "t1", "t5", "t3", "t6");
        assertThat(ids(new TaskQuery(TaskQuery.Scope.ALL, null, "440703", null, null, null,
                TaskQuery.SortOrder.CREATED), CITY)).containsExactly("t1", "t2", "t3", "t5", "t6");
    }
}
