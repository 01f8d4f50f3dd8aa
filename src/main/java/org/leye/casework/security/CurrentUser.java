package org.leye.casework.security;

/**
 * The caller of a request with the scope that every query is filtered by.
 *
 * @param districtCode   the caseworker's, federation officer's or district supervisor's district; null for
 *                       the city and ADMIN
 * @param universityCode the counselor's university; null otherwise
 */
public record CurrentUser(String username, String displayName, Role role, String districtCode, String universityCode)
        implements java.io.Serializable {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** City-wide readers: ADMIN and a supervisor without a district. */
    public boolean seesWholeCity() {
        return role == Role.ADMIN || (role == Role.SUPERVISOR && districtCode == null);
    }

    /** Whether a graduate of this district and university is within the caller's scope. */
    public boolean canSee(String graduateDistrict, String graduateUniversity) {
        if (seesWholeCity()) {
            return true;
        }
        return switch (role) {
            case CASEWORKER, SUPERVISOR -> districtCode != null && districtCode.equals(graduateDistrict);
            case COUNSELOR -> universityCode != null && universityCode.equals(graduateUniversity);
            case HELPER -> false; // a helper reaches their students through the assistance only
            case DPF_OFFICER -> false; // a federation officer reaches them through the disability track's tasks only
            case ADMIN -> true;
        };
    }
}
