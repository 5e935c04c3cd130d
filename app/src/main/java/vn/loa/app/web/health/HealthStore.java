package vn.loa.app.web.health;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.app.persistence.Timestamps;

/** What the channel health page reads: pauses, counts of held and waiting deliveries, last errors, open alerts. */
@Repository
public class HealthStore {

    /** The engine's view of one channel. */
    public record ChannelState(
            long channelId,
            Instant pausedAt,
            String pausedReason,
            Instant cooldownUntil,
            long held,
            long scheduled,
            long failed,
            String lastError,
            Instant lastErrorAt,
            Instant lastPublishedAt) {}

    public record Alert(long id, Instant occurredAt, String kind, Long channelId, Long contentId, String message) {}

    private final JdbcClient jdbc;

    HealthStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Map<Long, ChannelState> channels() {
        var counts = new HashMap<Long, long[]>();
        jdbc.sql("SELECT channel_id, SUM(CASE WHEN status = 'HELD' THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN status = 'SCHEDULED' OR status = 'HANDED_OFF' THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END), MAX(published_at)"
                        + " FROM delivery GROUP BY channel_id")
                .query(rs -> {
                    var max = rs.getObject(5, OffsetDateTime.class);
                    var last = max == null ? null : max.toInstant();
                    counts.put(rs.getLong(1), new long[] {
                        rs.getLong(2), rs.getLong(3), rs.getLong(4), last == null ? Long.MIN_VALUE : last.toEpochMilli()
                    });
                });
        var errors = new HashMap<Long, Object[]>();
        jdbc.sql(
                        "SELECT d.channel_id, a.message, a.finished_at FROM publish_attempt a JOIN delivery d ON d.id = a.delivery_id"
                                + " WHERE a.id IN (SELECT MAX(a2.id) FROM publish_attempt a2 JOIN delivery d2 ON d2.id = a2.delivery_id"
                                + " WHERE a2.message IS NOT NULL GROUP BY d2.channel_id)")
                .query(rs -> {
                    errors.put(rs.getLong(1), new Object[] {rs.getString(2), Timestamps.read(rs, "finished_at")});
                });
        var result = new HashMap<Long, ChannelState>();
        jdbc.sql("SELECT id, paused_at, paused_reason, cooldown_until FROM channel")
                .query(rs -> {
                    var id = rs.getLong(1);
                    var c = counts.getOrDefault(id, new long[] {0, 0, 0, Long.MIN_VALUE});
                    var e = errors.getOrDefault(id, new Object[] {null, null});
                    result.put(
                            id,
                            new ChannelState(
                                    id,
                                    Timestamps.read(rs, "paused_at"),
                                    rs.getString(3),
                                    Timestamps.read(rs, "cooldown_until"),
                                    c[0],
                                    c[1],
                                    c[2],
                                    (String) e[0],
                                    (Instant) e[1],
                                    c[3] == Long.MIN_VALUE ? null : Instant.ofEpochMilli(c[3])));
                });
        return result;
    }

    @Transactional(readOnly = true)
    public List<Alert> openAlerts() {
        return jdbc.sql("SELECT id, occurred_at, kind, channel_id, content_id, message FROM alert"
                        + " WHERE resolved_at IS NULL ORDER BY occurred_at DESC, id DESC LIMIT 200")
                .query((rs, n) -> new Alert(
                        rs.getLong(1),
                        Timestamps.read(rs, "occurred_at"),
                        rs.getString(3),
                        rs.getObject(4, Long.class),
                        rs.getObject(5, Long.class),
                        rs.getString(6)))
                .list();
    }

    @Transactional(readOnly = true)
    public long openAlertCount() {
        return jdbc.sql("SELECT COUNT(*) FROM alert WHERE resolved_at IS NULL")
                .query(Long.class)
                .single();
    }
}
