-- serves: ReportQueries.ledgerRows for one university (the ledger export's university filter), read in
-- id order after the last id of the page before (keyset paging): university_code = ? AND id > ? ORDER BY id
CREATE INDEX ix_graduate_university_id ON graduate (university_code, id);
