package org.leye.casework.graduates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.leye.casework.cases.CaseSummary;
import org.leye.casework.cases.CaseStatus;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.shared.problem.ConflictException;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.problem.NotFoundException;
import org.leye.casework.support.TestGraduates;
import org.leye.casework.web.PageSlice;
import org.mockito.ArgumentCaptor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The graduates' pages in a slice: the lists, one graduate's page with its parts, the registration form. */
class GraduatePagesTest extends PageSlice {

    @Test
    void aCaseworkerListsTheGraduatesInTheirScopeWithTheFiltersStripped() throws Exception {
        given(registry.search(any(GraduateSearch.class), any(Pageable.class), any(CurrentUser.class)))
                .willReturn(Page.empty());

        mvc.perform(get("/graduates").param("q", "  张三 ").param("district", " ").with(as(CASEWORKER)))
                .andExpect(status().isOk()).andExpect(view().name("graduates"))
                .andExpect(model().attribute("q", "  张三 ")).andExpect(model().attributeExists("graduates", "districts"));

        then(registry).should().search(eq(new GraduateSearch(null, null, null, "张三")), any(Pageable.class),
                eq(CASEWORKER));
    }

    @Test
    void aCounselorsListIsTheirUniversitysStudentsAndOthersDoNotHaveOne() throws Exception {
        given(registry.search(any(GraduateSearch.class), any(Pageable.class), any(CurrentUser.class)))
                .willReturn(Page.empty());

        mvc.perform(get("/students").with(as(COUNSELOR))).andExpect(status().isOk())
                .andExpect(view().name("students")).andExpect(model().attribute("university", "五邑大学"));
        mvc.perform(get("/graduates").with(as(COUNSELOR))).andExpect(view().name("students"));
        mvc.perform(get("/students").with(as(CASEWORKER))).andExpect(status().isNotFound())
                .andExpect(view().name("error/404"));
        mvc.perform(get("/graduates").with(as(HELPER))).andExpect(status().isNotFound());
    }

    @Test
    void aGraduatesPageShowsTheRecordWithTheCaseAndTheLedger() throws Exception {
        given(registry.read(5L, CASEWORKER)).willReturn(graduateView(5L));
        CaseSummary file = new CaseSummary(9L, "JM-2026-000009", 5L, "440703", CaseStatus.OPEN, 0, "pi-5",
                "cw.pengjiang");
        given(cases.findCase(5L)).willReturn(Optional.of(file));
        given(ledger.of(5L)).willReturn(List.of());
        given(ledger.compliance(5L)).willReturn(org.leye.casework.ledger.Service131Policy.evaluate(List.of(), null));

        mvc.perform(get("/graduates/5").with(as(CASEWORKER)))
                .andExpect(status().isOk()).andExpect(view().name("graduate"))
                .andExpect(model().attribute("caseFile", file))
                .andExpect(model().attributeExists("currentSteps", "timeline", "compliance", "destinations"))
                .andExpect(model().attribute("destination", instanceOf(Object.class)))
                .andExpect(content().string(containsString("<dd id=\"case-status\">进行中</dd>")))
                .andExpect(content().string(containsString("<dd id=\"case-owner\">cw.pengjiang</dd>")))
                // the owner's form is the supervisors'
                .andExpect(content().string(not(containsString("id=\"owner-form\""))))
                .andExpect(content().string(containsString("id=\"count-referrals\">0 / 3<")))
                .andExpect(content().string(containsString("id=\"diagram\"")))
                .andExpect(content().string(containsString("id=\"date\" type=\"date\" name=\"date\" value=\"2026-03-01\"")));
    }

    @Test
    void aGraduateOutsideTheScopeIsTheNotFoundPage() throws Exception {
        given(registry.read(6L, CASEWORKER)).willThrow(new NotFoundException("graduate", 6L));

        mvc.perform(get("/graduates/6").with(as(CASEWORKER))).andExpect(status().isNotFound())
                .andExpect(view().name("error/404")).andExpect(content().string(containsString("未找到")));
        mvc.perform(get("/graduates/not-a-number").with(as(CASEWORKER))).andExpect(status().isNotFound());
    }

    @Test
    void theRegistrationFormProposesThisYearAndTheCounselorsUniversity() throws Exception {
        mvc.perform(get("/graduates/new").with(as(COUNSELOR)))
                .andExpect(status().isOk()).andExpect(view().name("register"))
                .andExpect(model().attribute("form", org.hamcrest.Matchers.hasProperty("graduationYear",
                        org.hamcrest.Matchers.is(2026))))
                .andExpect(content().string(containsString("<option value=\"WYU\" selected=\"selected\">五邑大学</option>")))
                .andExpect(content().string(containsString("id=\"willing-yes\" name=\"willingToWork\" value=\"true\" checked=\"checked\"")));
    }

    @Test
    void aRefusedRegistrationShowsEachMessageByItsFieldAndKeepsTheAnswers() throws Exception {
        mvc.perform(registration(CASEWORKER).param("name", "   ").param("graduationYear", "二〇二六")
                .param("phone", " 12345 ").param("difficulties", "ZERO_EMPLOYMENT"))
                .andExpect(status().isOk()).andExpect(view().name("register"))
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "NotBlank"))
                .andExpect(model().attributeHasFieldErrorCode("form", "graduationYear", "typeMismatch"))
                .andExpect(model().attributeHasFieldErrorCode("form", "phone", "Phone"))
                .andExpect(model().attribute("problemKey", "web.form.fix"))
                .andExpect(content().string(containsString("id=\"graduationYear-error\">类型不正确</p>")))
                .andExpect(content().string(containsString("id=\"phone-error\">不是有效的手机号或固定电话号码</p>")))
                .andExpect(content().string(containsString("name=\"phone\" value=\"12345\"")))
                .andExpect(content().string(containsString("id=\"name\" type=\"text\" aria-invalid=\"true\" aria-describedby=\"name-error\"")))
                .andExpect(content().string(containsString("value=\"ZERO_EMPLOYMENT\" checked=\"checked\"")));

        then(registry).should(never()).registerRecord(any(), any());
    }

    @Test
    void aValidRegistrationIsSentStrippedAndLeadsToTheGraduatesPage() throws Exception {
        Graduate graduate = mock(Graduate.class);
        given(graduate.getId()).willReturn(42L);
        given(registry.registerRecord(any(), eq(CASEWORKER))).willReturn(graduate);
        String idNumber = TestGraduates.idNumber("440703", Gender.FEMALE);

        mvc.perform(valid(registration(CASEWORKER), idNumber).param("willingToWork", "false").param("major", " "))
                .andExpect(redirectedUrl("/graduates/42")).andExpect(flash().attribute("notice", "web.register.done"));

        ArgumentCaptor<RegisterGraduate> sent = ArgumentCaptor.forClass(RegisterGraduate.class);
        then(registry).should().registerRecord(sent.capture(), eq(CASEWORKER));
        assertThat(sent.getValue()).isEqualTo(new RegisterGraduate("李四", idNumber, null, "13800138000", "WYU", null,
                Degree.BACHELOR, 2026, "440703", null, List.of(Difficulty.SUBSISTENCE_ALLOWANCE), null, false));
    }

    @Test
    void theRegistrysRefusalsAreShownByTheirFields() throws Exception {
        given(registry.registerRecord(any(), eq(CASEWORKER)))
                .willThrow(new InvalidFieldException("district", "validation.outsideDistrict"))
                .willThrow(new ConflictException("problem.duplicateIdNumber", Map.of("existingId", 7L), 7L));
        String idNumber = TestGraduates.idNumber("440703", Gender.MALE);

        mvc.perform(valid(registration(CASEWORKER), idNumber)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"district-error\">只能登记本区县的毕业生</p>")))
                .andExpect(content().string(not(containsString("id=\"idNumber-error\""))));
        mvc.perform(valid(registration(CASEWORKER), idNumber)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"idNumber-error\">该身份证号已登记（毕业生编号 7）。</p>")));
    }

    @Test
    void rolesThatDoNotRegisterGetTheNotFoundPage() throws Exception {
        mvc.perform(get("/graduates/new").with(as(HELPER))).andExpect(status().isNotFound())
                .andExpect(view().name("error/404"));
        mvc.perform(get("/graduates/new").with(as(ADMIN))).andExpect(status().isNotFound());
        mvc.perform(valid(registration(ADMIN), TestGraduates.idNumber("440703", Gender.MALE)))
                .andExpect(status().isNotFound());

        then(registry).should(never()).registerRecord(any(), any());
    }

    private MockHttpServletRequestBuilder registration(CurrentUser caller) {
        return post("/graduates/new").with(as(caller)).with(csrf());
    }

    private static MockHttpServletRequestBuilder valid(MockHttpServletRequestBuilder form, String idNumber) {
        return form.param("name", " 李四 ").param("idNumber", idNumber).param("phone", "13800138000")
                .param("university", "WYU").param("degree", "BACHELOR").param("graduationYear", "2026")
                .param("district", "440703").param("address", "").param("difficulties", "SUBSISTENCE_ALLOWANCE");
    }

    private static GraduateView graduateView(long id) {
        return new GraduateView(id, "JM2026000005", "王五", "4407**********1234", Gender.MALE, 22, "138****8000", "五邑大学",
                "WYU", "会计学", Degree.BACHELOR, 2026, "440703", null, List.of(), List.of(Source.JOB_SEEKING_REGISTRATION),
                true, GraduateStatus.REGISTERED, null, Instant.parse("2026-02-01T00:00:00Z"), null, "cw.pengjiang", 0);
    }
}
