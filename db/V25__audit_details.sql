-- Issue 17: the audit says what an export or download covered in columns of their own rather than
-- in free text: the report or file (target), what it covered (scope: city, a district, a hand-over,
-- and the filters) and how many rows it wrote. Never personal data: no ID numbers, phones or names.
ALTER TABLE audit_log ADD COLUMN target VARCHAR(64);
ALTER TABLE audit_log ADD COLUMN scope VARCHAR(200);
ALTER TABLE audit_log ADD COLUMN rows_written INT;
-- serves: GET /api/audit?action=EXPORT (AuditEntries.search with an action, optionally from/to), newest first
CREATE INDEX ix_audit_log_action_at ON audit_log (action, at);
