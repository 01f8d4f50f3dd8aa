package org.leye.casework.employers;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leye.casework.web.PageSlice;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The employers page in a slice: the search for the bureau, the blacklist for supervisors. */
class EmployerPagesTest extends PageSlice {

    @Test
    void theBureauSearchesAndASupervisorMayBlacklist() throws Exception {
        given(employers.search(any(), any(Pageable.class))).willReturn(Page.empty());

        mvc.perform(get("/employers").param("q", "公司").with(as(SUPERVISOR))).andExpect(status().isOk())
                .andExpect(view().name("employers")).andExpect(model().attribute("mayBlacklist", true))
                .andExpect(model().attribute("errors", Map.of()));
        mvc.perform(get("/employers").with(as(CASEWORKER))).andExpect(model().attribute("mayBlacklist", false));
        mvc.perform(get("/employers").with(as(COUNSELOR))).andExpect(status().isNotFound())
                .andExpect(view().name("error/404"));
    }

    @Test
    void aReasonIsRequiredAndShortAndShownByThatEmployersField() throws Exception {
        mvc.perform(post("/employers/3/blacklist").with(as(SUPERVISOR)).with(csrf()).param("reason", "  ")
                .param("q", "某公司"))
                .andExpect(redirectedUrl("/employers?q=%E6%9F%90%E5%85%AC%E5%8F%B8"))
                .andExpect(flash().attribute("errors", Map.of("reason-3", "不能为空")));
        mvc.perform(post("/employers/3/blacklist").with(as(SUPERVISOR)).with(csrf()).param("reason", "长".repeat(501)))
                .andExpect(redirectedUrl("/employers?q="))
                .andExpect(flash().attribute("errors", Map.of("reason-3", "不能超过 500 个字")));

        then(employers).should(never()).blacklist(anyLong(), any(), any());
    }

    @Test
    void aSupervisorBlacklistsWithTheReasonStrippedAndLifts() throws Exception {
        mvc.perform(post("/employers/3/blacklist").with(as(SUPERVISOR)).with(csrf()).param("reason", " 拖欠工资 "))
                .andExpect(redirectedUrl("/employers?q="))
                .andExpect(flash().attribute("notice", "web.employers.blacklisted"));
        then(employers).should().blacklist(3L, "拖欠工资", SUPERVISOR);

        mvc.perform(post("/employers/3/lift").with(as(SUPERVISOR)).with(csrf()).param("q", "拖欠"))
                .andExpect(redirectedUrl("/employers?q=%E6%8B%96%E6%AC%A0"))
                .andExpect(flash().attribute("notice", "web.employers.lifted"));
        then(employers).should().lift(3L, SUPERVISOR);
    }

    @Test
    void othersMayNotBlacklistOrLift() throws Exception {
        mvc.perform(post("/employers/3/blacklist").with(as(CASEWORKER)).with(csrf()).param("reason", "拖欠工资"))
                .andExpect(status().isNotFound()).andExpect(view().name("error/404"));
        mvc.perform(post("/employers/3/lift").with(as(ADMIN)).with(csrf())).andExpect(status().isNotFound());

        then(employers).should(never()).blacklist(anyLong(), any(), any());
        then(employers).should(never()).lift(anyLong(), any());
    }
}
