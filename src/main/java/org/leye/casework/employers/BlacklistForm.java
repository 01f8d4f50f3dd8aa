package org.leye.casework.employers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The employers page's blacklisting of one employer: the reason, in the page's messages. */
class BlacklistForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = EmployerPageController.REASON_MAX, message = "{web.validation.tooLong}")
    private String reason;

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
