-- Engagement coming back: a read schedule per published delivery, the raw time series, the latest
-- values per delivery, and daily rollups per channel and campaign (theme and platform alongside) so
-- reports never scan the raw history.

CREATE TABLE engagement_schedule (
    delivery_id  BIGINT PRIMARY KEY REFERENCES delivery (id),
    channel_id   BIGINT NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    reads_done   INT DEFAULT 0 NOT NULL,
    -- NULL once the post is read no more.
    next_read_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX engagement_schedule_due ON engagement_schedule (next_read_at, channel_id);

-- Counts a platform does not give are NULL, never 0.
CREATE TABLE engagement_snapshot (
    delivery_id BIGINT NOT NULL,
    read_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reactions   BIGINT,
    comments    BIGINT,
    shares      BIGINT,
    views       BIGINT,
    reach       BIGINT
);
CREATE INDEX engagement_snapshot_delivery ON engagement_snapshot (delivery_id, read_at);

CREATE TABLE engagement_latest (
    delivery_id  BIGINT PRIMARY KEY,
    read_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    reactions    BIGINT,
    comments     BIGINT,
    shares       BIGINT,
    views        BIGINT,
    reach        BIGINT,
    interactions BIGINT NOT NULL
);

-- What each day added (later read minus earlier read), by the day of the read in the city's zone.
CREATE TABLE engagement_daily (
    stat_day     DATE NOT NULL,
    channel_id   BIGINT NOT NULL,
    campaign_id  BIGINT NOT NULL,
    theme_id     BIGINT NOT NULL,
    platform     VARCHAR(16) NOT NULL,
    reactions    BIGINT DEFAULT 0 NOT NULL,
    comments     BIGINT DEFAULT 0 NOT NULL,
    shares       BIGINT DEFAULT 0 NOT NULL,
    views        BIGINT DEFAULT 0 NOT NULL,
    reach        BIGINT DEFAULT 0 NOT NULL,
    interactions BIGINT DEFAULT 0 NOT NULL,
    PRIMARY KEY (stat_day, channel_id, campaign_id)
);
CREATE INDEX engagement_daily_campaign ON engagement_daily (campaign_id, stat_day);
CREATE INDEX engagement_daily_theme ON engagement_daily (theme_id, stat_day);

CREATE TABLE channel_followers (
    channel_id BIGINT NOT NULL REFERENCES channel (id),
    stat_day   DATE NOT NULL,
    followers  BIGINT NOT NULL,
    PRIMARY KEY (channel_id, stat_day)
);
