package org.leye.casework.duplicates;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.leye.casework.shared.jpa.BaseEntity;
import org.leye.casework.shared.problem.ConflictException;

/** A pair of graduates who are probably one person registered twice, for a supervisor to decide. */
@Entity
@Table(name = "duplicate_candidate")
class DuplicateCandidate extends BaseEntity {

    enum Status {
        OPEN, MERGED, DISMISSED
    }

    /** The graduate registered first. */
    private Long graduateId;

    /** The graduate registered later, who looks like the first one. */
    private Long otherGraduateId;

    private String districtCode;

    private String otherDistrict;

    private String reason;

    @Enumerated(EnumType.STRING)
    private Status status;

    private Instant foundAt;

    private Instant decidedAt;

    private String decidedBy;

    @Version
    private long version;

    protected DuplicateCandidate() {
    }

    DuplicateCandidate(Long graduateId, String districtCode, Long otherGraduateId, String otherDistrict, String reason,
            Instant foundAt) {
        this.graduateId = graduateId;
        this.districtCode = districtCode;
        this.otherGraduateId = otherGraduateId;
        this.otherDistrict = otherDistrict;
        this.reason = reason;
        this.status = Status.OPEN;
        this.foundAt = foundAt;
    }

    /** One of the pair moved district: the pair is seen where the graduates now are. */
    void graduateMoved(Long graduate, String to) {
        if (graduateId.equals(graduate)) {
            districtCode = to;
        }
        if (otherGraduateId.equals(graduate)) {
            otherDistrict = to;
        }
    }

    void merged(String by, Instant at) {
        decide(Status.MERGED, by, at);
    }

    void dismissed(String by, Instant at) {
        decide(Status.DISMISSED, by, at);
    }

    /** The merge was undone: the pair is open for a decision again. */
    void reopened() {
        status = Status.OPEN;
        decidedAt = null;
        decidedBy = null;
    }

    private void decide(Status to, String by, Instant at) {
        if (status != Status.OPEN) {
            throw new ConflictException("problem.duplicateDecided", Map.of("status", status.name()), getId(), status.name());
        }
        status = to;
        decidedBy = by;
        decidedAt = at;
    }

    boolean involves(Long graduate) {
        return graduateId.equals(graduate) || otherGraduateId.equals(graduate);
    }

    Long getGraduateId() {
        return graduateId;
    }

    Long getOtherGraduateId() {
        return otherGraduateId;
    }

    String getDistrictCode() {
        return districtCode;
    }

    String getOtherDistrict() {
        return otherDistrict;
    }

    String getReason() {
        return reason;
    }

    Status getStatus() {
        return status;
    }

    Instant getFoundAt() {
        return foundAt;
    }

    Instant getDecidedAt() {
        return decidedAt;
    }

    String getDecidedBy() {
        return decidedBy;
    }
}
