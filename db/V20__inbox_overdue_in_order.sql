-- The inbox's overdue page of a district supervisor (or a caseworker's overdue filter), by due date:
--   WHERE district_code = ? AND overdue = TRUE ORDER BY due_at, priority DESC, id LIMIT 51
-- ix_case_task_district_overdue (V4: district_code, overdue, due_at) gives the rows by due date but
-- not the page's tie-breakers, so MariaDB read and sorted all the district's overdue tasks: 17 / 27
-- ms (p50 / p99) at a million open tasks in the benchmark. This index holds the whole order, so a
-- page reads 51 index entries. It also serves what the old one did (its leading columns are the
-- same): the early warning's overdue tasks of a district (ReportQueries.overdueTasks).
CREATE INDEX ix_case_task_district_overdue_due
    ON case_task (district_code, overdue, due_at, priority DESC, id);
DROP INDEX ix_case_task_district_overdue ON case_task;
