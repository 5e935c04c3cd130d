-- At most one live delivery per (item, channel); rows exempted by V10 (duplicate_of) excepted.
CREATE UNIQUE INDEX delivery_live_once ON delivery (content_id, channel_id)
    WHERE status IN ('SCHEDULED', 'HELD', 'PUBLISHING', 'HANDED_OFF', 'PUBLISHED') AND duplicate_of IS NULL;
