package org.leye.casework.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.authorization.Groups;
import org.leye.casework.shared.ProcessAdapter;

/**
 * The engine's groups, derived from each user's role and scope (there is no group table):
 * <ul>
 * <li>{@code caseworkers-<district>}: the caseworkers of a district (candidate group of its tasks);</li>
 * <li>{@code supervisors-<district>}: the district's supervisors <em>and every city supervisor</em>,
 *     who sees the whole city anyway ({@link CurrentUser#seesWholeCity()}), so work escalated to a
 *     district's supervisors is in the city supervisors' lists too;</li>
 * <li>{@code supervisors-city}: the supervisors without a district;</li>
 * <li>{@code counselors-<university>}: a university's counselors;</li>
 * <li>{@code dpf-officers-<district>}: the Disabled Persons' Federation officers of a district (the
 *     disability track's tasks);</li>
 * <li>{@code camunda-admin}: administrators, the webapps' administrator group.</li>
 * </ul>
 */
@ProcessAdapter
final class EngineGroups {

    static final String ADMINS = Groups.CAMUNDA_ADMIN;
    static final String CITY_SUPERVISORS = "supervisors-city";
    private static final String CASEWORKERS = "caseworkers-";
    private static final String SUPERVISORS = "supervisors-";
    private static final String COUNSELORS = "counselors-";
    private static final String DPF_OFFICERS = "dpf-officers-";

    // names shown in the webapps (Tasklist, Admin); the bureau works in simplified Chinese
    private static final String CASEWORKERS_NAME = "%s经办人";
    private static final String SUPERVISORS_NAME = "%s督导";
    private static final String CITY_SUPERVISORS_NAME = "市级督导";
    private static final String COUNSELORS_NAME = "%s辅导员";
    private static final String DPF_OFFICERS_NAME = "%s残联专干";
    private static final String ADMINS_NAME = "系统管理员";

    /** One group of the engine. */
    record EngineGroup(String id, String name, String type) {
    }

    /**
     * Who belongs to a group, as a condition on {@code app_user}.
     *
     * @param districtCode      the district, or null for no condition on it
     * @param universityCode    the university, or null for no condition on it
     * @param withCitySupervisors whether users without a district are members as well (for
     *                          {@code supervisors-city} alone: only those)
     */
    record Membership(Role role, String districtCode, String universityCode, boolean withCitySupervisors) {
    }

    private EngineGroups() {
    }

    static String caseworkers(String districtCode) {
        return CASEWORKERS + districtCode;
    }

    static String supervisors(String districtCode) {
        return SUPERVISORS + districtCode;
    }

    static String counselors(String universityCode) {
        return COUNSELORS + universityCode;
    }

    /** The candidate group of a district's disability-track tasks (bpmn/disability-track.bpmn). */
    static String dpfOfficers(String districtCode) {
        return DPF_OFFICERS + districtCode;
    }

    /** Every group, given the districts and universities (code to name) of the reference data. */
    static List<EngineGroup> all(Map<String, String> districts, Map<String, String> universities) {
        List<EngineGroup> groups = new ArrayList<>();
        districts.forEach((code, name) -> {
            groups.add(new EngineGroup(caseworkers(code), CASEWORKERS_NAME.formatted(name), Groups.GROUP_TYPE_WORKFLOW));
            groups.add(new EngineGroup(supervisors(code), SUPERVISORS_NAME.formatted(name), Groups.GROUP_TYPE_WORKFLOW));
            groups.add(new EngineGroup(dpfOfficers(code), DPF_OFFICERS_NAME.formatted(name),
                    Groups.GROUP_TYPE_WORKFLOW));
        });
        groups.add(new EngineGroup(CITY_SUPERVISORS, CITY_SUPERVISORS_NAME, Groups.GROUP_TYPE_WORKFLOW));
        universities.forEach((code, name) ->
                groups.add(new EngineGroup(counselors(code), COUNSELORS_NAME.formatted(name), Groups.GROUP_TYPE_WORKFLOW)));
        groups.add(new EngineGroup(ADMINS, ADMINS_NAME, Groups.GROUP_TYPE_SYSTEM));
        return groups;
    }

    /** The ids of the groups that a user belongs to. */
    static List<String> of(CurrentUser user, Iterable<String> allDistrictCodes) {
        List<String> ids = new ArrayList<>();
        switch (user.role()) {
            case CASEWORKER -> ids.add(caseworkers(user.districtCode()));
            case COUNSELOR -> ids.add(counselors(user.universityCode()));
            case DPF_OFFICER -> ids.add(dpfOfficers(user.districtCode()));
            case SUPERVISOR -> {
                if (user.districtCode() != null) {
                    ids.add(supervisors(user.districtCode()));
                } else {
                    ids.add(CITY_SUPERVISORS);
                    allDistrictCodes.forEach(code -> ids.add(supervisors(code)));
                }
            }
            case ADMIN -> ids.add(ADMINS);
            case HELPER -> { } // works only tasks assigned to them by name
        }
        return ids;
    }

    /** The members of a group; empty for an id that is no group (such as an unknown district). */
    static Optional<Membership> membersOf(String groupId, Map<String, String> districts, Map<String, String> universities) {
        if (ADMINS.equals(groupId)) {
            return Optional.of(new Membership(Role.ADMIN, null, null, false));
        }
        if (CITY_SUPERVISORS.equals(groupId)) {
            return Optional.of(new Membership(Role.SUPERVISOR, null, null, true));
        }
        if (groupId.startsWith(DPF_OFFICERS) && districts.containsKey(groupId.substring(DPF_OFFICERS.length()))) {
            return Optional.of(new Membership(Role.DPF_OFFICER, groupId.substring(DPF_OFFICERS.length()), null, false));
        }
        if (groupId.startsWith(CASEWORKERS) && districts.containsKey(groupId.substring(CASEWORKERS.length()))) {
            return Optional.of(new Membership(Role.CASEWORKER, groupId.substring(CASEWORKERS.length()), null, false));
        }
        if (groupId.startsWith(SUPERVISORS) && districts.containsKey(groupId.substring(SUPERVISORS.length()))) {
            return Optional.of(new Membership(Role.SUPERVISOR, groupId.substring(SUPERVISORS.length()), null, true));
        }
        if (groupId.startsWith(COUNSELORS) && universities.containsKey(groupId.substring(COUNSELORS.length()))) {
            return Optional.of(new Membership(Role.COUNSELOR, null, groupId.substring(COUNSELORS.length()), false));
        }
        return Optional.empty();
    }
}
