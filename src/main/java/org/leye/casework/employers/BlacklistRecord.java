package org.leye.casework.employers;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.leye.casework.shared.jpa.BaseEntity;

/** One blacklisting of an employer or one lifting of it (db/V36): who, when, why, on what evidence. Never changed. */
@Entity
@Immutable
@Table(name = "employer_blacklisting")
class BlacklistRecord extends BaseEntity {

    /** What the record did to the employer's standing. */
    enum Action {
        BLACKLISTED,
        LIFTED
    }

    private Long employerId;

    @Enumerated(EnumType.STRING)
    private Action action;

    private String reason;

    private String evidence;

    private Instant at;

    private String actor;

    protected BlacklistRecord() {
    }

    BlacklistRecord(Long employerId, Action action, String reason, String evidence, Instant at, String actor) {
        this.employerId = employerId;
        this.action = action;
        this.reason = reason;
        this.evidence = evidence;
        this.at = at;
        this.actor = actor;
    }

    public Long getEmployerId() {
        return employerId;
    }

    public Action getAction() {
        return action;
    }

    public String getReason() {
        return reason;
    }

    public String getEvidence() {
        return evidence;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }
}
