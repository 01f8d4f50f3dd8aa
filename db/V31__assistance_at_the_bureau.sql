-- 两个百分百: a graduate in difficulty who came by any route but the school's one-to-one assistance
-- (registered by a caseworker, handed over by a university) gets a named helper at the bureau. Their
-- assistance has no school evidence and no leaving-school date. Existing rows are the school's.
ALTER TABLE assistance ADD COLUMN route VARCHAR(8) DEFAULT 'SCHOOL' NOT NULL;
-- evidence and leaving_school_on become nullable: a new column, copied, renamed (one syntax that
-- H2 and MariaDB both read; MODIFY COLUMN is MySQL's alone)
ALTER TABLE assistance ADD COLUMN evidence_n VARCHAR(1000);
ALTER TABLE assistance ADD COLUMN leaving_school_on_n DATE;
UPDATE assistance SET evidence_n = evidence, leaving_school_on_n = leaving_school_on;
ALTER TABLE assistance DROP COLUMN evidence;
ALTER TABLE assistance DROP COLUMN leaving_school_on;
ALTER TABLE assistance RENAME COLUMN evidence_n TO evidence;
ALTER TABLE assistance RENAME COLUMN leaving_school_on_n TO leaving_school_on;
-- no new index: a district's list (route = 'BUREAU' or handed over or disability) is served by
-- ix_assistance_district_status (V5), its rows filtered by route there
