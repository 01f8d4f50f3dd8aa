-- Caseload, notifications and duplicate detection (issue 10).

-- "task due tomorrow" is sent once per task: the scheduled job sets this flag with a conditional update.
ALTER TABLE case_task ADD COLUMN due_notified BOOLEAN DEFAULT FALSE NOT NULL;
-- serves: the daily "due tomorrow" job (tasks due in a window and not yet notified)
CREATE INDEX ix_case_task_due_notified ON case_task (due_notified, due_at);

-- The name folded to simplified characters, for probable-duplicate detection.
ALTER TABLE graduate ADD COLUMN name_fold VARCHAR(64);
UPDATE graduate SET name_fold = name;
-- serves: probable-duplicate detection by folded name and birth date
CREATE INDEX ix_graduate_name_fold_birth ON graduate (name_fold, birth_date);
-- A graduate merged into another (the kept one); their ledger is read with the kept one's.
ALTER TABLE graduate ADD COLUMN merged_into BIGINT;
-- serves: the kept graduate's combined ledger (graduates merged into it)
CREATE INDEX ix_graduate_merged_into ON graduate (merged_into);

-- In-application notifications are fanned out to each member of a group: one row per user.
-- serves: a user's unread notifications and the bell's unread count
CREATE INDEX ix_notification_recipient_unread ON notification (recipient, read_at);
-- serves: "the supervisors were already told that this user has no e-mail address"
CREATE INDEX ix_notification_kind_link ON notification (kind, link);

-- A probable duplicate found at registration, for a supervisor to merge or dismiss.
CREATE TABLE duplicate_candidate (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    graduate_id       BIGINT       NOT NULL,
    other_graduate_id BIGINT       NOT NULL,
    district_code     VARCHAR(6)   NOT NULL,
    other_district    VARCHAR(6)   NOT NULL,
    reason            VARCHAR(64)  NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    found_at          DATETIME(6)  NOT NULL,
    decided_at        DATETIME(6),
    decided_by        VARCHAR(64),
    version           BIGINT       NOT NULL,
    CONSTRAINT fk_duplicate_graduate FOREIGN KEY (graduate_id) REFERENCES graduate (id),
    CONSTRAINT fk_duplicate_other    FOREIGN KEY (other_graduate_id) REFERENCES graduate (id)
);
-- serves: one candidate per pair (the earlier registered graduate first)
CREATE UNIQUE INDEX ux_duplicate_pair ON duplicate_candidate (graduate_id, other_graduate_id);
-- serves: GET /api/duplicates?status= for a district supervisor, oldest first
CREATE INDEX ix_duplicate_status_district ON duplicate_candidate (status, district_code, found_at);

-- A merge of one graduate into another, kept so that it can be undone.
CREATE TABLE graduate_merge (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    candidate_id     BIGINT       NOT NULL,
    kept_id          BIGINT       NOT NULL,
    merged_id        BIGINT       NOT NULL,
    closed_case      BOOLEAN      NOT NULL,
    merged_at        DATETIME(6)  NOT NULL,
    merged_by        VARCHAR(64)  NOT NULL,
    undone_at        DATETIME(6),
    undone_by        VARCHAR(64),
    version          BIGINT       NOT NULL,
    CONSTRAINT fk_merge_candidate FOREIGN KEY (candidate_id) REFERENCES duplicate_candidate (id),
    CONSTRAINT fk_merge_kept      FOREIGN KEY (kept_id) REFERENCES graduate (id),
    CONSTRAINT fk_merge_merged    FOREIGN KEY (merged_id) REFERENCES graduate (id)
);
-- serves: the merges of a candidate pair
CREATE INDEX ix_merge_candidate ON graduate_merge (candidate_id);
