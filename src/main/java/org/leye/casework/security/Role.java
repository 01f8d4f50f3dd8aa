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
    /**
     * An officer of a district's Disabled Persons' Federation (殘聯): works the disability track of
     * the district's disabled graduates ({@code dpf-officers-<district>}), and sees nothing else.
     */
    DPF_OFFICER,
    ADMIN
}
