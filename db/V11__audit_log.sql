-- Who viewed or exported whose full personal record: append-only, readable by ADMIN.
CREATE TABLE audit_log (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at          DATETIME(6)  NOT NULL,
    actor       VARCHAR(64)  NOT NULL,
    action      VARCHAR(32)  NOT NULL,
    graduate_id BIGINT,
    detail      VARCHAR(500)
);
-- serves: the audit trail of one graduate, newest first
CREATE INDEX ix_audit_log_graduate_at ON audit_log (graduate_id, at);
-- serves: what one user viewed or exported, newest first
CREATE INDEX ix_audit_log_actor_at ON audit_log (actor, at);
