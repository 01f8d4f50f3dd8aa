package org.leye.casework.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.leye.casework.support.TestGraduates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The list of accounts (AppUsers.search behind {@code GET /api/users} and the users page), scoped
 * to whom the caller manages, filtered by role and by part of the user name or display name, by
 * user name and in pages. On H2 and on MySQL.
 */
abstract class UserListContract {

    static final CurrentUser ADMIN = new CurrentUser("admin", "管理员", Role.ADMIN, null, null);
    static final CurrentUser SUP_PENGJIANG = new CurrentUser("sup.pengjiang", "督导", Role.SUPERVISOR, "440703", null);
    static final CurrentUser COUNSELOR_WYU = new CurrentUser("counselor.wyu", "辅导员", Role.COUNSELOR, null, "WYU");

    @Autowired
    UserAccounts accounts;

    String create(String prefix, String displayName, Role role, String district, String university) {
        String username = prefix + TestGraduates.tag();
        accounts.create(new NewUserAccount(username, displayName, role, district, university, null,
                "list-password-1"), ADMIN);
        return username;
    }

    List<String> listed(CurrentUser by, String q, Role role) {
        return accounts.list(q, role, by, PageRequest.of(0, 200, Sort.by("username"))).map(UserAccountView::username)
                .getContent();
    }

    @Test
    void eachManagerListsOnlyTheAccountsTheyManage() {
        String tag = "lst" + TestGraduates.tag() + ".";
        String cw = create(tag + "cw", "列表经办", Role.CASEWORKER, "440703", null);
        String dpf = create(tag + "dpf", "列表残联", Role.DPF_OFFICER, "440703", null);
        String otherCw = create(tag + "other", "外区经办", Role.CASEWORKER, "440781", null);
        String districtSup = create(tag + "sup", "区督导", Role.SUPERVISOR, "440703", null);
        String helper = create(tag + "helper", "列表教师", Role.HELPER, null, "WYU");
        String otherHelper = create(tag + "jmpt", "外校教师", Role.HELPER, null, "JMPT");

        assertThat(listed(ADMIN, tag, null)).containsExactly(cw, dpf, helper, otherHelper, otherCw, districtSup);
        assertThat(listed(SUP_PENGJIANG, tag, null)).containsExactly(cw, dpf);
        assertThat(listed(SUP_PENGJIANG, tag, Role.DPF_OFFICER)).containsExactly(dpf);
        assertThat(listed(SUP_PENGJIANG, tag, Role.HELPER)).as("a role the supervisor does not manage").isEmpty();
        assertThat(listed(COUNSELOR_WYU, tag, null)).containsExactly(helper);
        assertThat(listed(ADMIN, tag.toUpperCase(), Role.CASEWORKER)).as("any case").containsExactly(cw, otherCw);
    }

    @Test
    void theSearchFindsPartOfTheDisplayNameAndTakesWildcardsLiterally() {
        String tag = TestGraduates.tag();
        String named = create("lst.name" + tag + ".", "搜索王" + tag + "老师", Role.HELPER, null, "WYU");
        String underscore = create("lst_x" + tag + ".", "下划线", Role.HELPER, null, "WYU");
        create("lstax" + tag + ".", "不应匹配", Role.HELPER, null, "WYU");

        assertThat(listed(COUNSELOR_WYU, "王" + tag + "老", null)).containsExactly(named);
        assertThat(listed(ADMIN, "lst_x" + tag, null)).as("_ is no wildcard").containsExactly(underscore);
        assertThat(listed(ADMIN, "%" + tag + "老师", null)).as("% is no wildcard").isEmpty();
    }

    @Test
    void theListComesInPagesByUserName() {
        String tag = "lstpage" + TestGraduates.tag() + ".";
        List<String> made = List.of(create(tag + "c", "页", Role.CASEWORKER, "440703", null),
                create(tag + "a", "页", Role.CASEWORKER, "440703", null),
                create(tag + "b", "页", Role.CASEWORKER, "440703", null));

        Page<UserAccountView> second = accounts.list(tag, null, SUP_PENGJIANG, PageRequest.of(1, 2, Sort.by("username")));

        assertThat(second.getTotalElements()).isEqualTo(3);
        assertThat(second.getContent()).extracting(UserAccountView::username).containsExactly(made.get(0));
    }
}
