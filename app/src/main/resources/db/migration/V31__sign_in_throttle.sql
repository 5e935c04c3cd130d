-- Failed sign-ins, per account (the username typed, whether or not it exists, so that throttling
-- says nothing about which accounts exist) and per client address. Past a threshold each further
-- attempt must wait a growing delay; past a higher one the account or address is locked until
-- locked_until (or an administrator unlocks it).
CREATE TABLE sign_in_throttle (
    scope           VARCHAR(8) NOT NULL,
    key_value       VARCHAR(200) NOT NULL,
    failures        INT NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (scope, key_value)
);
CREATE INDEX sign_in_throttle_last ON sign_in_throttle (last_failure_at);
