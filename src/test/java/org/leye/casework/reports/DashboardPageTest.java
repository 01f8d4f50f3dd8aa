package org.leye.casework.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leye.casework.reference.ReferenceData.UniversityName;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;
import org.leye.casework.tasks.TaskQuery;
import org.leye.casework.web.PageSlice;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The supervisor's dashboard in a slice: the task list's counts for the caller's districts, the
 * reports' figures; the cohort rate (all graduates) against the targets where totals are loaded, a
 * sentence instead where none are or for a district, and the registered share labelled apart.
 */
class DashboardPageTest extends PageSlice {

    static final CurrentUser CITY = new CurrentUser("sup.city", "市督导", Role.SUPERVISOR, null, null);
    static final ReportViews.Share REGISTERED = new ReportViews.Share(10, 6, new BigDecimal("0.6000"));

    @BeforeEach
    void counts() {
        given(reports.placementTargets()).willReturn(List.of(new BigDecimal("0.70"), new BigDecimal("0.90")));
        given(taskList.list(any(TaskQuery.class), any(), any())).willAnswer(call -> {
            TaskQuery query = call.getArgument(0);
            return new PageImpl<>(List.of(), PageRequest.of(0, 1), Boolean.TRUE.equals(query.overdue()) ? 2 : 7);
        });
        ReportViews.DistrictCompliance none = new ReportViews.DistrictCompliance("440703", "蓬江区", 0, 0, 0,
                BigDecimal.ZERO, 0, 0, BigDecimal.ZERO, 0, 0, BigDecimal.ZERO, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                new ReportViews.Durations(0, null, null),
                new ReportViews.Durations(0, null, null));
        given(reports.compliance(eq(null), any(), any())).willReturn(new ReportViews.Compliance(null, 2026,
                new ReportViews.Targets(BigDecimal.ONE, BigDecimal.ONE), List.of(none), none, List.of()));
    }

    static ReportViews.Placement placement(String district, ReportViews.Share cohort,
            List<ReportViews.UniversityPlacement> universities, ReportViews.Judgement judgement) {
        return new ReportViews.Placement(LocalDate.of(2026, 3, 1), 2026, district, cohort, REGISTERED,
                new ReportViews.TargetStatus(new BigDecimal("0.70"), LocalDate.of(2026, 7, 31), new BigDecimal("0.70"),
                        judgement),
                universities, cohort == null ? List.of() : List.of(new UniversityName("JMPT", "江门职业技术学院")),
                cohort == null ? 0 : 3, 10, 6, new BigDecimal("0.6000"), new BigDecimal("0.7000"), false, Map.of(),
                List.of(new ReportViews.DistrictPlacement("440703", "蓬江区", 10, 6, new BigDecimal("0.6000"), false,
                        Map.of())));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDistrictSupervisorSeesOnlyTheRegisteredShareNeverAgainstTheTargets() throws Exception {
        given(reports.placement(null, null, null, SUPERVISOR))
                .willReturn(placement("440703", null, List.of(), ReportViews.Judgement.NOT_JUDGED));

        MvcResult page = mvc.perform(get("/dashboard").with(as(SUPERVISOR))).andExpect(status().isOk())
                .andExpect(view().name("dashboard")).andExpect(model().attribute("openTotal", 7L))
                .andExpect(model().attribute("overdueTotal", 2L)).andExpect(model().attribute("graduationYear", 2026))
                .andExpect(content().string(allOf(containsString("登记离校未就业毕业生中已落实"),
                        containsString("id=\"registered-rate\">60.0 %"), containsString("已落实 6 人，共 10 人"),
                        containsString("学校不属于区县"), not(containsString("id=\"cohort-rate\"")),
                        not(containsString("placement-chart")), not(containsString("data-targets")),
                        not(containsString("id=\"load-totals\"")), not(containsString("href=\"/cohorts")))))
                .andReturn();

        assertThat((List<Object>) page.getModelAndView().getModel().get("rows"))
                .containsExactly(new DashboardController.DistrictRow("440703", "蓬江区", 7, 2));
    }

    @Test
    void withTotalsLoadedTheCityCohortRateIsDrawnAgainstTheTargetsWithItsStatus() throws Exception {
        ReportViews.Share cohort = new ReportViews.Share(100, 82, new BigDecimal("0.8200"));
        given(reports.placement(null, null, null, CITY)).willReturn(placement(null, cohort, List.of(
                new ReportViews.UniversityPlacement("WYU", "五邑大学", cohort, new ReportViews.Share(4, 2,
                        new BigDecimal("0.5000"))),
                new ReportViews.UniversityPlacement("JMPT", "江门职业技术学院", null, new ReportViews.Share(3, 1,
                        new BigDecimal("0.3333")))), ReportViews.Judgement.MET));

        mvc.perform(get("/dashboard").with(as(CITY))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("毕业去向落实率（全体毕业生）"),
                        containsString("id=\"cohort-rate\">82.0 %"), containsString("data-status=\"MET\""),
                        containsString("已达到目标 70.0 %（2026-07-31）"), containsString("已落实 82 人，共 100 人"),
                        containsString("id=\"placement-chart\""), containsString("data-targets=\"70.0,90.0\""),
                        containsString("data-university=\"WYU\""), not(containsString("data-university=\"JMPT\"")),
                        containsString("尚未导入毕业生总数的学校：江门职业技术学院"),
                        containsString("登记离校未就业毕业生中已落实"), containsString("id=\"registered-rate\">60.0 %"),
                        not(containsString("id=\"cohort-missing\"")), containsString("<a href=\"/cohorts\""))));
    }

    @Test
    void withoutTotalsTheCityIsToldSoAndSentToTheCohortsPageNotShownTheRegisteredShareAgainstTheTargets()
            throws Exception {
        given(reports.placement(null, null, null, CITY))
                .willReturn(placement(null, null, List.of(), ReportViews.Judgement.NOT_JUDGED));

        mvc.perform(get("/dashboard").with(as(CITY))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"cohort-missing\""),
                        containsString("2026 届尚未导入各校毕业生总数"),
                        containsString("id=\"load-totals\" href=\"/cohorts?graduationYear=2026\""),
                        containsString("id=\"registered-rate\">60.0 %"), not(containsString("id=\"cohort-rate\"")),
                        not(containsString("placement-chart")), not(containsString("data-targets")))));
        // an administrator may open the cohorts page as well
        given(reports.placement(null, null, null, ADMIN))
                .willReturn(placement(null, null, List.of(), ReportViews.Judgement.NOT_JUDGED));
        mvc.perform(get("/dashboard").with(as(ADMIN))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"load-totals\"")));
    }

    @Test
    void theDashboardIsNotFoundForCaseworkersAndCounselors() throws Exception {
        mvc.perform(get("/dashboard").with(as(CASEWORKER))).andExpect(status().isNotFound())
                .andExpect(view().name("error/404"));
        mvc.perform(get("/dashboard").with(as(COUNSELOR))).andExpect(status().isNotFound());
    }
}
