package org.leye.casework.assistance;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;

import org.leye.casework.shared.IsoDurations;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The configurable cycle and dates of the one-to-one assistance ({@code leye.assistance.*}); the
 * models read {@code ${assistanceTimers.followUpCycle}}, {@code ${assistanceTimers.bureauFollowUpCycle}} and
 * {@code ${assistanceTimers.followUpDue}}.
 */
@Component("assistanceTimers")
@ConfigurationProperties(prefix = "leye.assistance")
public class AssistanceTimers {

    private String followUpCycle = "P14D";
    private String followUpDue = "P7D";
    /** The follow-up cycle of a graduate in difficulty assisted at the bureau (after leaving school). */
    private String bureauFollowUpCycle = "P30D";
    /** The day of the graduation year on which students leave school (default 30 June). */
    private MonthDay leavingSchoolDay = MonthDay.of(6, 30);
    /** The zone in which the leaving-school day ends (the hand-over fires at the next midnight). */
    private ZoneId zone = ZoneId.of("Asia/Shanghai");

    public String getFollowUpCycle() {
        return followUpCycle;
    }

    public void setFollowUpCycle(String v) {
        this.followUpCycle = IsoDurations.checked(v);
    }

    public String getFollowUpDue() {
        return followUpDue;
    }

    public void setFollowUpDue(String v) {
        this.followUpDue = IsoDurations.checked(v);
    }

    public String getBureauFollowUpCycle() {
        return bureauFollowUpCycle;
    }

    public void setBureauFollowUpCycle(String v) {
        this.bureauFollowUpCycle = IsoDurations.checked(v);
    }

    public MonthDay getLeavingSchoolDay() {
        return leavingSchoolDay;
    }

    public void setLeavingSchoolDay(MonthDay leavingSchoolDay) {
        this.leavingSchoolDay = leavingSchoolDay;
    }

    public ZoneId getZone() {
        return zone;
    }

    public void setZone(ZoneId zone) {
        this.zone = zone;
    }

    LocalDate leavingSchoolOn(int graduationYear) {
        return leavingSchoolDay.atYear(graduationYear);
    }
}
