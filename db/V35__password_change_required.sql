-- Issue 20, item 1 (accounts): a user created by an administrator, a supervisor or a counselor, or
-- the first administrator of an empty database, signs in with a password someone else chose and
-- must choose their own before anything else (security.PasswordChangeRequiredFilter). Users that
-- exist already keep their passwords.
ALTER TABLE app_user ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT FALSE;
