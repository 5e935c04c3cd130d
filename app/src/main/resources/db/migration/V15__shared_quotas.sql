-- Platform budgets every node spends from together: YouTube's daily units and uploads per Google
-- project and (Pacific) day. Taken with one conditional UPDATE, never locked across a platform call.
CREATE TABLE quota_ledger (
    bucket    VARCHAR(200) NOT NULL,
    quota_day DATE NOT NULL,
    used      INT NOT NULL,
    CONSTRAINT quota_ledger_pk PRIMARY KEY (bucket, quota_day)
);

-- The last high usage a platform reported per scope (Meta's app, page and business use case
-- headers), so that every node slows down when any one of them is told the budget is nearly spent.
CREATE TABLE platform_usage (
    platform     VARCHAR(16) NOT NULL,
    scope        VARCHAR(200) NOT NULL,
    percent_used INT NOT NULL,
    observed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT platform_usage_pk PRIMARY KEY (platform, scope)
);
