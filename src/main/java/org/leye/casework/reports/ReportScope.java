package org.leye.casework.reports;

import java.util.List;

import org.leye.casework.reference.District;
import org.leye.casework.reference.ReferenceData;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.shared.problem.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The districts a report covers: a district supervisor's own district, whatever is asked; the
 * city supervisor and administrators the whole city or the district they ask for. Another
 * district than one's own answers 404, exactly like an unknown district.
 */
@Component
class ReportScope {

    private final ReferenceData reference;

    ReportScope(ReferenceData reference) {
        this.reference = reference;
    }

    /** The districts covered, in code order; {@code district} is null when the whole city is. */
    record Districts(String district, List<District> covered) {

        boolean includes(String code) {
            return covered.stream().anyMatch(d -> d.code().equals(code));
        }
    }

    Districts resolve(String asked, CurrentUser caller) {
        String wanted = asked == null || asked.isBlank() ? null
                : reference.district(asked).map(District::code)
                        .orElseThrow(() -> new NotFoundException("district", asked.strip()));
        if (!caller.seesWholeCity()) {
            String own = caller.districtCode();
            if (wanted != null && !wanted.equals(own)) {
                throw new NotFoundException("district", asked.strip());
            }
            wanted = own;
        }
        String code = wanted;
        List<District> covered = reference.districts().stream()
                .filter(d -> code == null || d.code().equals(code)).toList();
        return new Districts(code, covered);
    }
}
