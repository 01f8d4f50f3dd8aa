package org.leye.casework.assistance;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.leye.casework.shared.jpa.BaseEntity;
import org.leye.casework.shared.problem.ConflictException;

/**
 * The one-to-one assistance (一对一帮扶) of a graduate in difficulty: who helps, with what plan, and
 * how it ended; begun at school or at the bureau ({@link AssistanceRoute}). Its process instance's business key is {@link #businessKey()}.
 */
@Entity
@Table(name = "assistance")
class Assistance extends BaseEntity {

    private Long graduateId;

    private String universityCode;

    private String districtCode;

    @Enumerated(EnumType.STRING)
    private AssistanceStatus status;

    private String evidence;

    private boolean disability;

    @Enumerated(EnumType.STRING)
    private AssistanceRoute route;

    private LocalDate leavingSchoolOn;

    private String helper;

    @Enumerated(EnumType.STRING)
    private HelperKind helperKind;

    private Instant helperAssignedAt;

    private String planNeeds;

    private String planTargetJobs;

    private String planActions;

    private Instant plannedAt;

    private int followUps;

    private Instant lastFollowUpAt;

    private String processInstanceId;

    private String caseNumber;

    private String registeredBy;

    private Instant registeredAt;

    private Instant endedAt;

    /** The destination code (毕业去向) that ended it when placed. */
    private String placedDestinationCode;

    /** The process instance of the disability track (bpmn/disability-track.bpmn), once started. */
    private String disabilityTrackInstanceId;

    @Version
    private long version;

    protected Assistance() {
    }

    Assistance(Long graduateId, String universityCode, String districtCode, String evidence, boolean disability,
            LocalDate leavingSchoolOn, String registeredBy, Instant registeredAt) {
        this.graduateId = graduateId;
        this.universityCode = universityCode;
        this.districtCode = districtCode;
        this.evidence = evidence;
        this.disability = disability;
        this.leavingSchoolOn = leavingSchoolOn;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
        this.status = AssistanceStatus.AWAITING_HELPER;
        this.route = AssistanceRoute.SCHOOL;
    }

    /**
     * A graduate in difficulty who came to the bureau by another route than the school's
     * assistance: no evidence beyond the registration, no leaving-school date.
     */
    static Assistance atBureau(Long graduateId, String universityCode, String districtCode, boolean disability,
            String registeredBy, Instant registeredAt) {
        Assistance a = new Assistance(graduateId, universityCode, districtCode, null, disability, null, registeredBy,
                registeredAt);
        a.route = AssistanceRoute.BUREAU;
        return a;
    }

    /** The evidence of the difficulty, given after the start (a leaver handed over, found in difficulty later). */
    void evidence(String evidence) {
        this.evidence = evidence;
    }

    String businessKey() {
        return String.format("FZ-%06d", getId());
    }

    /** The student moved district: the district's staff who see them (the federation track) are the new district's. */
    void moveTo(String districtCode) {
        this.districtCode = districtCode;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** The business key of the disability track: 残联 (CL) and the assistance's number. */
    String disabilityTrackKey() {
        return String.format("CL-%06d", getId());
    }

    /** Whether the graduate is to be on the disability track and it has not been started yet. */
    boolean awaitsDisabilityTrack() {
        return disability && disabilityTrackInstanceId == null;
    }

    /**
     * A disability recorded while the assistance exists (found in difficulty later): the graduate is to
     * be on the disability track from now on, whatever step the assistance is at.
     */
    void disabilityFound() {
        this.disability = true;
    }

    /** The disability track started: once per assistance, for a disabled graduate only. */
    void disabilityTrackStarted(String processInstanceId) {
        if (!awaitsDisabilityTrack()) {
            throw new IllegalStateException("no disability track to start for assistance " + getId());
        }
        this.disabilityTrackInstanceId = processInstanceId;
    }

    String getDisabilityTrackInstanceId() {
        return disabilityTrackInstanceId;
    }

    boolean isOpen() {
        return status == AssistanceStatus.AWAITING_HELPER || status == AssistanceStatus.IN_PROGRESS;
    }

    void assignHelper(String username, HelperKind kind, Instant at) {
        requireOpen();
        this.helper = username;
        this.helperKind = kind;
        this.helperAssignedAt = at;
        this.status = AssistanceStatus.IN_PROGRESS;
    }

    void plan(String needs, String targetJobs, String actions, Instant at) {
        requireOpen();
        this.planNeeds = needs;
        this.planTargetJobs = targetJobs;
        this.planActions = actions;
        this.plannedAt = at;
    }

    void followedUp(Instant at) {
        requireOpen();
        this.followUps++;
        this.lastFollowUpAt = at;
    }

    /** A placing destination ends the assistance, which keeps its code; answers false if it had ended already. */
    boolean placed(String destinationCode, Instant at) {
        if (!isOpen()) {
            return false;
        }
        this.status = AssistanceStatus.PLACED;
        this.placedDestinationCode = destinationCode;
        this.endedAt = at;
        return true;
    }

    void handedOver(String caseNumber, Instant at) {
        requireOpen();
        this.status = AssistanceStatus.HANDED_OVER;
        this.caseNumber = caseNumber;
        this.endedAt = at;
    }

    private void requireOpen() {
        if (!isOpen()) {
            throw new ConflictException("problem.assistanceEnded", null, businessKey());
        }
    }

    Long getGraduateId() {
        return graduateId;
    }

    String getUniversityCode() {
        return universityCode;
    }

    String getDistrictCode() {
        return districtCode;
    }

    AssistanceStatus getStatus() {
        return status;
    }

    String getEvidence() {
        return evidence;
    }

    boolean isDisability() {
        return disability;
    }

    AssistanceRoute getRoute() {
        return route;
    }

    LocalDate getLeavingSchoolOn() {
        return leavingSchoolOn;
    }

    String getHelper() {
        return helper;
    }

    HelperKind getHelperKind() {
        return helperKind;
    }

    Instant getHelperAssignedAt() {
        return helperAssignedAt;
    }

    String getPlanNeeds() {
        return planNeeds;
    }

    String getPlanTargetJobs() {
        return planTargetJobs;
    }

    String getPlanActions() {
        return planActions;
    }

    Instant getPlannedAt() {
        return plannedAt;
    }

    int getFollowUps() {
        return followUps;
    }

    Instant getLastFollowUpAt() {
        return lastFollowUpAt;
    }

    String getProcessInstanceId() {
        return processInstanceId;
    }

    String getCaseNumber() {
        return caseNumber;
    }

    String getRegisteredBy() {
        return registeredBy;
    }

    Instant getRegisteredAt() {
        return registeredAt;
    }

    Instant getEndedAt() {
        return endedAt;
    }
}
