-- The 131 case of a graduate, the JPA task list kept in step with the engine, and the ledger.
CREATE TABLE case_file (
    id                      BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_number             VARCHAR(32),
    graduate_id             BIGINT       NOT NULL,
    district_code           VARCHAR(6)   NOT NULL,
    status                  VARCHAR(16)  NOT NULL,
    priority                INT          NOT NULL,
    in_difficulty           BOOLEAN      NOT NULL,
    process_instance_id     VARCHAR(64),
    failed_contact_attempts INT          NOT NULL,
    opened_at               DATETIME(6)  NOT NULL,
    closed_at               DATETIME(6),
    close_reason            VARCHAR(32),
    close_note              VARCHAR(500),
    met131_at               DATETIME(6),
    version                 BIGINT       NOT NULL,
    CONSTRAINT fk_case_file_graduate FOREIGN KEY (graduate_id) REFERENCES graduate (id)
);
-- serves: look-up by case number (business key), search by case number
CREATE UNIQUE INDEX ux_case_file_case_number ON case_file (case_number);
-- serves: one case per graduate
CREATE UNIQUE INDEX ux_case_file_graduate ON case_file (graduate_id);
-- serves: compliance report by district and status
CREATE INDEX ix_case_file_district_status ON case_file (district_code, status);

CREATE TABLE case_task (
    id                  VARCHAR(64)  NOT NULL PRIMARY KEY,
    process_instance_id VARCHAR(64)  NOT NULL,
    activity_id         VARCHAR(64)  NOT NULL,
    type                VARCHAR(32)  NOT NULL,
    name                VARCHAR(128) NOT NULL,
    case_id             BIGINT,
    case_number         VARCHAR(32),
    graduate_id         BIGINT,
    graduate_name       VARCHAR(64),
    district_code       VARCHAR(6),
    priority            INT          NOT NULL,
    due_at              DATETIME(6),
    overdue             BOOLEAN      NOT NULL,
    assignee            VARCHAR(64),
    candidate_group     VARCHAR(64),
    created_at          DATETIME(6)  NOT NULL
);
-- serves: inbox "candidate" (group's tasks) sorted by priority then due
CREATE INDEX ix_case_task_group_priority_due ON case_task (candidate_group, priority, due_at);
-- serves: inbox "candidate" filtered by type, sorted by priority then due
CREATE INDEX ix_case_task_group_type_priority_due ON case_task (candidate_group, type, priority, due_at);
-- serves: inbox "mine" sorted by due or priority
CREATE INDEX ix_case_task_assignee_due ON case_task (assignee, due_at);
-- serves: inbox "all" for a district, by type and priority
CREATE INDEX ix_case_task_district_priority_due ON case_task (district_code, priority, due_at);
-- serves: overdue tasks by district (inbox filter, compliance report)
CREATE INDEX ix_case_task_district_overdue ON case_task (district_code, overdue, due_at);
-- serves: sort by creation time
CREATE INDEX ix_case_task_district_created ON case_task (district_code, created_at);
-- serves: search by case number and the overdue marker's look-up by process instance
CREATE INDEX ix_case_task_case_number ON case_task (case_number);
CREATE INDEX ix_case_task_process_activity ON case_task (process_instance_id, activity_id);
-- serves: search by graduate name
CREATE INDEX ix_case_task_graduate_name ON case_task (graduate_name);

CREATE TABLE ledger_entry (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    graduate_id     BIGINT        NOT NULL,
    case_id         BIGINT,
    type            VARCHAR(32)   NOT NULL,
    at              DATETIME(6)   NOT NULL,
    actor           VARCHAR(64)   NOT NULL,
    task_id         VARCHAR(64),
    employer_id     BIGINT,
    details         VARCHAR(4000),
    CONSTRAINT fk_ledger_entry_graduate FOREIGN KEY (graduate_id) REFERENCES graduate (id)
);
-- serves: a graduate's ledger in time order
CREATE INDEX ix_ledger_entry_graduate_at ON ledger_entry (graduate_id, at, id);
-- serves: one entry per completed task, even when two completions race
CREATE UNIQUE INDEX ux_ledger_entry_task ON ledger_entry (task_id);
-- serves: reports by entry type over time
CREATE INDEX ix_ledger_entry_type_at ON ledger_entry (type, at);

-- In-application notifications, to one user or to a group (supervisors-<district>).
CREATE TABLE notification (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    recipient       VARCHAR(64),
    recipient_group VARCHAR(64),
    kind            VARCHAR(32)  NOT NULL,
    text            VARCHAR(500) NOT NULL,
    link            VARCHAR(255),
    created_at      DATETIME(6)  NOT NULL,
    read_at         DATETIME(6)
);
-- serves: a user's notifications, newest first
CREATE INDEX ix_notification_recipient ON notification (recipient, created_at);
-- serves: a group's notifications, newest first
CREATE INDEX ix_notification_group ON notification (recipient_group, created_at);
