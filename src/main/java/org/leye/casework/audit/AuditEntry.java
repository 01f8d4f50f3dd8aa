package org.leye.casework.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.leye.casework.shared.jpa.BaseEntity;

/**
 * One read of a graduate's record or of their full identifiers, or one export or download of a file.
 * An export says what it wrote ({@code target}: the report or file), over what ({@code scope}: the
 * city, a district or a hand-over, and the filters) and how many rows. Never updated, never removed;
 * never holds personal data itself.
 */
@Entity
@Immutable
@Table(name = "audit_log")
public class AuditEntry extends BaseEntity {

    private Instant at;

    private String actor;

    private String action;

    private Long graduateId;

    private String detail;

    private String target;

    private String scope;

    @Column(name = "rows_written")
    private Integer rows;

    protected AuditEntry() {
    }

    AuditEntry(Instant at, String actor, String action, Long graduateId, String detail) {
        this(at, actor, action, graduateId, detail, null, null, null);
    }

    AuditEntry(Instant at, String actor, String action, Long graduateId, String detail, String target, String scope,
            Integer rows) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.graduateId = graduateId;
        this.detail = detail;
        this.target = target;
        this.scope = scope;
        this.rows = rows;
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

    public String getTarget() {
        return target;
    }

    public String getScope() {
        return scope;
    }

    public Integer getRows() {
        return rows;
    }
}
