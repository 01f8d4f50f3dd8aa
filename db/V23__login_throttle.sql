-- Failed sign-ins (security.LoginThrottle), in the database so that every application node counts
-- the same failures. One row per normalised user name and one per client address, keyed by the
-- SHA-256 (hex) of 'user:<name>' or 'address:<address>': a user name typed wrong, or a password typed
-- into the name field, is not kept in clear.
-- failures:   the failures of the window that began with the first of them;
-- window_end: when that window ends (epoch milliseconds, UTC); once failures reach the maximum, the
--             end of the lockout instead. A row whose window_end has passed counts for nothing: the
--             next failure starts a new window on it, and the clean-up deletes it.
CREATE TABLE login_throttle (
    throttle_key CHAR(64) NOT NULL,
    failures     INT      NOT NULL,
    window_end   BIGINT   NOT NULL,
    -- serves: every statement of LoginThrottle (look-up before and after a password check, the atomic
    -- count of a failure, clearing a user name after a sign-in), one or two rows by key
    CONSTRAINT pk_login_throttle PRIMARY KEY (throttle_key)
);

-- serves: LoginThrottle.forgetEnded, DELETE FROM login_throttle WHERE window_end <= ?
CREATE INDEX ix_login_throttle_window_end ON login_throttle (window_end);
