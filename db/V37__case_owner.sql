-- Issue 20, item 3 (one caseworker per graduate, 一对一): each 131 case has a responsible
-- caseworker, its owner: the first to take a task of the case, or whom a supervisor names. New
-- caseworker tasks of the case are assigned to the owner (tasks.TaskSync reads case_file.owner by
-- the primary key as each task is created); the pool only while there is none.
ALTER TABLE case_file ADD COLUMN owner VARCHAR(64);
-- serves: the caseload's owned cases per caseworker of a district (CaseFiles.ownedCases, covering)
CREATE INDEX ix_case_file_district_owner ON case_file (district_code, owner, status);
-- serves: the cases of one owner, cleared when their account is disabled or moved (CaseFiles.ownedBy)
-- and moved by a bulk reassignment of their work
CREATE INDEX ix_case_file_owner ON case_file (owner);

-- The owner as the graduate's record shows it, written with the case's (as case_number is).
ALTER TABLE graduate ADD COLUMN case_owner VARCHAR(64);

-- The owner as the task list shows it, written with the case's for every open task of the case.
ALTER TABLE case_task ADD COLUMN case_owner VARCHAR(64);
-- serves: the open tasks of one case (CaseTasks.findByCaseId, CaseTasks.ownerChanged)
CREATE INDEX ix_case_task_case ON case_task (case_id);
