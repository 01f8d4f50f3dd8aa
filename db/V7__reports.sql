-- Reports (issue 7): the ledger tells where a graduate belonged and which destination was
-- registered at any moment, so that a report "as of" a date gives the same figures when asked
-- again later. Both columns are written by Ledger.record and never updated afterwards.

-- the graduate's district when the entry was written (a DISTRICT_CHANGED entry carries the new one)
ALTER TABLE ledger_entry ADD COLUMN district_code VARCHAR(6);
-- the Ministry of Education destination code of a DESTINATION entry (its group follows from the code)
ALTER TABLE ledger_entry ADD COLUMN destination_code VARCHAR(32);

-- backfill: existing entries belong to the graduate's district (no move has been recorded before V7)
UPDATE ledger_entry SET district_code =
    (SELECT g.district_code FROM graduate g WHERE g.id = ledger_entry.graduate_id);
-- backfill: DESTINATION details were written as {"code":"…","group":…}
UPDATE ledger_entry SET destination_code = SUBSTRING(details, 10, LOCATE('"', details, 10) - 10)
    WHERE type = 'DESTINATION' AND details LIKE '{"code":"%';

-- serves: "has a HELPER_ASSIGNED entry" per graduate in the compliance report, and the latest
-- DESTINATION per graduate (MAX(at) GROUP BY graduate_id) for the days to placement
CREATE INDEX ix_ledger_entry_type_graduate_at ON ledger_entry (type, graduate_id, at);

-- covers what ix_ledger_entry_type_at serves and more (kept: dropping an index is not written alike
-- on H2 and MySQL). serves: the services and registrations of a quarter counted by district
-- (quarterly report, type IN (…) AND at >= ? AND at < ? GROUP BY district_code). The placement as
-- of a date reads each graduate's entries through ix_ledger_entry_graduate_at.
CREATE INDEX ix_ledger_entry_type_at_district ON ledger_entry (type, at, district_code, graduate_id);

-- serves: caseload per caseworker (open and overdue tasks GROUP BY district_code, assignee), and
-- "all of a caseworker's open work" in a bulk reassignment
CREATE INDEX ix_case_task_district_assignee ON case_task (district_code, assignee, overdue);

-- serves: the compliance report's counts per district over the registry
-- (GROUP BY district_code, willing_to_work, status: an index-only scan)
CREATE INDEX ix_graduate_district_willing_status ON graduate (district_code, willing_to_work, status);
