package org.leye.casework.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leye.casework.tasks.TaskQuery;
import org.leye.casework.web.PageSlice;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MvcResult;

/** The supervisor's dashboard in a slice: the task list's counts for the caller's districts, the reports' figures. */
class DashboardPageTest extends PageSlice {

    @Test
    @SuppressWarnings("unchecked")
    void aDistrictSupervisorSeesTheirDistrictsCountsAndTheReports() throws Exception {
        ReportViews.Placement placement = new ReportViews.Placement(LocalDate.of(2026, 3, 1), 2025, "440703", null,
                new ReportViews.Share(10, 6, new BigDecimal("0.6000")), new ReportViews.TargetStatus(
                        new BigDecimal("0.90"), LocalDate.of(2025, 12, 31), new BigDecimal("0.90"),
                        ReportViews.Judgement.NOT_JUDGED), List.of(), List.of(), 0, 10, 6,
                new BigDecimal("0.6000"), new BigDecimal("0.7000"), false, Map.of(), List.of());
        ReportViews.DistrictCompliance none = new ReportViews.DistrictCompliance("440703", "蓬江区", 0, 0, 0,
                BigDecimal.ZERO, 0, 0, BigDecimal.ZERO, 0, 0, BigDecimal.ZERO, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                new ReportViews.Durations(0, null, null),
                new ReportViews.Durations(0, null, null));
        given(reports.placement(null, null, null, SUPERVISOR)).willReturn(placement);
        given(reports.placementTargets()).willReturn(List.of(new BigDecimal("0.7"), new BigDecimal("0.9")));
        given(reports.compliance(null, 2025, SUPERVISOR)).willReturn(new ReportViews.Compliance("440703", 2025,
                new ReportViews.Targets(BigDecimal.ONE, BigDecimal.ONE), List.of(none), none, List.of()));
        given(taskList.list(any(TaskQuery.class), any(), eq(SUPERVISOR))).willAnswer(call -> {
            TaskQuery query = call.getArgument(0);
            return new PageImpl<>(List.of(), PageRequest.of(0, 1), Boolean.TRUE.equals(query.overdue()) ? 2 : 7);
        });

        MvcResult page = mvc.perform(get("/dashboard").with(as(SUPERVISOR))).andExpect(status().isOk())
                .andExpect(view().name("dashboard")).andExpect(model().attribute("openTotal", 7L))
                .andExpect(model().attribute("overdueTotal", 2L)).andExpect(model().attribute("graduationYear", 2025))
                .andReturn();

        assertThat((List<Object>) page.getModelAndView().getModel().get("rows"))
                .containsExactly(new DashboardController.DistrictRow("440703", "蓬江区", 7, 2));
    }

    @Test
    void theDashboardIsNotFoundForCaseworkersAndCounselors() throws Exception {
        mvc.perform(get("/dashboard").with(as(CASEWORKER))).andExpect(status().isNotFound())
                .andExpect(view().name("error/404"));
        mvc.perform(get("/dashboard").with(as(COUNSELOR))).andExpect(status().isNotFound());
    }
}
