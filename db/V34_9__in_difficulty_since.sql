-- Issue 19, items 2 and 4: a graduate found in difficulty after registration (POST
-- /api/graduates/{id}/difficulties) was not in difficulty before. The progress report counts the
-- graduates in difficulty as of a past day, so the row keeps when its in_difficulty became true:
-- NULL for a graduate in difficulty since registration (every row until now), the time otherwise.
-- Read from the graduate row the report joins already (ReportQueries.progress), no index needed.
ALTER TABLE graduate ADD COLUMN in_difficulty_since DATETIME(6);
