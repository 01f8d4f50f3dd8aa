-- Hand-over files (信息移交): one row per uploaded file, the file itself in chunks until it is
-- processed, and one result per data row, written in the same transaction as the row's
-- registration so that a restart resumes after the last row with a result.
CREATE TABLE handover (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    -- SHA-256 of the uploaded bytes: the same file uploaded again finds this hand-over
    content_hash        VARCHAR(64)  NOT NULL,
    file_name           VARCHAR(255),
    format              VARCHAR(8)   NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    total               INT          NOT NULL,
    -- the header cells as found in the file (tab-separated), for the file of rejected rows
    header              VARCHAR(2000) NOT NULL,
    failure             VARCHAR(500),
    uploaded_by         VARCHAR(64)  NOT NULL,
    uploader_role       VARCHAR(16)  NOT NULL,
    uploader_district   VARCHAR(6),
    uploader_university VARCHAR(16),
    uploaded_at         DATETIME(6)  NOT NULL,
    finished_at         DATETIME(6),
    version             BIGINT       NOT NULL
);
-- serves: the re-upload check (one hand-over per file content)
CREATE UNIQUE INDEX ux_handover_content_hash ON handover (content_hash);
-- serves: resuming RUNNING hand-overs at start-up
CREATE INDEX ix_handover_status ON handover (status);

-- The uploaded bytes, in chunks of at most 1 MiB (below MariaDB's default max_allowed_packet);
-- deleted once the hand-over is DONE or FAILED.
CREATE TABLE handover_chunk (
    handover_id BIGINT     NOT NULL,
    seq         INT        NOT NULL,
    data        MEDIUMBLOB NOT NULL,
    PRIMARY KEY (handover_id, seq),
    CONSTRAINT fk_handover_chunk_handover FOREIGN KEY (handover_id) REFERENCES handover (id)
);

-- One result per data row: ACCEPTED, DUPLICATE or REJECTED. The primary key is what makes a
-- row impossible to process twice.
CREATE TABLE handover_row (
    handover_id BIGINT      NOT NULL,
    row_no      INT         NOT NULL,
    outcome     VARCHAR(16) NOT NULL,
    graduate_id BIGINT,
    -- a rejected row's cells (tab-separated), encrypted like other personal data
    cells_enc   VARCHAR(4000),
    PRIMARY KEY (handover_id, row_no),
    CONSTRAINT fk_handover_row_handover FOREIGN KEY (handover_id) REFERENCES handover (id)
);
-- serves: the progress counts (outcome per hand-over) and the list of rejected rows
CREATE INDEX ix_handover_row_outcome ON handover_row (handover_id, outcome, row_no);

-- Why a row was rejected: one line per field, as a message key and its arguments.
CREATE TABLE handover_error (
    handover_id BIGINT       NOT NULL,
    row_no      INT          NOT NULL,
    seq         INT          NOT NULL,
    field       VARCHAR(32)  NOT NULL,
    message_key VARCHAR(64)  NOT NULL,
    -- arguments of the message, separated by the unit separator U+001F
    message_args VARCHAR(500),
    PRIMARY KEY (handover_id, row_no, seq),
    CONSTRAINT fk_handover_error_row FOREIGN KEY (handover_id, row_no) REFERENCES handover_row (handover_id, row_no)
);
