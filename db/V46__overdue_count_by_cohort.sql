-- The early warning's overdue tasks of a cohort, per district (ReportQueries.overdueTaskCounts):
--   WHERE district_code IN (...) AND overdue = TRUE AND graduation_year = ? GROUP BY district_code
-- MariaDB takes the range of ix_case_task_district_overdue_due (V20) for it and reads each overdue
-- task's row for its graduation year: at a million open tasks, 50,000 of them overdue, 3.9 s in
-- ANALYZE (issue 21, 2026-12-06), which made the early warning 3.2 s instead of 0.9 s. With the
-- year at the end of the same index the count reads the index alone; the inbox's overdue page
-- (district, overdue, by due date, priority and id) keeps its order, and no index is added to the
-- writes of every task.
CREATE INDEX ix_case_task_district_overdue_due_year
    ON case_task (district_code, overdue, due_at, priority DESC, id, graduation_year);
DROP INDEX ix_case_task_district_overdue_due ON case_task;
