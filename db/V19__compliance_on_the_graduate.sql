-- Compliance report at a million (issue 7): what the report counts, carried on the graduate's row so
-- that its counts are read from one covering index instead of joining a million case files (random
-- reads through ux_case_file_graduate), grouping every DESTINATION entry by graduate, and checking
-- graduate_difficulty for each graduate.
--
-- met131_at, destination_at and helper_assigned are copies, never edited by hand:
-- ledger.PlacementPeriods.carry writes them from case_file.met131_at and the graduate's DESTINATION
-- and HELPER_ASSIGNED entries, in the transaction that changes one of those (Ledger.record for a
-- DESTINATION or HELPER_ASSIGNED entry, the 131 delegate, each through the placement spans' rebuild
-- or carry). in_difficulty is written by the Graduate entity when registered (the difficulty
-- categories are not changed afterwards).

-- case_file.met131_at of the graduate's case (one case per graduate), NULL while not met
ALTER TABLE graduate ADD COLUMN met131_at DATETIME(6);
-- the time of the graduate's latest DESTINATION entry (MAX(at)), NULL without one: for a PLACED
-- graduate, when they were placed
ALTER TABLE graduate ADD COLUMN destination_at DATETIME(6);
-- at least one difficulty category (a graduate_difficulty row)
ALTER TABLE graduate ADD COLUMN in_difficulty BOOLEAN DEFAULT FALSE NOT NULL;
-- a HELPER_ASSIGNED entry (a helper, 帮扶责任人, has been assigned)
ALTER TABLE graduate ADD COLUMN helper_assigned BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE graduate SET met131_at = (SELECT c.met131_at FROM case_file c WHERE c.graduate_id = graduate.id);
UPDATE graduate SET destination_at = (SELECT MAX(l.at) FROM ledger_entry l
                                       WHERE l.type = 'DESTINATION' AND l.graduate_id = graduate.id);
UPDATE graduate SET in_difficulty = TRUE WHERE id IN (SELECT d.graduate_id FROM graduate_difficulty d);
UPDATE graduate SET helper_assigned = TRUE WHERE id IN (SELECT h.graduate_id FROM ledger_entry h
                                                        WHERE h.type = 'HELPER_ASSIGNED');

-- serves: the compliance report for a cohort (graduationYear=), every count from this one index:
-- ReportQueries.registry (WHERE graduation_year = ? [AND district_code = ?] GROUP BY district_code,
-- willing_to_work, status, in_difficulty, helper_assigned with COUNT(*) and the 131 met counted:
-- grouped in the index's order, no temporary table), daysTo131 (met131_at IS NOT NULL) and
-- daysToPlacement (status = 'PLACED' AND destination_at IS NOT NULL): index-only scans. Replaces
-- ix_graduate_year_district_willing_status (V16), its prefix.
CREATE INDEX ix_graduate_year_compliance ON graduate (graduation_year, district_code, willing_to_work, status,
    in_difficulty, helper_assigned, registered_at, met131_at, destination_at);
-- serves: the same queries over every cohort (no graduationYear=), city-wide or for one district.
-- Replaces ix_graduate_district_willing_status (V7), its prefix.
CREATE INDEX ix_graduate_district_compliance ON graduate (district_code, willing_to_work, status,
    in_difficulty, helper_assigned, registered_at, met131_at, destination_at);
DROP INDEX ix_graduate_year_district_willing_status ON graduate;
DROP INDEX ix_graduate_district_willing_status ON graduate;

-- serves: ReportQueries.taskLoad (GROUP BY district_code, assignee; COUNT(DISTINCT case_id); with a
-- cohort, graduate_id joins graduate) as an index-only scan, so that a million open tasks are not
-- each read from the table. Replaces ix_case_task_district_assignee (V7), its prefix, which also
-- serves a caseworker's open work in a bulk reassignment.
CREATE INDEX ix_case_task_district_assignee_case ON case_task (district_code, assignee, overdue, case_id, graduate_id);
DROP INDEX ix_case_task_district_assignee ON case_task;

-- ix_ledger_entry_type_graduate_at (V7) no longer serves the report: it serves PlacementPeriods.carry,
-- one graduate's latest DESTINATION and HELPER_ASSIGNED entries, and this migration's backfill.
