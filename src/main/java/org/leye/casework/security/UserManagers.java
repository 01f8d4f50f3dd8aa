package org.leye.casework.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who manages whose account (issue 20, item 1): an administrator everyone; a district supervisor the
 * caseworkers (the bureau's helpers) and the federation officers of their own district; a counselor
 * the helpers of their own university. Nobody else manages accounts: not a city supervisor, a
 * caseworker, a helper or a federation officer. A manager sees, creates and changes exactly the
 * accounts they manage, and grants only a role and scope that they manage.
 */
final class UserManagers {

    private static final Set<Role> DISTRICT_SUPERVISOR_MANAGES = EnumSet.of(Role.CASEWORKER, Role.DPF_OFFICER);

    private UserManagers() {
    }

    /** Whether the caller manages any account at all. */
    static boolean managesAccounts(CurrentUser by) {
        return switch (by.role()) {
            case ADMIN, COUNSELOR -> true;
            case SUPERVISOR -> by.districtCode() != null;
            case CASEWORKER, HELPER, DPF_OFFICER -> false;
        };
    }

    /** Whether the caller manages an account of this role and scope. */
    static boolean manages(CurrentUser by, Role role, String districtCode, String universityCode) {
        return switch (by.role()) {
            case ADMIN -> true;
            case SUPERVISOR -> by.districtCode() != null && DISTRICT_SUPERVISOR_MANAGES.contains(role)
                    && by.districtCode().equals(districtCode);
            case COUNSELOR -> role == Role.HELPER && by.universityCode() != null
                    && by.universityCode().equals(universityCode);
            case CASEWORKER, HELPER, DPF_OFFICER -> false;
        };
    }

    /** The roles of the accounts the caller manages (none for a caller who manages none). */
    static Set<Role> rolesManaged(CurrentUser by) {
        if (!managesAccounts(by)) {
            return EnumSet.noneOf(Role.class);
        }
        return switch (by.role()) {
            case ADMIN -> EnumSet.allOf(Role.class);
            case SUPERVISOR -> EnumSet.copyOf(DISTRICT_SUPERVISOR_MANAGES);
            default -> EnumSet.of(Role.HELPER);
        };
    }

    /** The district the caller's list is kept to (a district supervisor's), or null. */
    static String districtOf(CurrentUser by) {
        return by.role() == Role.SUPERVISOR ? by.districtCode() : null;
    }

    /** The university the caller's list is kept to (a counselor's), or null. */
    static String universityOf(CurrentUser by) {
        return by.role() == Role.COUNSELOR ? by.universityCode() : null;
    }
}
