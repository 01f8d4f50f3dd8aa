-- Issue 17: the birth date leaves the graduate's row (V22, V22.1): its look-up moves to the keyed hash.
DROP INDEX ix_graduate_name_fold_birth ON graduate;
ALTER TABLE graduate DROP COLUMN birth_date;
-- serves: probable-duplicate detection by the same folded name and birth date (graduates.DuplicateFinder)
CREATE INDEX ix_graduate_name_birth_hash ON graduate (name_birth_hash);
