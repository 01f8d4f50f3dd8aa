package org.leye.casework.caseload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.leye.casework.cases.CaseLifecycle;
import org.leye.casework.cases.CaseOwnership;
import org.leye.casework.reference.District;
import org.leye.casework.reference.ReferenceData;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.tasks.OpenTasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervisors' caseload: per district, open cases and open, overdue and unclaimed tasks; per
 * caseworker, open tasks, overdue tasks, the cases they work on (cases with a task assigned to
 * them) and the open cases they answer for (their owner, 一对一). Two grouped queries on indexed columns plus the districts' enabled caseworkers from the user
 * provider, so that a caseworker without work is listed too.
 */
@Service
class Caseload {

    private final OpenTasks tasks;
    private final CaseLifecycle cases;
    private final ReferenceData reference;
    private final CurrentUsers users;
    private final CaseOwnership ownership;

    Caseload(OpenTasks tasks, CaseLifecycle cases, ReferenceData reference, CurrentUsers users,
            CaseOwnership ownership) {
        this.ownership = ownership;
        this.tasks = tasks;
        this.cases = cases;
        this.reference = reference;
        this.users = users;
    }

    record DistrictLoad(String district, String name, long openCases, long openTasks, long overdueTasks,
            long unassignedTasks) {
    }

    /**
     * @param openCases  the cases with a task assigned to the caseworker
     * @param ownedCases the open cases the caseworker answers for (一对一)
     * @param available  an enabled caseworker of the district, to whom work may be moved (a disabled
     *                   account or someone else is listed for the work they still hold)
     */
    record CaseworkerLoad(String username, String displayName, String district, long openCases, long openTasks,
            long overdueTasks, long ownedCases, boolean available) {
    }

    record View(String district, List<DistrictLoad> districts, List<CaseworkerLoad> caseworkers) {
    }

    @Transactional(readOnly = true)
    public View of(String district, CurrentUser caller) {
        String scope = district == null || district.isBlank() ? caller.districtCode() : district.strip();
        if (scope != null && !caller.seesWholeCity() && !scope.equals(caller.districtCode())) {
            throw new InvalidFieldException("district", "validation.outsideDistrict");
        }
        Map<String, String> names = new TreeMap<>();
        for (District d : reference.districts()) {
            if (scope == null || d.code().equals(scope)) {
                names.put(d.code(), d.name());
            }
        }
        if (scope != null && names.isEmpty()) {
            throw new InvalidFieldException("district", "validation.unknownDistrict");
        }
        Map<String, long[]> byDistrict = new LinkedHashMap<>(); // openCases, openTasks, overdue, unassigned
        names.keySet().forEach(code -> byDistrict.put(code, new long[4]));
        cases.openCasesByDistrict(scope)
                .forEach((code, open) -> byDistrict.computeIfAbsent(code, k -> new long[4])[0] = open);
        Map<String, CaseworkerLoad> workers = new LinkedHashMap<>();
        for (OpenTasks.Caseload row : tasks.caseload(scope)) {
            String code = row.districtCode();
            if (code == null) {
                // a task of no district: the one-to-one assistance's work at school (a helper's plan or
                // follow-up), which is no district's caseload; sorting it by district failed with a 500
                continue;
            }
            String assignee = row.assignee();
            long open = row.open();
            long overdue = row.overdue();
            long casesWorked = row.cases();
            long[] d = byDistrict.computeIfAbsent(code, k -> new long[4]);
            d[1] += open;
            d[2] += overdue;
            if (assignee == null) {
                d[3] += open;
            } else {
                workers.put(code + "/" + assignee,
                        new CaseworkerLoad(assignee, null, code, casesWorked, open, overdue, 0, false));
            }
        }
        Map<String, Long> owned = new HashMap<>();
        for (CaseOwnership.OwnedCases row : ownership.ownedCases(scope)) {
            owned.put(row.districtCode() + "/" + row.owner(), row.cases());
            workers.computeIfAbsent(row.districtCode() + "/" + row.owner(),
                    k -> new CaseworkerLoad(row.owner(), null, row.districtCode(), 0, 0, 0, 0, false));
        }
        List<CaseworkerLoad> caseworkers = new ArrayList<>();
        for (String code : byDistrict.keySet()) {
            if (code == null) {
                continue;
            }
            for (CurrentUser user : users.bureauHelpersOf(code)) {
                CaseworkerLoad load = workers.remove(code + "/" + user.username());
                long ownedCases = owned.getOrDefault(code + "/" + user.username(), 0L);
                caseworkers.add(load == null
                        ? new CaseworkerLoad(user.username(), user.displayName(), code, 0, 0, 0, ownedCases, true)
                        : new CaseworkerLoad(user.username(), user.displayName(), code, load.openCases(),
                                load.openTasks(), load.overdueTasks(), ownedCases, true));
            }
        }
        // assignees who are no enabled caseworker of the district (a counselor, a supervisor, a disabled
        // account), owners no longer one: listed for the work they still hold, not offered as a new holder
        workers.values().forEach(w -> caseworkers.add(new CaseworkerLoad(w.username(), null, w.district(),
                w.openCases(), w.openTasks(), w.overdueTasks(), owned.getOrDefault(w.district() + "/" + w.username(), 0L),
                false)));
        caseworkers.sort(Comparator.comparing(CaseworkerLoad::district).thenComparing(CaseworkerLoad::username));
        List<DistrictLoad> districts = byDistrict.entrySet().stream().filter(e -> e.getKey() != null)
                .map(e -> new DistrictLoad(e.getKey(), names.get(e.getKey()), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2], e.getValue()[3]))
                .toList();
        return new View(scope, districts, caseworkers);
    }
}
