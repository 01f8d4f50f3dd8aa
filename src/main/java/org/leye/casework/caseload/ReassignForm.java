package org.leye.casework.caseload;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The caseload page's form: all of one caseworker's open work and the cases they answer for, to
 * another caseworker or (blank) back to the district's pool, with the reason.
 */
public class ReassignForm {

    @NotBlank
    @Size(max = 64)
    private String fromAssignee;

    @Size(max = 64)
    private String assignee;

    @NotBlank
    @Size(max = 500)
    private String reason;

    Reassignment.Request request() {
        return new Reassignment.Request(null, fromAssignee, assignee, reason);
    }

    public String getFromAssignee() {
        return fromAssignee;
    }

    public void setFromAssignee(String fromAssignee) {
        this.fromAssignee = fromAssignee;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
