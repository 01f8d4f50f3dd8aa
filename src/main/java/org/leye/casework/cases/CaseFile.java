package org.leye.casework.cases;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.leye.casework.shared.jpa.BaseEntity;
import org.leye.casework.shared.problem.ConflictException;
import org.leye.casework.tasks.TaskPriority;

/** The 131 case of one graduate; its case number is the process instance's business key. */
@Entity
@Table(name = "case_file")
public class CaseFile extends BaseEntity {

    /** Priority of tasks for a graduate in difficulty (the three priorities) and for everyone else. */
    public static final int PRIORITY_DIFFICULTY = TaskPriority.DIFFICULTY;
    public static final int PRIORITY_NORMAL = TaskPriority.NORMAL;
    /** A student in difficulty handed over by the one-to-one assistance ({@link TaskPriority#HANDED_OVER}). */
    public static final int PRIORITY_HANDED_OVER = TaskPriority.HANDED_OVER;

    private String caseNumber;

    private Long graduateId;

    private String districtCode;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;

    private int priority;

    private boolean inDifficulty;

    private String processInstanceId;

    private int failedContactAttempts;

    private Instant openedAt;

    private Instant closedAt;

    @Enumerated(EnumType.STRING)
    private CloseReason closeReason;

    private String closeNote;

    @Column(name = "met131_at")
    private Instant met131At;

    /** The responsible caseworker (一对一): gets the case's new caseworker tasks; null while there is none. */
    private String owner;

    @Version
    private long version;

    protected CaseFile() {
    }

    CaseFile(Long graduateId, String districtCode, boolean inDifficulty, Instant openedAt) {
        this.graduateId = graduateId;
        this.districtCode = districtCode;
        this.inDifficulty = inDifficulty;
        this.priority = inDifficulty ? PRIORITY_DIFFICULTY : PRIORITY_NORMAL;
        this.status = CaseStatus.OPEN;
        this.openedAt = openedAt;
    }

    void number(String prefix, int year) {
        // as "%s-%d-%06d", without String.format: its Formatter and locale's digits were 2 % of a case start
        String serial = Long.toString(getId());
        this.caseNumber = prefix + "-" + year + "-" + "0".repeat(Math.max(0, 6 - serial.length())) + serial;
    }

    /** Raises the priority (never lowers it); a raised case is a graduate in difficulty. */
    boolean prioritise(int newPriority) {
        inDifficulty = true;
        if (newPriority <= priority) {
            return false;
        }
        priority = newPriority;
        return true;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** A failed contact attempt; answers whether the case is now in lost contact. */
    boolean contactFailed(int lostContactAfter) {
        failedContactAttempts++;
        return failedContactAttempts >= lostContactAfter;
    }

    void contactSucceeded() {
        failedContactAttempts = 0;
        if (status == CaseStatus.LOST_CONTACT) {
            status = CaseStatus.OPEN;
        }
    }

    void markLostContact() {
        if (status == CaseStatus.OPEN) {
            status = CaseStatus.LOST_CONTACT;
        }
    }

    void met131(Instant at) {
        if (met131At == null) {
            met131At = at;
        }
    }

    /**
     * The 131 counted again after services stopped counting (an employer of the graduate's referrals
     * blacklisted): when it is met now, null when it is not, as the ledger's rule says.
     */
    void met131Recounted(Instant at) {
        met131At = at;
    }

    void close(CloseReason reason, String note, Instant at) {
        if (status == CaseStatus.CLOSED) {
            throw new ConflictException("problem.caseClosed", null, caseNumber);
        }
        status = CaseStatus.CLOSED;
        closeReason = reason;
        closeNote = note;
        closedAt = at;
    }

    void reopen(String newProcessInstanceId) {
        if (status != CaseStatus.CLOSED) {
            throw new ConflictException("problem.caseNotClosed", null, caseNumber);
        }
        status = CaseStatus.OPEN;
        closeReason = null;
        closeNote = null;
        closedAt = null;
        failedContactAttempts = 0;
        processInstanceId = newProcessInstanceId;
    }

    /**
     * The graduate moved: the case follows them to the new district, without its owner, who is a
     * caseworker of the old one.
     */
    void moveTo(String newDistrictCode) {
        this.districtCode = newDistrictCode;
        this.owner = null;
    }

    /** A caseworker took the case's work: the first answers for the case. Answers whether they became its owner. */
    boolean takenBy(String caseworker) {
        if (owner != null) {
            return false;
        }
        owner = caseworker;
        return true;
    }

    /** Another responsible caseworker, or none (null); answers the previous one. */
    String changeOwner(String caseworker) {
        String before = owner;
        owner = caseworker;
        return before;
    }

    public boolean isOpen() {
        return status != CaseStatus.CLOSED;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public Long getGraduateId() {
        return graduateId;
    }

    public String getDistrictCode() {
        return districtCode;
    }

    public CaseStatus getStatus() {
        return status;
    }

    public int getPriority() {
        return priority;
    }

    public boolean isInDifficulty() {
        return inDifficulty;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public int getFailedContactAttempts() {
        return failedContactAttempts;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public CloseReason getCloseReason() {
        return closeReason;
    }

    public String getCloseNote() {
        return closeNote;
    }

    public String getOwner() {
        return owner;
    }

    public Instant getMet131At() {
        return met131At;
    }
}
