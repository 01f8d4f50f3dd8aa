package org.leye.casework.security;

/** The roles of the service; each but ADMIN is bound to a scope (a district, a university or the city). */
public enum Role {
    CASEWORKER,
    COUNSELOR,
    /**
     * A one-to-one helper (幫扶責任人) of a university who is not a counselor: a school or college
     * leader, a guidance, class or subject teacher. Sees only the students assigned to them.
     */
    HELPER,
    SUPERVISOR,
    ADMIN
}
