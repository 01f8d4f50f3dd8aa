package org.leye.casework.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;

/** Which callers share a kept task total ({@link TaskList#countKey}): those whose tasks query is the same. */
class TaskCountKeyTest {

    private static final TaskQuery ALL = new TaskQuery(TaskQuery.Scope.ALL, null, "440703", null, Boolean.TRUE, null,
            null, null);
    private static final TaskQuery CANDIDATE = new TaskQuery(TaskQuery.Scope.CANDIDATE, null, null, null, null, null,
            null, null);
    private static final TaskQuery MINE = new TaskQuery(TaskQuery.Scope.MINE, null, null, null, null, null, null, null);

    private static CurrentUser user(String name, Role role, String district, String university) {
        return new CurrentUser(name, name, role, district, university);
    }

    @Test
    void theCitysSupervisorsShareTheirDashboardsTotals() {
        assertThat(TaskList.countKey(ALL, user("sup.a", Role.SUPERVISOR, null, null)))
                .isEqualTo(TaskList.countKey(ALL, user("sup.b", Role.SUPERVISOR, null, null)))
                .isEqualTo(TaskList.countKey(ALL, user("admin", Role.ADMIN, null, null)));
    }

    @Test
    void aDistrictsCaseworkersShareTheirGroupsTotalsButNotAnotherDistricts() {
        String a = TaskList.countKey(CANDIDATE, user("cw.a", Role.CASEWORKER, "440703", null));
        assertThat(a).isEqualTo(TaskList.countKey(CANDIDATE, user("cw.b", Role.CASEWORKER, "440703", null)));
        assertThat(a).isNotEqualTo(TaskList.countKey(CANDIDATE, user("cw.c", Role.CASEWORKER, "440704", null)));
        assertThat(a).isNotEqualTo(TaskList.countKey(CANDIDATE, user("sup.d", Role.SUPERVISOR, "440703", null)));
        assertThat(a).isNotEqualTo(TaskList.countKey(ALL, user("cw.a", Role.CASEWORKER, "440703", null)));
    }

    @Test
    void ownTasksAndTheRolesThatSeeOnlyTheirsAreCountedPerCaller() {
        assertThat(TaskList.countKey(MINE, user("cw.a", Role.CASEWORKER, "440703", null)))
                .isNotEqualTo(TaskList.countKey(MINE, user("cw.b", Role.CASEWORKER, "440703", null)));
        assertThat(TaskList.countKey(MINE, user("sup.a", Role.SUPERVISOR, null, null)))
                .isNotEqualTo(TaskList.countKey(MINE, user("sup.b", Role.SUPERVISOR, null, null)));
        assertThat(TaskList.countKey(ALL, user("co.a", Role.COUNSELOR, null, "4121")))
                .isNotEqualTo(TaskList.countKey(ALL, user("co.b", Role.COUNSELOR, null, "4121")));
        assertThat(TaskList.countKey(ALL, user("dpf.a", Role.DPF_OFFICER, "440703", null)))
                .isNotEqualTo(TaskList.countKey(ALL, user("dpf.b", Role.DPF_OFFICER, "440703", null)));
        assertThat(TaskList.countKey(ALL, user("h.a", Role.HELPER, "440703", null)))
                .isNotEqualTo(TaskList.countKey(ALL, user("h.b", Role.HELPER, "440703", null)));
    }
}
