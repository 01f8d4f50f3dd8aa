package org.leye.casework.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leye.casework.security.EngineGroups.EngineGroup;
import org.leye.casework.security.EngineGroups.Membership;

class EngineGroupsTest {

    private static final Map<String, String> DISTRICTS = new LinkedHashMap<>(Map.of("440703", "蓬江区", "440781", "台山市"));
    private static final Map<String, String> UNIVERSITIES = Map.of("WYU", "五邑大学");

    @Test
    void caseworkerBelongsToTheDistrictsCaseworkers() {
        var user = new CurrentUser("cw", "cw", Role.CASEWORKER, "440703", null);

        assertThat(EngineGroups.of(user, DISTRICTS.keySet())).containsExactly("caseworkers-440703");
    }

    @Test
    void districtSupervisorBelongsToTheDistrictsSupervisorsOnly() {
        var user = new CurrentUser("sup", "sup", Role.SUPERVISOR, "440781", null);

        assertThat(EngineGroups.of(user, DISTRICTS.keySet())).containsExactly("supervisors-440781");
    }

    @Test
    void citySupervisorBelongsToTheCityAndEveryDistrictsSupervisors() {
        var user = new CurrentUser("sup", "sup", Role.SUPERVISOR, null, null);

        assertThat(EngineGroups.of(user, DISTRICTS.keySet()))
                .containsExactlyInAnyOrder("supervisors-city", "supervisors-440703", "supervisors-440781");
    }

    @Test
    void counselorAndAdminGroups() {
        assertThat(EngineGroups.of(new CurrentUser("c", "c", Role.COUNSELOR, null, "WYU"), DISTRICTS.keySet()))
                .containsExactly("counselors-WYU");
        assertThat(EngineGroups.of(new CurrentUser("a", "a", Role.ADMIN, null, null), DISTRICTS.keySet()))
                .containsExactly("camunda-admin");
    }

    @Test
    void federationOfficerBelongsToTheDistrictsOfficersOnly() {
        var user = new CurrentUser("dpf", "dpf", Role.DPF_OFFICER, "440703", null);

        assertThat(EngineGroups.of(user, DISTRICTS.keySet())).containsExactly("dpf-officers-440703");
        assertThat(EngineGroups.membersOf("dpf-officers-440703", DISTRICTS, UNIVERSITIES))
                .contains(new Membership(Role.DPF_OFFICER, "440703", null, false));
        assertThat(EngineGroups.membersOf("dpf-officers-123456", DISTRICTS, UNIVERSITIES)).isEmpty();
    }

    @Test
    void membersOfKnownGroups() {
        assertThat(EngineGroups.membersOf("supervisors-440703", DISTRICTS, UNIVERSITIES))
                .contains(new Membership(Role.SUPERVISOR, "440703", null, true));
        assertThat(EngineGroups.membersOf("caseworkers-440703", DISTRICTS, UNIVERSITIES))
                .contains(new Membership(Role.CASEWORKER, "440703", null, false));
        assertThat(EngineGroups.membersOf("counselors-WYU", DISTRICTS, UNIVERSITIES))
                .contains(new Membership(Role.COUNSELOR, null, "WYU", false));
    }

    @Test
    void unknownGroupHasNoMembership() {
        assertThat(EngineGroups.membersOf("caseworkers-123456", DISTRICTS, UNIVERSITIES)).isEmpty();
        assertThat(EngineGroups.membersOf("counselors-XYZ", DISTRICTS, UNIVERSITIES)).isEmpty();
        assertThat(EngineGroups.membersOf("admins", DISTRICTS, UNIVERSITIES)).isEmpty();
    }

    @Test
    void everyGroupIsListedOnceWithAName() {
        List<EngineGroup> groups = EngineGroups.all(DISTRICTS, UNIVERSITIES);

        assertThat(groups).extracting(EngineGroup::id).doesNotHaveDuplicates()
                .containsExactlyInAnyOrder("caseworkers-440703", "supervisors-440703", "dpf-officers-440703",
                        "caseworkers-440781", "supervisors-440781", "dpf-officers-440781", "supervisors-city",
                        "counselors-WYU", "camunda-admin");
        assertThat(groups).allSatisfy(group -> assertThat(group.name()).isNotBlank());
    }

    @Test
    void sqlLikePatternsMatchAsInTheDatabase() {
        assertThat(SqlLike.matches("蓬江区经办人", "%蓬江区%")).isTrue();
        assertThat(SqlLike.matches("caseworkers-440703", "caseworkers-44070_")).isTrue();
        assertThat(SqlLike.matches("a.b", "a_b")).isTrue();
        assertThat(SqlLike.matches("axb", "a\\_b")).isFalse();
        assertThat(SqlLike.matches("", "%")).isTrue();
        assertThat(SqlLike.matches("", "x%")).isFalse();
    }
}
