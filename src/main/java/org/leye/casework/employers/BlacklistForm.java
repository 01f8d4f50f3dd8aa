package org.leye.casework.employers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.leye.casework.web.StrippedForm;

/** The employers page's blacklisting or lifting of one employer: the reason and the evidence, in the page's messages. */
@StrippedForm
class BlacklistForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = EmployerPageController.REASON_MAX, message = "{web.validation.tooLong}")
    private String reason;

    @Size(max = EmployerPageController.EVIDENCE_MAX, message = "{web.validation.tooLong}")
    private String evidence;

    BlacklistEmployer command() {
        return new BlacklistEmployer(reason, evidence);
    }

    public String getEvidence() {
        return evidence;
    }

    public void setEvidence(String evidence) {
        this.evidence = evidence;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
