-- 两个百分百, the second: willing graduates in difficulty employed (contract, flexible,
-- self-employment), further study reported apart (issue 19, item 4). serves:
-- ReportQueries.placedInDifficulty (WHERE in_difficulty = TRUE AND willing_to_work = TRUE AND
-- status = 'PLACED' [AND district_code = ?] [AND graduation_year = ?] GROUP BY district_code,
-- destination_code): a range of the index holding only those graduates, read index-only, so that
-- the compliance report does not read the graduates' rows for their destination code.
CREATE INDEX ix_graduate_placed_in_difficulty ON graduate (in_difficulty, willing_to_work, status, district_code,
    graduation_year, destination_code);
