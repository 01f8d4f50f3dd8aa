-- The city report's per-university rate at a million (issue 21): its university, carried on each placement span
-- as graduation_year is, so that ReportQueries.asOfByUniversity reads the spans' index alone instead of joining
-- about 1.84 million spans to their graduates (4.3 s of its 4.8 s in ANALYZE at 1,000,000 graduates).
--
-- A copy of graduate.university_code, never edited by hand: written with every span by ledger.PlacementPeriods
-- (the registration's first span and the rebuilds, single and by range), from the graduate's row in the same
-- statement. A graduate's university is set at registration and never changes (no correction, merge or
-- hand-over rewrites it: PlacementPeriods' Javadoc), so the copy needs no other writer.
ALTER TABLE placement_period ADD COLUMN university_code VARCHAR(16);

-- the existing spans, from their graduates; a correlated subquery by primary key, not UPDATE ... JOIN, which H2
-- does not accept: on MariaDB it is the same nested loop over the spans with a lookup of their graduate each
UPDATE placement_period
   SET university_code = (SELECT g.university_code FROM graduate g WHERE g.id = placement_period.graduate_id);

-- serves: ReportQueries.asOf as before (db/V16: the open spans GROUP BY district_code, destination_code, met131
-- in index order, the closed ones by the range of valid_to), and now ReportQueries.asOfByUniversity from the
-- index alone: its open spans grouped in index order by district_code, destination_code, met131, university_code
-- (no temporary table over the spans; the outer query folds the districts and the 131 into a few hundred rows),
-- its closed spans by the same range. university_code before valid_from, which both queries only filter on.
DROP INDEX ix_placement_period_as_of ON placement_period;
CREATE INDEX ix_placement_period_as_of
    ON placement_period (graduation_year, valid_to, district_code, destination_code, met131, university_code,
                         valid_from);
