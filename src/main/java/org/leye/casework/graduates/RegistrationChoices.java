package org.leye.casework.graduates;

import java.util.List;

import org.leye.casework.reference.ReferenceData;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;
import org.springframework.ui.Model;

/**
 * What a registration form offers to choose from, the graduate's and the counselor's student's
 * alike: degrees, difficulty categories, the universities (a counselor's own only) and the districts.
 */
public final class RegistrationChoices {

    private RegistrationChoices() {
    }

    /** @param callersDistrictOnly offer a district caller only their own district (the graduate is registered there) */
    public static void addTo(Model model, CurrentUser caller, ReferenceData reference, boolean callersDistrictOnly) {
        model.addAttribute("degrees", Degree.values());
        model.addAttribute("difficulties", Difficulty.values());
        model.addAttribute("universities", caller.role() == Role.COUNSELOR
                ? reference.university(caller.universityCode()).stream().toList()
                : List.copyOf(reference.universities()));
        model.addAttribute("districts", !callersDistrictOnly || caller.districtCode() == null ? reference.districts()
                : reference.district(caller.districtCode()).stream().toList());
    }
}
