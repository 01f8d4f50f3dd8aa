-- Early warning at a million (issue 21, item 2): what it reads, carried on the graduate's row, so that
-- its counts and its lists come from one covering index instead of the 131 rule evaluated over every
-- open case's ledger (PlacementPeriods.compliance(from, to), two range reads of the ledger per window of
-- 5,000 graduates) and a join to a million case files.
--
-- Copies, never edited by hand, written in the transaction of the change they follow:
-- guidance_131, referrals_131 and training_131 are the 131 rule's counts (ledger.Service131Policy: career
-- guidance, distinct positions referred to, trainings or internships; merged duplicates' services
-- included, referrals to an employer blacklisted afterwards not), written with met131_at by
-- ledger.PlacementPeriods.met131 after every entry that bears on the 131; db/V44.1
-- (ledger.Service131CountsMigration) computes them for the existing rows, in Java: the rule's positions are
-- folded texts of the entries' details.
-- case_open, case_opened_at and case_in_difficulty are the graduate's case_file's (one case per graduate):
-- status not CLOSED, opened_at, in_difficulty; written by ledger.PlacementPeriods.carry after the entries
-- that follow a change of the case (CLOSED, REOPENED, HANDED_OVER) and where a case is opened or flagged in
-- difficulty (Ledger.caseChanged).
ALTER TABLE graduate ADD COLUMN guidance_131 INT DEFAULT 0 NOT NULL;
ALTER TABLE graduate ADD COLUMN referrals_131 INT DEFAULT 0 NOT NULL;
ALTER TABLE graduate ADD COLUMN training_131 INT DEFAULT 0 NOT NULL;
ALTER TABLE graduate ADD COLUMN case_open BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE graduate ADD COLUMN case_opened_at DATETIME(6);
ALTER TABLE graduate ADD COLUMN case_in_difficulty BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE graduate SET case_open = TRUE
 WHERE id IN (SELECT c.graduate_id FROM case_file c WHERE c.status <> 'CLOSED');
UPDATE graduate SET case_in_difficulty = TRUE
 WHERE id IN (SELECT c.graduate_id FROM case_file c WHERE c.in_difficulty = TRUE);
UPDATE graduate SET case_opened_at = (SELECT c.opened_at FROM case_file c WHERE c.graduate_id = graduate.id)
 WHERE id IN (SELECT c.graduate_id FROM case_file c);

-- serves: the early warning (ReportQueries.earlyWarningCounts, earlyWarningWithoutServices,
-- earlyWarningWithServices): willing graduates with an open case and the 131 not met, of a cohort
-- (graduationYear=) and a district or every district, counted by district and at risk, and listed by
-- their case's difficulty and what they have had: index-only ranges. Without a cohort, the range of
-- every cohort.
CREATE INDEX ix_graduate_early_warning ON graduate (case_open, willing_to_work, met131_at, graduation_year,
    district_code, case_in_difficulty, guidance_131, referrals_131, training_131, case_opened_at);
