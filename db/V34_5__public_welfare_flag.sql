-- Issue 19, item 5: a public-welfare post (公益性岗位) is recorded under a Ministry of Education
-- destination code, the code of the job (11 签劳动合同形式就业 for a post found through the 131
-- service; 51 地方基层项目 and others by a destination registered by hand), with a flag. The pseudo
-- code PUBLIC_WELFARE_POST, which no MoE list has, becomes 11 with the flag. The reports count the
-- posts by the flag.

-- the graduate's current destination is a public-welfare post
ALTER TABLE graduate ADD COLUMN destination_public_welfare BOOLEAN DEFAULT FALSE NOT NULL;
-- a DESTINATION entry of a public-welfare post, as its publicWelfare detail says. Serves the progress
-- report's probe (ReportQueries.progress: type = 'DESTINATION' AND graduate_id = ? AND at < ? through
-- ix_ledger_entry_type_graduate_at, the flag read from the row) and the quarter's posts
-- (ReportQueries.publicWelfarePosts: type and time range through ix_ledger_entry_type_at_district);
-- a DESTINATION entry is rare enough that the flag needs no index of its own.
ALTER TABLE ledger_entry ADD COLUMN public_welfare BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE graduate SET destination_code = '11', destination_public_welfare = TRUE
 WHERE destination_code = 'PUBLIC_WELFARE_POST';
-- the columns that the reports read; an entry's details stay as written (the code then in use, which
-- the application still reads as 11 with the flag)
UPDATE ledger_entry SET destination_code = '11', public_welfare = TRUE
 WHERE type = 'DESTINATION' AND destination_code = 'PUBLIC_WELFARE_POST';
UPDATE placement_period SET destination_code = '11' WHERE destination_code = 'PUBLIC_WELFARE_POST';
UPDATE assistance SET placed_destination_code = '11' WHERE placed_destination_code = 'PUBLIC_WELFARE_POST';
