-- serves: a group event's open tasks of one type for the graduates it names (OpenTasks.ofGraduates)
CREATE INDEX ix_case_task_graduate_type ON case_task (graduate_id, type);
