-- Issue 20, item 8: a blacklist with memory. Lifting a blacklisting cleared its reason, who and when
-- from the employer's row; every blacklisting and every lifting is now a row of its own (who, when,
-- why, evidence), never updated. The employer's row keeps its current standing (blacklisted, and the
-- latest blacklisting's reason, who and when while it stands), which referrals check.
CREATE TABLE employer_blacklisting (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    employer_id  BIGINT        NOT NULL,
    -- BLACKLISTED or LIFTED
    action       VARCHAR(16)   NOT NULL,
    reason       VARCHAR(500)  NOT NULL,
    evidence     VARCHAR(1000),
    at           DATETIME(6)   NOT NULL,
    actor        VARCHAR(64)   NOT NULL,
    CONSTRAINT fk_employer_blacklisting_employer FOREIGN KEY (employer_id) REFERENCES employer (id)
);
-- serves: an employer's blacklist history in time order (EmployerBlacklistings.history), and the foreign key
CREATE INDEX ix_employer_blacklisting_employer_at ON employer_blacklisting (employer_id, at, id);

-- the blacklistings that stand now; those lifted before kept nothing to carry over
INSERT INTO employer_blacklisting (employer_id, action, reason, evidence, at, actor)
SELECT id, 'BLACKLISTED', COALESCE(blacklist_reason, '-'), NULL, COALESCE(blacklisted_at, created_at),
       COALESCE(blacklisted_by, created_by)
  FROM employer WHERE blacklisted = TRUE;

-- A blacklisting follows up the graduates referred to or placed with the employer (cases.BlacklistFollowUps).
-- serves: Ledger.graduatesWithEmployer, the REFERRAL and DESTINATION entries naming the employer
-- (employer_id = ? AND type IN (...), the graduate read from the index)
CREATE INDEX ix_ledger_entry_employer ON ledger_entry (employer_id, type, graduate_id);
-- serves: Ledger.graduatesWithEmployer, the graduates whose current destination is registered under the
-- employer's name (destinations recorded before they named the employer's id)
CREATE INDEX ix_graduate_destination_employer ON graduate (destination_employer);
