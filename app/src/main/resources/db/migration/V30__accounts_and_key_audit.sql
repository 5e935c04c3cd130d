-- Accounts: a password an administrator reset must be changed at the next sign-in; the session
-- epoch goes up whenever an account is disabled or its password changes, which ends the sessions
-- signed in before (each request compares the epoch its session was opened with).
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE app_user ADD COLUMN session_epoch BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE app_user ADD COLUMN password_changed_at TIMESTAMP WITH TIME ZONE;

-- The audit trail also records changes to the keys: users, roles, channels, credentials, settings
-- and emergency stops. Those named by text (a username, a setting) carry the name in subject_key;
-- address is where the request came from (the client's address as forwarded by a trusted proxy).
ALTER TABLE audit_entry ALTER COLUMN subject SET DATA TYPE VARCHAR(32);
ALTER TABLE audit_entry ADD COLUMN subject_key VARCHAR(200);
ALTER TABLE audit_entry ADD COLUMN address VARCHAR(64);
CREATE INDEX audit_occurred ON audit_entry (occurred_at, id);
CREATE INDEX audit_actor ON audit_entry (actor, id);
CREATE INDEX audit_subject_key ON audit_entry (subject, subject_key, id);
