package org.leye.casework.ledger;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.leye.casework.shared.jpa.BaseEntity;

/** One line of a graduate's service ledger (实名服务台账). Append-only: never updated, never removed. */
@Entity
@Immutable
@Table(name = "ledger_entry")
class LedgerEntry extends BaseEntity {

    private Long graduateId;

    private Long caseId;

    @Enumerated(EnumType.STRING)
    private LedgerEntryType type;

    private Instant at;

    private String actor;

    private String taskId;

    private Long employerId;

    private String details;

    /** The graduate's district when the entry was written: where the graduate belonged from then on. */
    private String districtCode;

    /** The destination code of a DESTINATION entry, so that reports need not read the details. */
    private String destinationCode;

    /** A DESTINATION entry of a public-welfare post (its {@code publicWelfare} detail), for the reports (db/V34_5). */
    private boolean publicWelfare;

    protected LedgerEntry() {
    }

    LedgerEntry(Long graduateId, Long caseId, LedgerEntryType type, Instant at, String actor, String taskId,
            Long employerId, String details, String districtCode, String destinationCode, boolean publicWelfare) {
        this.graduateId = graduateId;
        this.caseId = caseId;
        this.type = type;
        this.at = at;
        this.actor = actor;
        this.taskId = taskId;
        this.employerId = employerId;
        this.details = details;
        this.districtCode = districtCode;
        this.destinationCode = destinationCode;
        this.publicWelfare = publicWelfare;
    }

    Long getGraduateId() {
        return graduateId;
    }

    Long getCaseId() {
        return caseId;
    }

    LedgerEntryType getType() {
        return type;
    }

    Instant getAt() {
        return at;
    }

    String getActor() {
        return actor;
    }

    String getTaskId() {
        return taskId;
    }

    Long getEmployerId() {
        return employerId;
    }

    String getDetails() {
        return details;
    }

    String getDistrictCode() {
        return districtCode;
    }

    String getDestinationCode() {
        return destinationCode;
    }
}
