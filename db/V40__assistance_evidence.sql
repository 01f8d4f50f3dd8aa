-- Evidence files of a one-to-one assistance (issue 20, item 6): a PDF or an image of a
-- certificate, at most 5 MB each and 10 per assistance (assistance.EvidenceService). The bytes are
-- personal data, stored encrypted (AES-GCM) and bound to their assistance and row as associated
-- data, so that a file cannot be moved to another row. `data` is written right after the insert,
-- in the same transaction, once the row's id is known: no committed row lacks it.
CREATE TABLE assistance_evidence (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    assistance_id BIGINT       NOT NULL,
    name          VARCHAR(255) NOT NULL,
    content_type  VARCHAR(32)  NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    uploaded_by   VARCHAR(64)  NOT NULL,
    uploaded_at   DATETIME(6)  NOT NULL,
    data          MEDIUMBLOB,
    CONSTRAINT fk_assistance_evidence_assistance FOREIGN KEY (assistance_id) REFERENCES assistance (id)
);

-- serves: an assistance's files in upload order (its view), their count (the limit of 10) and one
-- file of an assistance (the download)
CREATE INDEX ix_assistance_evidence_assistance ON assistance_evidence (assistance_id, id);
