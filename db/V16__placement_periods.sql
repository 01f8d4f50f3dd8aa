-- Report tuning (issues 7 and 8): the placement "as of" a date, read without walking the ledger.
-- One row per graduate and span of time in which their standing was the same: the district of
-- their latest REGISTERED or DISTRICT_CHANGED entry, the destination of their latest DESTINATION
-- or REOPENED entry ('-' for a reopening, NULL for none yet) and whether their 131 was met. A row
-- answers for every cut-off D with valid_from < D <= valid_to (valid_to NULL: still so), which is
-- what "entries with at < D" gives. The rows are derived from the ledger and case_file.met131_at
-- alone and rebuilt for a graduate by ledger.PlacementPeriods whenever one of those changes, so a
-- report as of a past date gives the same figures when asked again.
CREATE TABLE placement_period (
    id               BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    graduate_id      BIGINT      NOT NULL,
    graduation_year  INT         NOT NULL,
    district_code    VARCHAR(6),
    destination_code VARCHAR(32),
    met131           BOOLEAN     NOT NULL,
    valid_from       DATETIME(6) NOT NULL,
    valid_to         DATETIME(6),
    CONSTRAINT fk_placement_period_graduate FOREIGN KEY (graduate_id) REFERENCES graduate (id)
);

-- serves: ReportQueries.asOf, the placement report and the quarterly stock, in two parts: the spans
-- still open (graduation_year = ? AND valid_to IS NULL AND valid_from < ? GROUP BY district_code,
-- destination_code, met131: an index-only scan in group order, no temporary table) and the spans
-- closed after the cut-off (graduation_year = ? AND valid_to >= ? AND valid_from < ?: a range, few
-- for a recent date)
CREATE INDEX ix_placement_period_as_of
    ON placement_period (graduation_year, valid_to, district_code, destination_code, met131, valid_from);
-- serves: PlacementPeriods.rebuild (DELETE ... WHERE graduate_id = ?) and the foreign key
CREATE INDEX ix_placement_period_graduate ON placement_period (graduate_id);

-- backfill from the ledger as it stands: the statement of PlacementPeriods.rebuild for every graduate.
-- The state of a span is that after every entry at or before its start, which is what a cut-off
-- just after that start sees; the status entries are found through ix_ledger_entry_type_graduate_at.
INSERT INTO placement_period (graduate_id, graduation_year, district_code, destination_code, met131, valid_from,
                              valid_to)
SELECT s.graduate_id, g.graduation_year,
       (SELECT d.district_code FROM ledger_entry d
         WHERE d.type IN ('REGISTERED', 'DISTRICT_CHANGED') AND d.graduate_id = s.graduate_id
           AND d.district_code IS NOT NULL AND d.at <= s.valid_from
         ORDER BY d.id DESC LIMIT 1),
       (SELECT COALESCE(p.destination_code, '-') FROM ledger_entry p
         WHERE p.type IN ('DESTINATION', 'REOPENED') AND p.graduate_id = s.graduate_id AND p.at <= s.valid_from
         ORDER BY p.id DESC LIMIT 1),
       CASE WHEN c.met131_at IS NOT NULL AND c.met131_at <= s.valid_from THEN TRUE ELSE FALSE END,
       s.valid_from, s.valid_to
FROM (SELECT b.graduate_id, b.at AS valid_from,
             LEAD(b.at) OVER (PARTITION BY b.graduate_id ORDER BY b.at) AS valid_to
      FROM (SELECT graduate_id, at FROM ledger_entry
             WHERE type IN ('REGISTERED', 'DISTRICT_CHANGED', 'DESTINATION', 'REOPENED')
            UNION
            SELECT graduate_id, met131_at FROM case_file WHERE met131_at IS NOT NULL) b) s
JOIN graduate g ON g.id = s.graduate_id
LEFT JOIN case_file c ON c.graduate_id = s.graduate_id
WHERE EXISTS (SELECT 1 FROM ledger_entry r
               WHERE r.type = 'REGISTERED' AND r.graduate_id = s.graduate_id AND r.at <= s.valid_from);

-- serves: ReportQueries.registry for a cohort, the compliance report's counts per district with
-- graduationYear= (WHERE graduation_year = ? GROUP BY district_code, willing_to_work, status: an
-- index-only scan; ix_graduate_district_willing_status serves the whole registry); registered_at
-- covers the cohort's days to 131 met and to placement
CREATE INDEX ix_graduate_year_district_willing_status
    ON graduate (graduation_year, district_code, willing_to_work, status, registered_at);
