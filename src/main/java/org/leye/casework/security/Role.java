package org.leye.casework.security;

/** The roles of the service; each but ADMIN is bound to a scope (a district, a university or the city). */
public enum Role {
    CASEWORKER,
    COUNSELOR,
    SUPERVISOR,
    ADMIN
}
