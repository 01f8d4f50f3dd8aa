package org.leye.casework.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One read or export of someone's full personal data. Never updated, never removed. */
@Entity
@Immutable
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant at;

    private String actor;

    private String action;

    @Column(name = "graduate_id")
    private Long graduateId;

    private String detail;

    protected AuditEntry() {
    }

    AuditEntry(Instant at, String actor, String action, Long graduateId, String detail) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.graduateId = graduateId;
        this.detail = detail;
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public Long getGraduateId() {
        return graduateId;
    }

    public String getDetail() {
        return detail;
    }
}
