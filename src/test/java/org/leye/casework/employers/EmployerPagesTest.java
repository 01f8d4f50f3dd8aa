package org.leye.casework.employers;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leye.casework.web.PageSlice;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.test.util.ReflectionTestUtils;
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
    void eachRowOffersTheFormItsStandingCallsForWithReasonAndEvidence() throws Exception {
        Employer fine = new Employer("江门市守信有限公司", CreditCodesTest.VALID, null, null, "cw", java.time.Instant.EPOCH);
        Employer listed = new Employer("江门市失信有限公司", null, null, null, "cw", java.time.Instant.EPOCH);
        ReflectionTestUtils.setField(fine, "id", 7L);
        ReflectionTestUtils.setField(listed, "id", 8L);
        listed.blacklist("拖欠工资", "投诉 2026-17", "sup.city", java.time.Instant.EPOCH);
        given(employers.search(any(), any(Pageable.class))).willReturn(new PageImpl<>(java.util.List.of(fine, listed)));

        mvc.perform(get("/employers").with(as(SUPERVISOR)).flashAttr("errors", Map.of("lift-reason-8", "不能为空")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"reason-7\"")))
                .andExpect(content().string(containsString("id=\"evidence-7\"")))
                .andExpect(content().string(containsString(CreditCodesTest.VALID)))
                .andExpect(content().string(containsString("id=\"lift-reason-8\"")))
                .andExpect(content().string(containsString("aria-describedby=\"lift-reason-8-error\"")))
                .andExpect(content().string(containsString("id=\"lift-evidence-8\"")))
                .andExpect(content().string(containsString("href=\"/employers/8\"")));
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
        then(employers).should().blacklist(3L, new BlacklistEmployer("拖欠工资", null), SUPERVISOR);

        mvc.perform(post("/employers/3/lift").with(as(SUPERVISOR)).with(csrf()).param("q", "拖欠")
                .param("reason", " 已结清欠薪 ").param("evidence", "劳动监察结案通知"))
                .andExpect(redirectedUrl("/employers?q=%E6%8B%96%E6%AC%A0"))
                .andExpect(flash().attribute("notice", "web.employers.lifted"));
        then(employers).should().lift(3L, new BlacklistEmployer("已结清欠薪", "劳动监察结案通知"), SUPERVISOR);
    }

    @Test
    void liftingNeedsAReasonShownByThatEmployersLiftField() throws Exception {
        mvc.perform(post("/employers/3/lift").with(as(SUPERVISOR)).with(csrf()).param("reason", " ")
                .param("evidence", "证".repeat(1001)))
                .andExpect(redirectedUrl("/employers?q="))
                .andExpect(flash().attribute("errors", Map.of("lift-reason-3", "不能为空",
                        "lift-evidence-3", "不能超过 1000 个字")));
        then(employers).should(never()).lift(anyLong(), any(), any());
    }

    @Test
    void anEmployersPageShowsItsBlacklistHistory() throws Exception {
        given(employers.get(3L)).willReturn(new Employer("江门市史记有限公司", "91350100M000100Y43", null, null, "cw",
                java.time.Instant.EPOCH));
        given(employers.history(3L)).willReturn(java.util.List.of(
                new BlacklistRecordView("BLACKLISTED", "拖欠工资", "投诉 2026-17", java.time.Instant.EPOCH, "sup.city"),
                new BlacklistRecordView("LIFTED", "已结清欠薪", null, java.time.Instant.EPOCH, "sup.city")));
        mvc.perform(get("/employers/3").with(as(CASEWORKER))).andExpect(status().isOk())
                .andExpect(view().name("employer")).andExpect(model().attributeExists("history"))
                .andExpect(content().string(containsString("投诉 2026-17")))
                .andExpect(content().string(containsString("已结清欠薪")));
        mvc.perform(get("/employers/3").with(as(COUNSELOR))).andExpect(status().isNotFound());
    }

    @Test
    void othersMayNotBlacklistOrLift() throws Exception {
        mvc.perform(post("/employers/3/blacklist").with(as(CASEWORKER)).with(csrf()).param("reason", "拖欠工资"))
                .andExpect(status().isNotFound()).andExpect(view().name("error/404"));
        mvc.perform(post("/employers/3/lift").with(as(ADMIN)).with(csrf()).param("reason", "x"))
                .andExpect(status().isNotFound());

        then(employers).should(never()).blacklist(anyLong(), any(), any());
        then(employers).should(never()).lift(anyLong(), any(), any());
    }
}
