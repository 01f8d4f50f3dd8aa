package org.leye.casework.web;

import java.util.List;
import java.util.Set;

import org.leye.casework.security.Role;

/**
 * The header's navigation: each entry names the roles that see it.
 */
final class Nav {

    record Entry(String path, String labelKey, Set<Role> roles) {
    }

    static final List<Entry> ENTRIES = List.of(
            new Entry("/inbox", "web.nav.inbox", Set.of(Role.CASEWORKER, Role.SUPERVISOR, Role.COUNSELOR, Role.HELPER)),
            new Entry("/dashboard", "web.nav.dashboard", Set.of(Role.SUPERVISOR, Role.ADMIN)),
            new Entry("/graduates", "web.nav.graduates", Set.of(Role.CASEWORKER, Role.SUPERVISOR, Role.ADMIN)),
            new Entry("/students", "web.nav.students", Set.of(Role.COUNSELOR)),
            new Entry("/graduates/new", "web.nav.register", Set.of(Role.CASEWORKER, Role.COUNSELOR)),
            new Entry("/assistance", "web.nav.assistance", Set.of(Role.COUNSELOR, Role.HELPER, Role.SUPERVISOR, Role.ADMIN)),
            new Entry("/handovers/new", "web.nav.handover", Set.of(Role.COUNSELOR, Role.CASEWORKER, Role.SUPERVISOR, Role.ADMIN)),
            new Entry("/employers", "web.nav.employers", Set.of(Role.CASEWORKER, Role.SUPERVISOR, Role.ADMIN)));

    private Nav() {
    }

    static List<Entry> of(Role role) {
        return ENTRIES.stream().filter(e -> e.roles().contains(role)).toList();
    }

    /** The page a role lands on after signing in. */
    static String home(Role role) {
        return switch (role) {
            case CASEWORKER, HELPER -> "/inbox";
            case COUNSELOR -> "/students";
            case SUPERVISOR, ADMIN -> "/dashboard";
        };
    }
}
