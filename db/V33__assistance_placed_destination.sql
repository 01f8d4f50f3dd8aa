-- 两个百分百, the second (issue 19, item 4): an assistance ended by a placement keeps the destination
-- code that ended it, so that its figures tell the employed (contract, flexible, self-employment)
-- from those in further study (graduates.Destination maps the codes). Existing placed assistances
-- take their graduate's destination now. No new index: the figures group a scope's assistances
-- (ix_assistance_district_status, V5) and read this column from those rows.
ALTER TABLE assistance ADD COLUMN placed_destination_code VARCHAR(32);
UPDATE assistance SET placed_destination_code = (SELECT g.destination_code FROM graduate g
                                                 WHERE g.id = assistance.graduate_id)
 WHERE status = 'PLACED';
