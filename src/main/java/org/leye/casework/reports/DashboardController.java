package org.leye.casework.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.leye.casework.reference.District;
import org.leye.casework.reference.ReferenceData;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.tasks.TaskList;
import org.leye.casework.tasks.TaskQuery;
import org.leye.casework.web.PageController;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The supervisor's dashboard: open and overdue tasks by district, counted by the task list with
 * the supervisor's scope, each a link to the tasks and graduates behind it; the cohort placement
 * rate (毕业去向落实率, all graduates, by university) against the 70 % / 90 % targets and its
 * {@code targetStatus} (a chart, {@code /js/dashboard.js} with ECharts, over a table that is its
 * text alternative), or, where no totals are loaded or for a district, a sentence saying why there
 * is none; the share placed among registered leavers by district, labelled apart and not drawn
 * against the targets; and 131 compliance by district, from the same {@link Reports} as
 * {@code /api/reports/placement} and {@code /api/reports/compliance}.
 */
@PageController
class DashboardController {

    record DistrictRow(String code, String name, long open, long overdue) {
    }

    private final TaskList taskList;
    private final ReferenceData reference;
    private final Reports reports;
    private final CurrentUsers users;

    DashboardController(TaskList taskList, ReferenceData reference, Reports reports, CurrentUsers users) {
        this.taskList = taskList;
        this.reference = reference;
        this.reports = reports;
        this.users = users;
    }

    @GetMapping("/dashboard")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    String dashboard(@RequestParam(required = false) Integer graduationYear,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        CurrentUser caller = users.current();
        ReportViews.Placement placement = reports.placement(asOf, graduationYear, null, caller);
        model.addAttribute("placement", placement);
        // the cohort rate is drawn against the targets only where totals are loaded; where none are, the
        // page says so and links the cohorts page for those who may open it (the city's supervisors, ADMIN)
        model.addAttribute("mayOpenCohorts", caller.seesWholeCity());
        model.addAttribute("withoutTotals", placement.universitiesWithoutTotals().stream()
                .map(ReferenceData.UniversityName::name).collect(Collectors.joining("、")));
        model.addAttribute("targets", reports.placementTargets());
        model.addAttribute("compliance", reports.compliance(null, placement.graduationYear(), caller));
        model.addAttribute("graduationYear", placement.graduationYear());
        model.addAttribute("asOf", placement.asOf());
        List<DistrictRow> rows = new ArrayList<>();
        long open = 0;
        long overdue = 0;
        for (District d : reference.districts()) {
            if (!caller.seesWholeCity() && !d.code().equals(caller.districtCode())) {
                continue;
            }
            long o = count(caller, d.code(), null);
            long late = count(caller, d.code(), Boolean.TRUE);
            rows.add(new DistrictRow(d.code(), d.name(), o, late));
            open += o;
            overdue += late;
        }
        model.addAttribute("rows", rows);
        // the totals are the task list's for the whole scope, as /api/tasks?scope=all answers: for the
        // city they include the one-to-one assistance's tasks at school, which belong to no district
        model.addAttribute("openTotal", caller.seesWholeCity() ? count(caller, null, null) : open);
        model.addAttribute("overdueTotal", caller.seesWholeCity() ? count(caller, null, Boolean.TRUE) : overdue);
        return "dashboard";
    }

    private long count(CurrentUser caller, String district, Boolean overdue) {
        return taskList.list(new TaskQuery(TaskQuery.Scope.ALL, null, district, null, overdue, null, null),
                PageRequest.of(0, 1), caller).getTotalElements();
    }
}
