package org.leye.casework.cases;

import java.time.Duration;
import java.time.Period;

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
    /** Failed contact attempts in a row after which a case is in lost contact. */
    private int lostContactAfterAttempts = 3;

    public String getFirstContactDue() {
        return firstContactDue;
    }

    public void setFirstContactDue(String v) {
        this.firstContactDue = checked(v);
    }

    public String getServiceTaskDue() {
        return serviceTaskDue;
    }

    public void setServiceTaskDue(String v) {
        this.serviceTaskDue = checked(v);
    }

    public String getContactRetryWait() {
        return contactRetryWait;
    }

    public void setContactRetryWait(String v) {
        this.contactRetryWait = checked(v);
    }

    public String getLostContactRetry() {
        return lostContactRetry;
    }

    public void setLostContactRetry(String v) {
        this.lostContactRetry = checked(v);
    }

    public String getFollowUpWait() {
        return followUpWait;
    }

    public void setFollowUpWait(String v) {
        this.followUpWait = checked(v);
    }

    public String getFurtherReferralCycle() {
        return furtherReferralCycle;
    }

    public void setFurtherReferralCycle(String v) {
        this.furtherReferralCycle = checked(v);
    }

    public String getPublicWelfareAfter() {
        return publicWelfareAfter;
    }

    public void setPublicWelfareAfter(String v) {
        this.publicWelfareAfter = checked(v);
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

    /** Refuses a malformed duration at start-up rather than at the first timer. */
    private static String checked(String iso) {
        try {
            if (iso.contains("T")) {
                Duration.parse(iso);
            } else {
                Period.parse(iso);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not an ISO-8601 duration: " + iso, e);
        }
        return iso;
    }
}
