-- At most one live delivery per (item, channel); rows exempted by V10 (duplicate_of) excepted.
-- H2 has no partial indexes: live_channel is the channel while the delivery is live and NULL
-- otherwise, and NULLs never collide in a unique constraint, so only live rows are constrained.
ALTER TABLE delivery ADD COLUMN live_channel BIGINT GENERATED ALWAYS AS (
    CASE WHEN status IN ('SCHEDULED', 'HELD', 'PUBLISHING', 'HANDED_OFF', 'PUBLISHED') AND duplicate_of IS NULL
         THEN channel_id END);
ALTER TABLE delivery ADD CONSTRAINT delivery_live_once UNIQUE (content_id, live_channel);
