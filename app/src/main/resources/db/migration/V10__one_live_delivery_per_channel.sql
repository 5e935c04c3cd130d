-- One live delivery per (item, channel). A delivery is live while it may still go out or has gone
-- out: SCHEDULED, HELD, PUBLISHING, HANDED_OFF, PUBLISHED. The rule is enforced by the database
-- (V11, per vendor) so that parallel requests cannot each pass a read-then-insert check.
--
-- Rows written before the rule may already break it. Per (item, channel) the live delivery that
-- got furthest (published, then in flight, then handed off, then waiting), and among those the
-- oldest, is kept. Every other live row is marked with the one it duplicates: those that have not
-- gone out (SCHEDULED, HELD) are cancelled with an audit entry, so they never publish; those that
-- are already out or in flight keep their status (they are facts about the platform) and are
-- exempt from the rule through duplicate_of.
ALTER TABLE delivery ADD COLUMN duplicate_of BIGINT;

UPDATE delivery SET duplicate_of = (
        SELECT k.id FROM delivery k
        WHERE k.content_id = delivery.content_id AND k.channel_id = delivery.channel_id
          AND k.status IN ('SCHEDULED', 'HELD', 'PUBLISHING', 'HANDED_OFF', 'PUBLISHED')
        ORDER BY CASE k.status WHEN 'PUBLISHED' THEN 0 WHEN 'PUBLISHING' THEN 1 WHEN 'HANDED_OFF' THEN 2
                               WHEN 'SCHEDULED' THEN 3 ELSE 4 END, k.id
        LIMIT 1)
WHERE status IN ('SCHEDULED', 'HELD', 'PUBLISHING', 'HANDED_OFF', 'PUBLISHED')
  AND EXISTS (SELECT 1 FROM delivery o
              WHERE o.content_id = delivery.content_id AND o.channel_id = delivery.channel_id AND o.id <> delivery.id
                AND o.status IN ('SCHEDULED', 'HELD', 'PUBLISHING', 'HANDED_OFF', 'PUBLISHED'));

UPDATE delivery SET duplicate_of = NULL WHERE duplicate_of = id;

INSERT INTO audit_entry (subject, subject_id, actor, occurred_at, from_state, to_state, reason)
SELECT 'DELIVERY', id, 'system', CURRENT_TIMESTAMP, status, 'CANCELLED',
       CONCAT('a second delivery of the item to this channel (delivery ', CAST(duplicate_of AS VARCHAR(20)),
              ' is kept); cancelled so that the item goes out once')
FROM delivery
WHERE duplicate_of IS NOT NULL AND status IN ('SCHEDULED', 'HELD');

UPDATE delivery SET status = 'CANCELLED', updated_at = CURRENT_TIMESTAMP,
       failure_reason = CONCAT('duplicate of delivery ', CAST(duplicate_of AS VARCHAR(20)))
WHERE duplicate_of IS NOT NULL AND status IN ('SCHEDULED', 'HELD');
