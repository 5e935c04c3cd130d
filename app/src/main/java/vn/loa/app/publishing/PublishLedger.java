package vn.loa.app.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.delivery.Delivery;
import vn.loa.campaigns.delivery.DeliveryRepository;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.publishing.AttemptOutcome;
import vn.loa.campaigns.publishing.AttemptPurpose;
import vn.loa.campaigns.publishing.AttemptResult;
import vn.loa.connectors.Platform;

/**
 * The claim table and the durable publish ledger. Deliveries are claimed with
 * {@code SELECT … FOR UPDATE SKIP LOCKED}, so any number of nodes can claim from the same queue at
 * once without waiting on each other and without two of them taking the same delivery.
 */
@Repository
public class PublishLedger {

    /**
     * A delivery claimed for one attempt. {@code earlierReceipt} is what the platform gave an earlier
     * attempt of the delivery when it accepted a write (null if none), for this one to resume from.
     */
    public record Claim(
            long attemptId,
            long deliveryId,
            long contentId,
            long channelId,
            int attemptNo,
            String idempotencyKey,
            Instant scheduledAt,
            String earlierReceipt) {}

    /**
     * An attempt taken over for settling: its outcome is not known, so the platform is read back,
     * following up {@code receipt} (what the platform gave when it accepted the write) if there is one.
     */
    public record Unsettled(
            long attemptId, long deliveryId, long contentId, long channelId, Instant startedAt, String receipt) {}

    /** The outcomes of attempts still open, as SQL literals. */
    private static final String OPEN = Arrays.stream(AttemptOutcome.values())
            .filter(AttemptOutcome::open)
            .map(o -> "'" + o.name() + "'")
            .collect(Collectors.joining(", "));

    /** How one channel's deliveries stand: held, waiting (scheduled or handed off), failed, and the last one out. */
    public record ChannelQueue(long held, long waiting, long failed, Instant lastPublishedAt) {

        public static final ChannelQueue EMPTY = new ChannelQueue(0, 0, 0, null);
    }

    /** The message of a channel's latest attempt that left one, and when that attempt ended. */
    public record LastMessage(String message, Instant at) {}

    /** A delivery that may be handed to its platform's scheduler, if far enough ahead. */
    record HandoffCandidate(long deliveryId, long channelId, Instant scheduledAt) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DeliveryRepository deliveries;

    public PublishLedger(JdbcClient jdbc, JdbcTemplate template, DeliveryRepository deliveries) {
        this.jdbc = jdbc;
        this.template = template;
        this.deliveries = deliveries;
    }

    /** {@link #lockDue(Instant, int, Map)} with no limit per platform but {@code limit}. */
    List<Delivery> lockDue(Instant now, int limit) {
        var room = new EnumMap<Platform, Integer>(Platform.class);
        for (var platform : Platform.values()) {
            room.put(platform, limit);
        }
        return lockDue(now, limit, room);
    }

    /**
     * Due deliveries whose channel is usable, at most the channel's room for more calls in flight
     * and at most {@code room} per platform (this node's free publish threads: a node never claims
     * more than it can call at once, so other nodes take the rest), rebuttals first. Locks the
     * chosen delivery rows, skipping any another node holds.
     */
    List<Delivery> lockDue(Instant now, int limit, Map<Platform, Integer> room) {
        var utcNow = Timestamps.utc(now);
        var platformRoom = new StringBuilder("CASE y.platform");
        for (var platform : Platform.values()) {
            platformRoom
                    .append(" WHEN '")
                    .append(platform.name())
                    .append("' THEN :room_")
                    .append(platform.name());
        }
        platformRoom.append(" ELSE 0 END");
        var query = jdbc.sql("""
                SELECT y.id FROM (
                  SELECT x.id, x.priority, x.scheduled_at, x.platform,
                         ROW_NUMBER() OVER (PARTITION BY x.platform ORDER BY x.priority DESC, x.scheduled_at, x.id) AS prn
                  FROM (
                    SELECT d.id, CASE WHEN i.rebuttal THEN 1 ELSE 0 END AS priority, d.scheduled_at, c.platform,
                           ROW_NUMBER() OVER (PARTITION BY d.channel_id
                                              ORDER BY CASE WHEN i.rebuttal THEN 1 ELSE 0 END DESC, d.scheduled_at, d.id) AS rn,
                           c.max_in_flight - COALESCE(f.n, 0) AS room
                    FROM delivery d
                    JOIN channel c ON c.id = d.channel_id
                    JOIN content_item i ON i.id = d.content_id
                    LEFT JOIN (SELECT channel_id, COUNT(*) AS n FROM delivery WHERE status = 'PUBLISHING'
                               GROUP BY channel_id) f ON f.channel_id = d.channel_id
                    WHERE d.status = 'SCHEDULED' AND d.scheduled_at <= :now
                      AND (d.not_before IS NULL OR d.not_before <= :now)
                      AND c.active = TRUE AND c.paused_at IS NULL
                      AND (c.cooldown_until IS NULL OR c.cooldown_until <= :now)
                      AND NOT EXISTS (SELECT 1 FROM publish_attempt a WHERE a.delivery_id = d.id
                                      AND a.purpose = 'HANDOFF' AND a.outcome IN ('PENDING', 'UNKNOWN'))
                  ) x
                  WHERE x.rn <= x.room
                ) y
                WHERE y.prn <= """ + platformRoom + """

                ORDER BY y.priority DESC, y.scheduled_at, y.id
                LIMIT :limit""");
        for (var platform : Platform.values()) {
            query = query.param("room_" + platform.name(), Math.max(0, room.getOrDefault(platform, 0)));
        }
        var candidates = query.param("now", utcNow)
                .param("limit", limit)
                .query(Long.class)
                .list();
        if (candidates.isEmpty()) {
            return List.of();
        }
        var locked = jdbc.sql(
                        "SELECT id FROM delivery WHERE id IN (:ids) AND status = 'SCHEDULED' FOR UPDATE SKIP LOCKED")
                .param("ids", candidates)
                .query(Long.class)
                .list();
        return locked.isEmpty() ? List.of() : deliveries.findAll(locked);
    }

    /** Records the intent of an attempt; called in the claim transaction, before the platform is called. */
    Claim recordIntent(Delivery delivery, String node, Instant now, Instant leaseUntil) {
        return recordIntents(List.of(delivery), new Lease(node, now, leaseUntil))
                .get(0);
    }

    /** Who holds an attempt, since when, and until when before it counts as cut off. */
    record Lease(String node, Instant startedAt, Instant until) {}

    /**
     * Records the intents of a claimed batch (deliveries locked by {@link #lockDue}) in three
     * statements whatever its size: the attempts made so far, one batch of inserts, the new ids.
     * The attempt number is one more than the attempts made so far; the key names the delivery and
     * that number, so a platform that deduplicates by it sees a retry of the same attempt as one.
     */
    List<Claim> recordIntents(List<Delivery> locked, Lease lease) {
        if (locked.isEmpty()) {
            return List.of();
        }
        var ids = locked.stream().map(Delivery::id).toList();
        var made = new HashMap<Long, Integer>();
        // The receipt of the latest earlier attempt that had one, for this attempt to resume from.
        var receipts = new HashMap<Long, String>();
        var receiptOf = new HashMap<Long, Integer>();
        jdbc.sql("SELECT delivery_id, attempt_no, receipt FROM publish_attempt WHERE delivery_id IN (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    long deliveryId = rs.getLong("delivery_id");
                    int attemptNo = rs.getInt("attempt_no");
                    made.merge(deliveryId, 1, Integer::sum);
                    var receipt = rs.getString("receipt");
                    if (receipt != null && attemptNo > receiptOf.getOrDefault(deliveryId, 0)) {
                        receiptOf.put(deliveryId, attemptNo);
                        receipts.put(deliveryId, receipt);
                    }
                });
        var rows = new ArrayList<Object[]>();
        var keys = new ArrayList<String>();
        for (var d : locked) {
            int attemptNo = made.getOrDefault(d.id(), 0) + 1;
            var key = "loa-" + d.id() + "-" + attemptNo;
            keys.add(key);
            rows.add(new Object[] {
                d.id(), attemptNo, key, lease.node(), Timestamps.utc(lease.startedAt()), Timestamps.utc(lease.until())
            });
        }
        template.batchUpdate(
                "INSERT INTO publish_attempt (delivery_id, attempt_no, idempotency_key, node, started_at, lease_until,"
                        + " outcome) VALUES (?, ?, ?, ?, ?, ?, 'PENDING')",
                rows);
        var attemptIds = new HashMap<String, Long>();
        jdbc.sql("SELECT id, idempotency_key FROM publish_attempt WHERE idempotency_key IN (:keys)")
                .param("keys", keys)
                .query(rs -> {
                    attemptIds.put(rs.getString("idempotency_key"), rs.getLong("id"));
                });
        var claims = new ArrayList<Claim>();
        for (int i = 0; i < locked.size(); i++) {
            var d = locked.get(i);
            claims.add(new Claim(
                    attemptIds.get(keys.get(i)),
                    d.id(),
                    d.contentId(),
                    d.channelId(),
                    made.getOrDefault(d.id(), 0) + 1,
                    keys.get(i),
                    d.scheduledAt(),
                    receipts.get(d.id())));
        }
        return claims;
    }

    /**
     * Keeps what the platform gave when it accepted an attempt's write, the moment it arrives (its
     * own short transaction), so that a crash right after cannot lose it.
     */
    void keepReceipt(String idempotencyKey, String receipt) {
        jdbc.sql("UPDATE publish_attempt SET receipt = ? WHERE idempotency_key = ?")
                .params(truncate(receipt), idempotencyKey)
                .update();
    }

    /** Records the intent of handing a delivery to the platform's scheduler. */
    long recordHandoffIntent(long deliveryId, String node, Instant now, Instant leaseUntil) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO publish_attempt (delivery_id, attempt_no, idempotency_key, node, started_at, lease_until,"
                        + " outcome, purpose) SELECT ?, COUNT(*) + 1, CONCAT('loa-', CAST(? AS VARCHAR(20)), '-h',"
                        + " CAST(COUNT(*) + 1 AS VARCHAR(10))), ?, ?, ?, 'PENDING', 'HANDOFF' FROM publish_attempt"
                        + " WHERE delivery_id = ?")
                .params(deliveryId, deliveryId, node, Timestamps.utc(now), Timestamps.utc(leaseUntil), deliveryId)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** Generated-key maps are keyed in the database's own case (H2 upper, PostgreSQL lower). */
    private static Object value(Map<String, Object> row, String column) {
        var v = row.get(column);
        return v != null ? v : row.get(column.toUpperCase());
    }

    /** Writes an attempt's outcome if nobody (a settler) took the attempt over; false if someone did. */
    boolean finish(long attemptId, AttemptResult result, Instant now) {
        return jdbc.sql("UPDATE publish_attempt SET outcome = ?, finished_at = ?, external_ref = ?, failure_kind = ?,"
                                + " failure_code = ?, message = ? WHERE id = ? AND outcome IN (" + OPEN + ")")
                        .params(
                                result.outcome().name(),
                                Timestamps.utc(now),
                                result.externalRef(),
                                name(result.failureKind()),
                                result.failureCode(),
                                truncate(result.message()),
                                attemptId)
                        .update()
                == 1;
    }

    /**
     * Marks a pending attempt as unknown, to be settled by reading the platform back: its lease ends
     * now, so the next settler takes it at once.
     */
    boolean markUnknown(long attemptId, AttemptResult unknown, Instant now) {
        return jdbc.sql("UPDATE publish_attempt SET outcome = 'UNKNOWN', lease_until = ?, failure_kind = ?,"
                                + " failure_code = ?, message = ? WHERE id = ? AND outcome = 'PENDING'")
                        .params(
                                Timestamps.utc(now),
                                name(unknown.failureKind()),
                                unknown.failureCode(),
                                truncate(unknown.message()),
                                attemptId)
                        .update()
                == 1;
    }

    /**
     * Takes over, for settling, open attempts of one purpose whose lease ran out (unknown, or their
     * node died or hung): each is marked SETTLING and leased to {@code node} until {@code leaseUntil}.
     * Rows another node is taking at the same moment are skipped. Runs in the caller's transaction.
     */
    List<Unsettled> takeOver(AttemptPurpose purpose, Instant now, String node, Instant leaseUntil, int limit) {
        var ids = jdbc.sql("SELECT id FROM publish_attempt WHERE outcome IN (" + OPEN + ") AND purpose = ?"
                        + " AND lease_until <= ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(purpose.name(), Timestamps.utc(now), limit)
                .query(Long.class)
                .list();
        if (ids.isEmpty()) {
            return List.of();
        }
        jdbc.sql(
                        "UPDATE publish_attempt SET outcome = 'SETTLING', node = :node, lease_until = :lease WHERE id IN (:ids)")
                .param("node", node)
                .param("lease", Timestamps.utc(leaseUntil))
                .param("ids", ids)
                .update();
        return jdbc.sql("SELECT a.id, a.delivery_id, d.content_id, d.channel_id, a.started_at, a.receipt"
                        + " FROM publish_attempt a JOIN delivery d ON d.id = a.delivery_id WHERE a.id IN (:ids)"
                        + " ORDER BY a.id")
                .param("ids", ids)
                .query((rs, n) -> new Unsettled(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        Timestamps.read(rs, "started_at"),
                        rs.getString("receipt")))
                .list();
    }

    /** Deliveries on channels that opted in to native scheduling, not yet handed over, due after {@code now}. */
    List<HandoffCandidate> handoffCandidates(Instant now, int limit) {
        return jdbc.sql("""
                SELECT d.id, d.channel_id, d.scheduled_at FROM delivery d
                JOIN channel c ON c.id = d.channel_id
                JOIN content_item i ON i.id = d.content_id
                WHERE d.status = 'SCHEDULED' AND c.native_scheduling = TRUE AND c.active = TRUE AND c.paused_at IS NULL
                  AND i.status = 'SCHEDULED' AND d.scheduled_at > ?
                  AND NOT EXISTS (SELECT 1 FROM publish_attempt a WHERE a.delivery_id = d.id AND a.purpose = 'HANDOFF'
                                  AND a.outcome IN ('PENDING', 'UNKNOWN', 'FAILED'))
                ORDER BY d.scheduled_at LIMIT ?""")
                .params(Timestamps.utc(now), limit)
                .query((rs, n) ->
                        new HandoffCandidate(rs.getLong(1), rs.getLong(2), Timestamps.read(rs, "scheduled_at")))
                .list();
    }

    /** Locks one delivery that is still SCHEDULED, skipping it if another node holds it; false if not locked. */
    boolean lockScheduled(long deliveryId) {
        return jdbc.sql("SELECT id FROM delivery WHERE id = ? AND status = 'SCHEDULED' FOR UPDATE SKIP LOCKED")
                .param(deliveryId)
                .query(Long.class)
                .optional()
                .isPresent();
    }

    /** Handed-off deliveries whose instant was at or before {@code before}: time to check the platform published them. */
    List<Long> handedOffBefore(Instant before, int limit) {
        return jdbc.sql("SELECT id FROM delivery WHERE status = 'HANDED_OFF' AND scheduled_at <= ? ORDER BY id LIMIT ?")
                .params(Timestamps.utc(before), limit)
                .query(Long.class)
                .list();
    }

    /** The deliveries of one channel in one state (a pause holds the scheduled ones, a reconnect releases the held). */
    List<Long> deliveriesOf(long channelId, DeliveryStatus status) {
        return jdbc.sql("SELECT id FROM delivery WHERE channel_id = ? AND status = ? ORDER BY id")
                .params(channelId, status.name())
                .query(Long.class)
                .list();
    }

    /**
     * The held deliveries of one channel that a reconnect may release: not those an emergency stop
     * holds, which only the stop's end (or a planner, when late) releases.
     */
    List<Long> heldForReconnect(long channelId) {
        return jdbc.sql("SELECT id FROM delivery d WHERE channel_id = ? AND status = 'HELD'"
                        + " AND NOT EXISTS (SELECT 1 FROM emergency_hold h WHERE h.delivery_id = d.id) ORDER BY id")
                .param(channelId)
                .query(Long.class)
                .list();
    }

    /** How many deliveries are in one state, over all channels. */
    public long count(DeliveryStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM delivery WHERE status = ?")
                .param(status.name())
                .query(Long.class)
                .single();
    }

    /** Per channel id, how its deliveries stand; channels with none are left out. */
    public Map<Long, ChannelQueue> queues() {
        var queues = new HashMap<Long, ChannelQueue>();
        jdbc.sql("SELECT channel_id, SUM(CASE WHEN status = 'HELD' THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN status = 'SCHEDULED' OR status = 'HANDED_OFF' THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END), MAX(published_at) AS last_published"
                        + " FROM delivery GROUP BY channel_id")
                .query(rs -> {
                    queues.put(
                            rs.getLong(1),
                            new ChannelQueue(
                                    rs.getLong(2),
                                    rs.getLong(3),
                                    rs.getLong(4),
                                    Timestamps.read(rs, "last_published")));
                });
        return queues;
    }

    /** Per channel id, the message its latest attempt with one left (a failure, a retry, a settlement). */
    public Map<Long, LastMessage> lastMessages() {
        var messages = new HashMap<Long, LastMessage>();
        jdbc.sql(
                        "SELECT d.channel_id, a.message, a.finished_at FROM publish_attempt a JOIN delivery d ON d.id = a.delivery_id"
                                + " WHERE a.id IN (SELECT MAX(a2.id) FROM publish_attempt a2 JOIN delivery d2 ON d2.id = a2.delivery_id"
                                + " WHERE a2.message IS NOT NULL GROUP BY d2.channel_id)")
                .query(rs -> {
                    messages.put(rs.getLong(1), new LastMessage(rs.getString(2), Timestamps.read(rs, "finished_at")));
                });
        return messages;
    }

    void retryNotBefore(long deliveryId, Instant notBefore) {
        jdbc.sql("UPDATE delivery SET not_before = ? WHERE id = ?")
                .params(Timestamps.utc(notBefore), deliveryId)
                .update();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 4000);
    }
}
