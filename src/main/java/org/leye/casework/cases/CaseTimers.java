package org.leye.casework.cases;


import org.leye.casework.shared.IsoDurations;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The configurable waits and due dates of the 131 process ({@code leye.timers.*}), as ISO-8601
 * durations that the model reads as {@code ${caseTimers.firstContactDue}} and so on.
 */
@Component("caseTimers")
@ConfigurationProperties(prefix = "leye.timers")
public class CaseTimers {

    private String firstContactDue = "P5D";
    private String serviceTaskDue = "P15D";
    private String contactRetryWait = "P2D";
    private String lostContactRetry = "P30D";
    private String followUpWait = "P30D";
    private String furtherReferralCycle = "P30D";
    private String publicWelfareAfter = "P90D";
    /** Between one public-welfare offer and the next while a willing graduate in difficulty is unplaced. */
    private String publicWelfareCycle = "P30D";
    /** Failed contact attempts in a row after which a case is in lost contact. */
    private int lostContactAfterAttempts = 3;

    public String getFirstContactDue() {
        return firstContactDue;
    }

    public void setFirstContactDue(String v) {
        this.firstContactDue = IsoDurations.checked(v);
    }

    public String getServiceTaskDue() {
        return serviceTaskDue;
    }

    public void setServiceTaskDue(String v) {
        this.serviceTaskDue = IsoDurations.checked(v);
    }

    public String getContactRetryWait() {
        return contactRetryWait;
    }

    public void setContactRetryWait(String v) {
        this.contactRetryWait = IsoDurations.checked(v);
    }

    public String getLostContactRetry() {
        return lostContactRetry;
    }

    public void setLostContactRetry(String v) {
        this.lostContactRetry = IsoDurations.checked(v);
    }

    public String getFollowUpWait() {
        return followUpWait;
    }

    public void setFollowUpWait(String v) {
        this.followUpWait = IsoDurations.checked(v);
    }

    public String getFurtherReferralCycle() {
        return furtherReferralCycle;
    }

    public void setFurtherReferralCycle(String v) {
        this.furtherReferralCycle = IsoDurations.checked(v);
    }

    public String getPublicWelfareAfter() {
        return publicWelfareAfter;
    }

    public void setPublicWelfareAfter(String v) {
        this.publicWelfareAfter = IsoDurations.checked(v);
    }

    public String getPublicWelfareCycle() {
        return publicWelfareCycle;
    }

    public void setPublicWelfareCycle(String v) {
        this.publicWelfareCycle = IsoDurations.checked(v);
    }

    public int getLostContactAfterAttempts() {
        return lostContactAfterAttempts;
    }

    public void setLostContactAfterAttempts(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("leye.timers.lost-contact-after-attempts must be at least 1");
        }
        this.lostContactAfterAttempts = n;
    }
}
