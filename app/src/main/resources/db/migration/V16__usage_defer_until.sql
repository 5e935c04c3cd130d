-- Until when a high usage reading keeps every node's bulk work off its scope: five minutes after it
-- was seen, or longer when Meta's X-Business-Use-Case-Usage gives an estimated_time_to_regain_access
-- beyond that. Rows written before it have none: their five minutes from observed_at still apply.
ALTER TABLE platform_usage ADD COLUMN defer_until TIMESTAMP WITH TIME ZONE;
