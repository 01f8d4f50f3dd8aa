package org.leye.casework.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.leye.casework.shared.ApplicationCaller;
import org.leye.casework.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class IdentityProviderTest {

    @Autowired
    IdentityService identityService;

    @Autowired
    TaskService taskService;

    @Test
    void caseworkersGroupHoldsTheDistrictsCaseworkersOnly() {
        List<String> members = usernames(identityService.createUserQuery().memberOfGroup("caseworkers-440703").list());

        assertThat(members).contains("cw.pengjiang", "cw.pengjiang2").doesNotContain("cw.taishan", "sup.pengjiang");
        assertThat(identityService.createUserQuery().memberOfGroup("caseworkers-440703").count())
                .isEqualTo(members.size());
    }

    @Test
    void adminIsInCamundaAdminGroup() {
        List<String> groups = groupIds(identityService.createGroupQuery().groupMember("admin").list());

        assertThat(groups).containsExactly("camunda-admin");
    }

    @Test
    void citySupervisorIsInTheCityGroupAndEveryDistrictsSupervisorGroup() {
        List<String> groups = groupIds(identityService.createGroupQuery().groupMember("sup.city").list());

        assertThat(groups).contains("supervisors-city", "supervisors-440703", "supervisors-440781")
                .noneMatch(id -> id.startsWith("caseworkers-"));
        assertThat(usernames(identityService.createUserQuery().memberOfGroup("supervisors-440703").list()))
                .contains("sup.pengjiang", "sup.city");
        assertThat(usernames(identityService.createUserQuery().memberOfGroup("supervisors-city").list()))
                .contains("sup.city").doesNotContain("sup.pengjiang");
    }

    @Test
    void counselorIsInTheUniversitysGroup() {
        assertThat(groupIds(identityService.createGroupQuery().groupMember("counselor.wyu").list()))
                .containsExactly("counselors-WYU");
        assertThat(usernames(identityService.createUserQuery().memberOfGroup("counselors-WYU").list()))
                .contains("counselor.wyu").doesNotContain("counselor.jmpt");
    }

    @Test
    void unknownGroupHasNoMembers() {
        assertThat(identityService.createUserQuery().memberOfGroup("caseworkers-999999").list()).isEmpty();
        assertThat(identityService.createUserQuery().memberOfGroup("supervisors-999999").count()).isZero();
        assertThat(identityService.createGroupQuery().groupId("supervisors-999999").singleResult()).isNull();
    }

    @Test
    void userCarriesDisplayNameAsFirstNameAndEmail() {
        User user = identityService.createUserQuery().userId("cw.pengjiang").singleResult();

        assertThat(user.getFirstName()).contains("蓬江区");
        assertThat(user.getLastName()).isEmpty();
        assertThat(user.getEmail()).isEqualTo("cw.pengjiang@example.org");
    }

    @Test
    void userQueriesHonourIdsNamesAndPaging() {
        assertThat(usernames(identityService.createUserQuery().userIdIn("admin", "cw.taishan", "nobody").list()))
                .containsExactlyInAnyOrder("admin", "cw.taishan");
        assertThat(usernames(identityService.createUserQuery().userFirstNameLike("%台山市%").list()))
                .containsExactlyInAnyOrder("cw.taishan", "dpf.taishan");
        assertThat(identityService.createUserQuery().userLastName("Smith").count()).isZero();

        List<String> sorted = usernames(identityService.createUserQuery().orderByUserId().asc().list());
        assertThat(sorted).isSorted();
        assertThat(usernames(identityService.createUserQuery().orderByUserId().asc().listPage(1, 2)))
                .containsExactlyElementsOf(sorted.subList(1, 3));
    }

    @Test
    void groupQueriesHonourIdTypeAndName() {
        Group group = identityService.createGroupQuery().groupId("caseworkers-440703").singleResult();

        assertThat(group.getName()).contains("蓬江区");
        assertThat(group.getType()).isEqualTo("WORKFLOW");
        assertThat(groupIds(identityService.createGroupQuery().groupType("SYSTEM").list()))
                .containsExactly("camunda-admin");
        // its caseworkers, its supervisors, its federation officers
        assertThat(identityService.createGroupQuery().groupNameLike("%蓬江区%").count()).isEqualTo(3);
        assertThat(identityService.createTenantQuery().userMember("admin").count()).isZero();

        List<String> sorted = groupIds(identityService.createGroupQuery().orderByGroupId().asc().list());
        assertThat(sorted).isSorted();
        assertThat(groupIds(identityService.createGroupQuery().orderByGroupId().asc().listPage(2, 3)))
                .containsExactlyElementsOf(sorted.subList(2, 5));
    }

    @Test
    void checkPasswordUsesTheApplicationsPasswords() {
        assertThat(identityService.checkPassword("admin", "demo")).isTrue();
        assertThat(identityService.checkPassword("admin", "wrong")).isFalse();
        assertThat(identityService.checkPassword("nobody", "demo")).isFalse();
    }

    @Test
    void candidateGroupTaskIsOfferedToTheDistrictsCaseworkersOnly() {
        Task task = taskService.newTask();
        task.setName("identity provider test");
        // as the application: the engine refuses task changes to anyone else
        ApplicationCaller.run(() -> taskService.saveTask(task));
        try {
            ApplicationCaller.run(() -> taskService.addCandidateGroup(task.getId(), "caseworkers-440703"));

            assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateUser("cw.pengjiang2").count())
                    .isEqualTo(1);
            assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateUser("cw.taishan").count())
                    .isZero();
        } finally {
            ApplicationCaller.run(() -> taskService.deleteTask(task.getId(), true));
        }
    }

    private static List<String> usernames(List<User> users) {
        return users.stream().map(User::getId).toList();
    }

    private static List<String> groupIds(List<Group> groups) {
        return groups.stream().map(Group::getId).toList();
    }
}
