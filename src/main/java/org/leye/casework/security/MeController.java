package org.leye.casework.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I: the caller's name, role and scope. */
@RestController
class MeController {

    private final CurrentUsers currentUsers;

    MeController(CurrentUsers currentUsers) {
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/me")
    Me me() {
        return Me.of(currentUsers.current());
    }

    /** district and university are written as null when the caller has none (the API says so). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Me(String username, String displayName, List<String> roles, String district, String university) {

        static Me of(CurrentUser user) {
            return new Me(user.username(), user.displayName(), List.of(user.role().name()),
                    user.districtCode(), user.universityCode());
        }
    }
}
