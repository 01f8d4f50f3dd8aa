-- One-to-one assistance (一对一帮扶) of a final-year student in difficulty: the helper, the plan and
-- where it stands. Follow-ups and disability-track steps are ledger entries (ledger_entry), one per task.
CREATE TABLE assistance (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    graduate_id         BIGINT        NOT NULL,
    university_code     VARCHAR(16)   NOT NULL,
    district_code       VARCHAR(6)    NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    evidence            VARCHAR(1000) NOT NULL,
    disability          BOOLEAN       NOT NULL,
    leaving_school_on   DATE          NOT NULL,
    helper              VARCHAR(64),
    helper_kind         VARCHAR(32),
    helper_assigned_at  DATETIME(6),
    plan_needs          VARCHAR(1000),
    plan_target_jobs    VARCHAR(500),
    plan_actions        VARCHAR(1000),
    planned_at          DATETIME(6),
    follow_ups          INT           NOT NULL,
    last_follow_up_at   DATETIME(6),
    process_instance_id VARCHAR(64),
    case_number         VARCHAR(32),
    registered_by       VARCHAR(64)   NOT NULL,
    registered_at       DATETIME(6)   NOT NULL,
    ended_at            DATETIME(6),
    version             BIGINT        NOT NULL,
    CONSTRAINT fk_assistance_graduate FOREIGN KEY (graduate_id) REFERENCES graduate (id)
);
-- serves: one assistance per graduate, and the look-up when a destination is registered
CREATE UNIQUE INDEX ux_assistance_graduate ON assistance (graduate_id);
-- serves: GET /api/assistance for a counselor (their university), by status, and the helper counts
CREATE INDEX ix_assistance_university_status ON assistance (university_code, status);
-- serves: GET /api/assistance for a helper (students assigned to them), by status
CREATE INDEX ix_assistance_helper_status ON assistance (helper, status);
-- serves: GET /api/assistance for a district (handed-over students) and the city's counts by district
CREATE INDEX ix_assistance_district_status ON assistance (district_code, status);
