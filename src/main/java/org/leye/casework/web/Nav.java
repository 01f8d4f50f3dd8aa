package org.leye.casework.web;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;

/**
 * The header's navigation: each entry names the roles that see it, and which of them when not all
 * do: those who see the whole city (a page of the city's figures, which a district supervisor may
 * not open), or a district supervisor and not the city's (the users they manage).
 */
final class Nav {

    record Entry(String path, String labelKey, Set<Role> roles, Predicate<CurrentUser> only) {

        Entry(String path, String labelKey, Set<Role> roles) {
            this(path, labelKey, roles, user -> true);
        }

        boolean shownTo(CurrentUser user) {
            return roles.contains(user.role()) && only.test(user);
        }
    }

    /** A city supervisor manages no accounts (security.UserManagers); a district supervisor does. */
    private static final Predicate<CurrentUser> NOT_CITY_SUPERVISOR = user -> user.role() != Role.SUPERVISOR
            || user.districtCode() != null;

    static final List<Entry> ENTRIES = List.of(
            new Entry("/inbox", "web.nav.inbox", Set.of(Role.CASEWORKER, Role.SUPERVISOR, Role.COUNSELOR, Role.HELPER,
                    Role.DPF_OFFICER)),
            new Entry("/dashboard", "web.nav.dashboard", Set.of(Role.SUPERVISOR, Role.ADMIN)),
            new Entry("/graduates", "web.nav.graduates", Set.of(Role.CASEWORKER, Role.SUPERVISOR, Role.ADMIN)),
            new Entry("/students", "web.nav.students", Set.of(Role.COUNSELOR)),
            new Entry("/graduates/new", "web.nav.register", Set.of(Role.CASEWORKER, Role.COUNSELOR)),
            new Entry("/assistance", "web.nav.assistance", Set.of(Role.COUNSELOR, Role.HELPER, Role.SUPERVISOR, Role.ADMIN)),
            new Entry("/handovers/new", "web.nav.handover", Set.of(Role.COUNSELOR, Role.CASEWORKER, Role.SUPERVISOR, Role.ADMIN)),
            new Entry("/events/new", "web.nav.events", Set.of(Role.CASEWORKER, Role.SUPERVISOR, Role.ADMIN)),
            new Entry("/employers", "web.nav.employers", Set.of(Role.CASEWORKER, Role.SUPERVISOR, Role.ADMIN)),
            new Entry("/caseload", "web.nav.caseload", Set.of(Role.SUPERVISOR, Role.ADMIN)),
            new Entry("/cohorts", "web.nav.cohorts", Set.of(Role.SUPERVISOR, Role.ADMIN), CurrentUser::seesWholeCity),
            new Entry("/users", "web.nav.users", Set.of(Role.ADMIN, Role.SUPERVISOR, Role.COUNSELOR),
                    NOT_CITY_SUPERVISOR));

    private Nav() {
    }

    static List<Entry> of(CurrentUser user) {
        return ENTRIES.stream().filter(e -> e.shownTo(user)).toList();
    }

    /** The page a role lands on after signing in. */
    static String home(Role role) {
        return switch (role) {
            case CASEWORKER, HELPER, DPF_OFFICER -> "/inbox";
            case COUNSELOR -> "/students";
            case SUPERVISOR, ADMIN -> "/dashboard";
        };
    }
}
