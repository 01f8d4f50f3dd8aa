package org.leye.casework.web;

import java.util.ArrayList;
import java.util.List;

import org.leye.casework.reference.District;
import org.leye.casework.reference.ReferenceData;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.security.Role;
import org.leye.casework.tasks.TaskList;
import org.leye.casework.tasks.TaskQuery;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The supervisor's dashboard: open and overdue tasks by district, counted by the task list with
 * the supervisor's scope, each a link to the tasks and graduates behind it. The placement rate
 * against the 70 % / 90 % targets comes with the reports.
 */
@Controller
class DashboardController {

    record DistrictRow(String code, String name, long open, long overdue) {
    }

    private final TaskList taskList;
    private final ReferenceData reference;
    private final CurrentUsers users;

    DashboardController(TaskList taskList, ReferenceData reference, CurrentUsers users) {
        this.taskList = taskList;
        this.reference = reference;
        this.users = users;
    }

    @GetMapping("/dashboard")
    String dashboard(Model model) {
        CurrentUser caller = users.current();
        Pages.require(caller, Role.SUPERVISOR, Role.ADMIN);
        List<DistrictRow> rows = new ArrayList<>();
        long open = 0;
        long overdue = 0;
        for (District d : reference.districts()) {
            if (!caller.seesWholeCity() && !d.getCode().equals(caller.districtCode())) {
                continue;
            }
            long o = count(caller, d.getCode(), null);
            long late = count(caller, d.getCode(), Boolean.TRUE);
            rows.add(new DistrictRow(d.getCode(), d.getName(), o, late));
            open += o;
            overdue += late;
        }
        model.addAttribute("rows", rows);
        model.addAttribute("openTotal", open);
        model.addAttribute("overdueTotal", overdue);
        return "dashboard";
    }

    private long count(CurrentUser caller, String district, Boolean overdue) {
        return taskList.list(new TaskQuery(TaskQuery.Scope.ALL, null, district, null, overdue, null, null),
                PageRequest.of(0, 1), caller).getTotalElements();
    }
}
