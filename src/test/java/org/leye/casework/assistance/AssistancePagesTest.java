package org.leye.casework.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.is;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leye.casework.graduates.Degree;
import org.leye.casework.graduates.Difficulty;
import org.leye.casework.graduates.Gender;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.shared.problem.BusinessRuleException;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.support.TestGraduates;
import org.leye.casework.web.PageSlice;
import org.mockito.ArgumentCaptor;
import org.springframework.data.domain.Page;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The one-to-one assistance pages in a slice: the list, and a counselor's registration of a student. */
class AssistancePagesTest extends PageSlice {

    @Test
    void theListShowsTheCallersStudentsAndWhetherTheyMayRegister() throws Exception {
        given(assistance.list(any(), any(), eq(HELPER))).willReturn(Page.empty());
        given(assistance.figures(null, HELPER)).willReturn(new AssistanceView.Figures(3, 2, 1, 0, Map.of(), 0, 0));

        mvc.perform(get("/assistance").with(as(HELPER))).andExpect(status().isOk())
                .andExpect(view().name("assistance/list")).andExpect(model().attribute("mayRegister", false))
                .andExpect(content().string(containsString("<p class=\"figure\" id=\"f-students\">3</p>")));
    }

    @Test
    void theFormProposesNextSummersGraduatesOfTheCounselorsUniversity() throws Exception {
        mvc.perform(get("/assistance/new").with(as(COUNSELOR))).andExpect(status().isOk())
                .andExpect(view().name("assistance/new"))
                .andExpect(model().attribute("form", hasProperty("graduationYear", is(2026))))
                .andExpect(model().attribute("form", hasProperty("university", is("WYU"))));
    }

    @Test
    void aStudentWithoutDifficultyEvidenceOrDistrictIsRefusedByTheFields() throws Exception {
        mvc.perform(registration(COUNSELOR).param("name", "赵六").param("leavingSchoolDate", "2026-13-01"))
                .andExpect(status().isOk()).andExpect(view().name("assistance/new"))
                .andExpect(model().attributeHasFieldErrorCode("form", "difficulties", "NotEmpty"))
                .andExpect(model().attributeHasFieldErrorCode("form", "evidence", "NotBlank"))
                .andExpect(model().attributeHasFieldErrorCode("form", "district", "NotBlank"))
                .andExpect(model().attributeHasFieldErrorCode("form", "leavingSchoolDate", "typeMismatch"))
                .andExpect(model().attribute("problemKey", "web.form.fix"))
                .andExpect(content().string(containsString("id=\"evidence-error\"")))
                .andExpect(content().string(containsString("aria-describedby=\"evidence-error\"")))
                .andExpect(content().string(containsString("name=\"leavingSchoolDate\" value=\"2026-13-01\"")))
                .andExpect(content().string(containsString("name=\"name\" value=\"赵六\"")));

        then(assistance).should(never()).registerStudent(any(), any());
    }

    @Test
    void aRegisteredStudentLeadsToTheirAssistance() throws Exception {
        given(assistance.registerStudent(any(), eq(COUNSELOR))).willReturn(9L);
        String idNumber = TestGraduates.idNumber("440703", Gender.FEMALE);

        mvc.perform(valid(registration(COUNSELOR), idNumber).param("leavingSchoolDate", "2026-07-01"))
                .andExpect(redirectedUrl("/assistance/9"))
                .andExpect(flash().attribute("notice", "web.assistance.registered"));

        ArgumentCaptor<RegisterAssistance> sent = ArgumentCaptor.forClass(RegisterAssistance.class);
        then(assistance).should().registerStudent(sent.capture(), eq(COUNSELOR));
        assertThat(sent.getValue()).isEqualTo(new RegisterAssistance("钱七", idNumber, null, "13800138000", "WYU", null,
                Degree.ASSOCIATE, 2026, "440703", null, List.of(Difficulty.ZERO_EMPLOYMENT), "零就业家庭认定表",
                LocalDate.of(2026, 7, 1)));
    }

    @Test
    void theServicesRefusalIsShownByItsField() throws Exception {
        given(assistance.registerStudent(any(), eq(COUNSELOR)))
                .willThrow(new InvalidFieldException("university", "validation.outsideUniversity"));

        mvc.perform(valid(registration(COUNSELOR), TestGraduates.idNumber("440703", Gender.MALE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"university-error\">只能登记本校学生</p>")));
    }

    @Test
    void onlyCounselorsAndAdministratorsRegisterStudents() throws Exception {
        mvc.perform(get("/assistance/new").with(as(CASEWORKER))).andExpect(status().isNotFound())
                .andExpect(view().name("error/404"));
        mvc.perform(valid(registration(HELPER), TestGraduates.idNumber("440703", Gender.MALE)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/assistance/new").with(as(ADMIN))).andExpect(status().isOk());

        then(assistance).should(never()).registerStudent(any(), any());
    }

    // ------------------------------------------------------------------ evidence files

    @Test
    void theAssistancePageLinksEvidenceForThoseWhoMayReadItAndListsItForTheOthers() throws Exception {
        given(assistance.get(1L, HELPER)).willReturn(withEvidence());
        given(assistance.get(1L, COUNSELOR)).willReturn(withEvidence());
        given(taskList.list(any(), any(), any())).willReturn(Page.empty());
        given(evidence.mayDownload(1L, HELPER)).willReturn(true);

        mvc.perform(get("/assistance/1").with(as(HELPER))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/assistance/1/evidence/5\">低保证明.pdf</a>")))
                .andExpect(content().string(containsString("id=\"evidence-form\"")));
        mvc.perform(get("/assistance/1").with(as(COUNSELOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<span>低保证明.pdf</span>")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/assistance/1/evidence/5"))));
    }

    @Test
    void anEvidenceFileIsAddedOrItsRefusalShownAboveTheForm() throws Exception {
        byte[] bytes = "%PDF-1.7 证明".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        MockMultipartFile file = new MockMultipartFile("file", "证明.pdf", "application/pdf", bytes);
        mvc.perform(multipart("/assistance/1/evidence").file(file).with(as(COUNSELOR)).with(csrf()))
                .andExpect(redirectedUrl("/assistance/1"))
                .andExpect(flash().attribute("notice", "web.assistance.evidenceAdded"));
        then(evidence).should().add(1L, "证明.pdf", "application/pdf", bytes, COUNSELOR);

        given(evidence.add(eq(1L), any(), any(), any(), eq(COUNSELOR)))
                .willThrow(new BusinessRuleException("problem.evidence.type", Map.of("field", "file")));
        given(assistance.get(1L, COUNSELOR)).willReturn(withEvidence());
        given(taskList.list(any(), any(), any())).willReturn(Page.empty());
        mvc.perform(multipart("/assistance/1/evidence").file(file).with(as(COUNSELOR)).with(csrf()))
                .andExpect(status().isOk()).andExpect(view().name("assistance/show"))
                .andExpect(content().string(containsString("id=\"evidence-problem\">证明材料只接受 PDF、PNG 或 JPEG 文件")));
    }

    private static AssistanceView withEvidence() {
        return new AssistanceView(1L, 2L, "孙八", "五邑大学", "WYU", "440703", 2026,
                List.of(Difficulty.SUBSISTENCE_ALLOWANCE), "低保证明", false, AssistanceRoute.SCHOOL,
                AssistanceStatus.IN_PROGRESS, LocalDate.of(2026, 6, 30), null, null, List.of(), List.of(), null,
                "counselor.wyu", NOW, null, List.of(new AssistanceView.EvidenceFile(5L, "低保证明.pdf",
                        "application/pdf", 40_960, "counselor.wyu", NOW)));
    }

    private MockHttpServletRequestBuilder registration(CurrentUser caller) {
        return post("/assistance/new").with(as(caller)).with(csrf());
    }

    private static MockHttpServletRequestBuilder valid(MockHttpServletRequestBuilder form, String idNumber) {
        return form.param("name", "钱七").param("idNumber", idNumber).param("phone", "13800138000")
                .param("university", "WYU").param("degree", "ASSOCIATE").param("graduationYear", "2026")
                .param("district", "440703").param("difficulties", "ZERO_EMPLOYMENT")
                .param("evidence", " 零就业家庭认定表 ");
    }
}
