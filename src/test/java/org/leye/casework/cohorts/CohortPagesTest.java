package org.leye.casework.cohorts;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leye.casework.reference.ReferenceData.UniversityName;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.problem.InvalidFieldException.FieldError;
import org.leye.casework.shared.problem.InvalidInputException;
import org.leye.casework.web.PageSlice;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The cohorts page in a slice: who may open it, a correction saved, a refused value shown beside its
 * field, and an upload loaded or refused with its rows' errors (over a mocked {@link Cohorts}).
 */
class CohortPagesTest extends PageSlice {

    static final CurrentUser CITY = new CurrentUser("sup.city", "市督导", Role.SUPERVISOR, null, null);
    static final CohortTotalView WYU = new CohortTotalView(2026, "WYU", "五邑大学", 5200, 4100, "sup.city",
            Instant.parse("2026-02-20T02:00:00Z"));
    static final MockMultipartFile FILE = new MockMultipartFile("file", "毕业生总数.csv", "text/csv",
            "学校,毕业生人数,离校时已落实\n五邑大学,5200,4100\n".getBytes(StandardCharsets.UTF_8));

    @BeforeEach
    void universities() {
        UniversityName wyu = new UniversityName("WYU", "五邑大学");
        UniversityName jmpt = new UniversityName("JMPT", "江门职业技术学院");
        given(reference.universityNames()).willReturn(List.of(jmpt, wyu));
        given(reference.universityName("WYU")).willReturn(Optional.of(wyu));
        given(cohorts.list(anyInt(), any())).willReturn(List.of());
        given(cohorts.list(2026, CITY)).willReturn(List.of(WYU));
    }

    @Test
    void aCitySupervisorSeesTheCurrentYearsTotalsPerUniversityWithTheNavigationEntry() throws Exception {
        mvc.perform(get("/cohorts").with(as(CITY))).andExpect(status().isOk()).andExpect(view().name("cohorts/totals"))
                .andExpect(model().attribute("graduationYear", 2026)).andExpect(model().attribute("totalGraduates", 5200L))
                .andExpect(model().attribute("rows", List.of(new CohortPageController.Row("JMPT", "江门职业技术学院", null),
                        new CohortPageController.Row("WYU", "五邑大学", WYU))))
                .andExpect(content().string(allOf(containsString("<a href=\"/cohorts\""), containsString("未导入"),
                        containsString("5200"), containsString("_csrf"))));

        mvc.perform(get("/cohorts").param("graduationYear", "2025").with(as(ADMIN))).andExpect(status().isOk())
                .andExpect(model().attribute("graduationYear", 2025)).andExpect(model().attribute("loaded", 0))
                .andExpect(content().string(containsString("2025 届尚未导入毕业生总数")));
    }

    @Test
    void correctingOpensTheFormWithTheUniversitysFigures() throws Exception {
        mvc.perform(get("/cohorts").param("university", "WYU").with(as(CITY))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"5200\""), containsString("value=\"4100\""))));
    }

    @Test
    void districtSupervisorsAndEveryOtherRoleGetTheNotFoundPage() throws Exception {
        for (CurrentUser caller : List.of(SUPERVISOR, CASEWORKER, COUNSELOR, HELPER)) {
            mvc.perform(get("/cohorts").with(as(caller))).andExpect(status().isNotFound())
                    .andExpect(view().name("error/404"));
            mvc.perform(post("/cohorts").param("graduationYear", "2026").param("universityCode", "WYU")
                    .param("graduates", "1").param("placedAtLeaving", "1").with(as(caller)).with(csrf()))
                    .andExpect(status().isNotFound());
            mvc.perform(multipart("/cohorts/upload").file(FILE).with(as(caller)).with(csrf()))
                    .andExpect(status().isNotFound());
        }
        then(cohorts).should(never()).put(anyInt(), any(), anyInt(), anyInt(), any());
        then(cohorts).should(never()).upload(anyInt(), any(), any());
    }

    @Test
    void aCorrectionIsSavedAndTheYearShownAgain() throws Exception {
        given(cohorts.put(2026, "WYU", 5300, 4150, CITY)).willReturn(WYU);

        mvc.perform(post("/cohorts").param("graduationYear", "2026").param("universityCode", "WYU")
                .param("graduates", "5300").param("placedAtLeaving", "4150").with(as(CITY)).with(csrf()))
                .andExpect(redirectedUrl("/cohorts?graduationYear=2026"))
                .andExpect(flash().attribute("notice", "web.cohorts.saved"))
                .andExpect(flash().attribute("noticeArg", "五邑大学"));
        then(cohorts).should().put(2026, "WYU", 5300, 4150, CITY);
    }

    @Test
    void aCorrectionWithoutTheFormsTokenIsRefused() throws Exception {
        mvc.perform(post("/cohorts").param("graduationYear", "2026").param("universityCode", "WYU")
                .param("graduates", "5300").param("placedAtLeaving", "4150").with(as(CITY)))
                .andExpect(status().isForbidden());
        then(cohorts).should(never()).put(anyInt(), any(), anyInt(), anyInt(), any());
    }

    @Test
    void aRefusedValueIsShownBesideItsFieldAndNothingIsSaved() throws Exception {
        mvc.perform(post("/cohorts").param("graduationYear", "2026").param("universityCode", "WYU")
                .param("graduates", "abc").param("placedAtLeaving", "-1").with(as(CITY)).with(csrf()))
                .andExpect(status().isOk()).andExpect(view().name("cohorts/totals"))
                .andExpect(model().attributeHasFieldErrors("correction", "graduates", "placedAtLeaving"))
                .andExpect(content().string(allOf(containsString("id=\"placedAtLeaving-error\""),
                        containsString("应为 0 到 1000000 之间的整数人数"), containsString("id=\"graduates-error\""),
                        containsString("类型不正确"), containsString("aria-describedby=\"placedAtLeaving-error\""))));
        then(cohorts).should(never()).put(anyInt(), any(), anyInt(), anyInt(), any());

        // the service's rule across the fields, by the field it names
        given(cohorts.put(2026, "WYU", 100, 120, CITY)).willThrow(new InvalidFieldException("placedAtLeaving",
                "validation.cohort.placedAboveGraduates", 100));
        mvc.perform(post("/cohorts").param("graduationYear", "2026").param("universityCode", "WYU")
                .param("graduates", "100").param("placedAtLeaving", "120").with(as(CITY)).with(csrf()))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrorCode("correction", "placedAtLeaving",
                        "validation.cohort.placedAboveGraduates"))
                .andExpect(content().string(allOf(containsString("离校时已落实人数不能多于毕业生总数（100）"),
                        containsString("value=\"120\""))));
    }

    @Test
    void anUploadIsLoadedAndSaidWhatItDid() throws Exception {
        given(cohorts.upload(eq(2026), any(), eq(CITY)))
                .willReturn(new Cohorts.Uploaded(2026, 1, 0, 0, List.of(WYU)));

        mvc.perform(multipart("/cohorts/upload").file(FILE).param("graduationYear", "2026").with(as(CITY)).with(csrf()))
                .andExpect(redirectedUrl("/cohorts?graduationYear=2026"))
                .andExpect(flash().attribute("uploaded", new CohortPageController.UploadSummary(2026, 1, 0, 0)));
        mvc.perform(get("/cohorts").flashAttr("uploaded", new CohortPageController.UploadSummary(2026, 1, 0, 0))
                .with(as(CITY))).andExpect(content().string(containsString("已导入：新增 1 所学校，更改 0 所，未变 0 所。")));
    }

    @Test
    void anUploadWithBadRowsIsRefusedWholeWithEachRowsReason() throws Exception {
        given(cohorts.upload(eq(2026), any(), eq(CITY))).willThrow(new InvalidFieldException(List.of(
                new FieldError("rows[3].university", "validation.cohort.unknownUniversity", "某大学"),
                new FieldError("rows[2].placedAtLeaving", "validation.cohort.placedAboveGraduates", 50))));

        mvc.perform(multipart("/cohorts/upload").file(FILE).param("graduationYear", "2026").with(as(CITY)).with(csrf()))
                .andExpect(status().isOk()).andExpect(view().name("cohorts/totals"))
                .andExpect(model().attribute("rowErrors", List.of(
                        new CohortPageController.RowError(2, "web.cohorts.placedAtLeaving", "离校时已落实人数不能多于毕业生总数（50）"),
                        new CohortPageController.RowError(3, "web.cohorts.university", "不是已知学校的代码或名称：某大学"))))
                .andExpect(content().string(allOf(containsString("id=\"row-errors\""),
                        containsString("以下各行有误，整个文件未导入"))));

        given(cohorts.upload(eq(2026), any(), eq(CITY)))
                .willThrow(new InvalidInputException("problem.cohort.noHeader", java.util.Map.of(), 10));
        mvc.perform(multipart("/cohorts/upload").file(FILE).param("graduationYear", "2026").with(as(CITY)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("前 10 行中找不到表头"),
                        not(containsString("id=\"row-errors\"")))));

        mvc.perform(multipart("/cohorts/upload").param("graduationYear", "2026").with(as(CITY)).with(csrf()))
                .andExpect(status().isOk()).andExpect(model().attribute("uploadProblemKey", "web.cohorts.chooseFile"));
    }
}
