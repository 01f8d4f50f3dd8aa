package org.leye.casework.security;

/**
 * An administrator changed a user's account (disabled or enabled it, another role or scope), published
 * in the transaction of the change: what the user now is.
 *
 * @param districtCode the user's district now; null for the city, a university's staff and ADMIN
 * @param by           the administrator who changed it
 */
public record UserAccountChanged(String username, boolean enabled, Role role, String districtCode, String by) {

    /** Whether the user is now an enabled caseworker of this district. */
    public boolean isCaseworkerOf(String district) {
        return enabled && role == Role.CASEWORKER && district != null && district.equals(districtCode);
    }
}
