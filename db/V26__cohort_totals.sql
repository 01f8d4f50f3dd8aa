-- Issue 19: the education department's totals of a year's graduates per university (毕业生总数 and
-- 离校时已落实去向人数), which the cohort placement rate (毕业去向落实率) is over: the plan's 70 % by
-- 31 July and 90 % by 31 December are about all of a year's graduates, not the leavers registered
-- here. One row per graduation year and university, written by a city supervisor or an
-- administrator (cohorts.Cohorts), every change in the audit log (COHORT_CHANGED).
CREATE TABLE cohort_totals (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    graduation_year   INT          NOT NULL,
    university_code   VARCHAR(16)  NOT NULL,
    graduates         INT          NOT NULL,
    placed_at_leaving INT          NOT NULL,
    updated_by        VARCHAR(64)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_cohort_totals_university FOREIGN KEY (university_code) REFERENCES university (code),
    CONSTRAINT ck_cohort_totals_counts CHECK (placed_at_leaving >= 0 AND graduates >= placed_at_leaving)
);

-- serves: Cohorts.totals(year) (GET /api/cohorts?graduationYear=, the placement and progress
-- reports: WHERE graduation_year = ?) and the one row per year and university that PUT and the
-- upload find and replace (WHERE graduation_year = ? AND university_code = ?)
CREATE UNIQUE INDEX ux_cohort_totals_year_university ON cohort_totals (graduation_year, university_code);
