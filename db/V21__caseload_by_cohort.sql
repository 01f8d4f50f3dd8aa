-- The compliance report's caseload for one cohort (ReportQueries.taskLoad with graduationYear=):
-- open and overdue tasks per district and caseworker of the graduates of one graduation year. It
-- joined each open task to its graduate by primary key for the year: 9.7 s when a cohort's own
-- graduates hold a million open tasks, as they do in July. A task carries its graduate's
-- graduation year as it carries their district and name (written by tasks.TaskSync when the task is
-- created; a graduate's graduation year never changes), and the cohort's caseload is an index-only
-- range of this index.
ALTER TABLE case_task ADD COLUMN graduation_year INT;
UPDATE case_task SET graduation_year = (SELECT g.graduation_year FROM graduate g WHERE g.id = case_task.graduate_id)
 WHERE graduate_id IS NOT NULL;

-- serves: ReportQueries.taskLoad for a cohort (graduation_year = ? [AND district_code = ?]
-- GROUP BY district_code, assignee; SUM of overdue; COUNT(DISTINCT case_id))
CREATE INDEX ix_case_task_year_district_assignee
    ON case_task (graduation_year, district_code, assignee, overdue, case_id);
