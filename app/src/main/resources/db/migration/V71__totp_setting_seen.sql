-- The operator settings about sign-in as Loa last started with, so that a change made by
-- restarting with another value is in the audit trail (SETTING, key: the setting's name).
CREATE TABLE sign_in_setting (
    name       VARCHAR(100) PRIMARY KEY,
    value_text VARCHAR(400) NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
