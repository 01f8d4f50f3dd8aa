-- The inbox's candidate page for a caseworker or a district supervisor: their district's open,
-- unassigned tasks of their groups (caseworkers-<district> and dpf-<district>), optionally of one
-- type, by priority then due date:
--   WHERE district_code = ? [AND type = ?] AND assignee IS NULL AND candidate_group IN (?, ?)
--   ORDER BY priority DESC, due_at, id LIMIT 51
-- With two groups, the V12 indexes (which lead with candidate_group) cannot give that order and
-- MariaDB sorted all the district's matching tasks: 108 ms at a million open tasks (60,737 rows
-- sorted). These lead with the district, read in the page's order and test the group from the
-- index itself: 51 rows read, 3 ms.
CREATE INDEX ix_case_task_district_inbox ON case_task (district_code, type, assignee, priority DESC, due_at, id, candidate_group);
CREATE INDEX ix_case_task_district_inbox_all ON case_task (district_code, assignee, priority DESC, due_at, id, candidate_group);
