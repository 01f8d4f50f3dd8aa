-- A graduate in difficulty helped at the bureau may come from a university outside the city's list
-- (most returning graduates studied elsewhere): their assistance has no university code. Without
-- this, registering such a graduate failed on the NOT NULL of V5. The school's route always has one.
-- A new column, copied, renamed (one syntax that H2 and MariaDB both read), its index rebuilt.
DROP INDEX ix_assistance_university_status ON assistance;
ALTER TABLE assistance ADD COLUMN university_code_n VARCHAR(16);
UPDATE assistance SET university_code_n = university_code;
ALTER TABLE assistance DROP COLUMN university_code;
ALTER TABLE assistance RENAME COLUMN university_code_n TO university_code;
-- serves: GET /api/assistance for a counselor (their university), by status, and the helper counts
CREATE INDEX ix_assistance_university_status ON assistance (university_code, status);
