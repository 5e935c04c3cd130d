package vn.loa.app.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.loa.app.persistence.Timestamps;

/**
 * The alert table: what needs someone's attention (GET /api/alerts). Every feature raises and
 * resolves its alerts here; nothing else writes or reads the table. Runs in the caller's transaction.
 */
@Repository
public class Alerts {

    /** One alert; {@code resolvedAt} is null while it is open. */
    public record Alert(
            long id,
            Instant occurredAt,
            AlertKind kind,
            Long channelId,
            Long contentId,
            String message,
            Instant resolvedAt) {}

    /** At most this many alerts are listed, newest first. */
    static final int LIST_LIMIT = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    public Alerts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Raises an alert now; {@code channelId} and {@code contentId} may be null. */
    public void raise(AlertKind kind, Long channelId, Long contentId, String message) {
        jdbc.sql("INSERT INTO alert (occurred_at, kind, channel_id, content_id, message) VALUES (?, ?, ?, ?, ?)")
                .params(Timestamps.utc(clock.instant()), kind.code(), channelId, contentId, truncate(message))
                .update();
    }

    /** Resolves the open alerts of one kind on one channel; returns how many. */
    public int resolve(AlertKind kind, long channelId) {
        return jdbc.sql("UPDATE alert SET resolved_at = ? WHERE channel_id = ? AND kind = ? AND resolved_at IS NULL")
                .params(Timestamps.utc(clock.instant()), channelId, kind.code())
                .update();
    }

    /** The newest alerts, open ones only or all. */
    public List<Alert> list(boolean openOnly) {
        return jdbc.sql("SELECT id, occurred_at, kind, channel_id, content_id, message, resolved_at FROM alert"
                        + (openOnly ? " WHERE resolved_at IS NULL" : "")
                        + " ORDER BY occurred_at DESC, id DESC LIMIT " + LIST_LIMIT)
                .query((rs, n) -> new Alert(
                        rs.getLong("id"),
                        Timestamps.read(rs, "occurred_at"),
                        new AlertKind(rs.getString("kind")),
                        rs.getObject("channel_id", Long.class),
                        rs.getObject("content_id", Long.class),
                        rs.getString("message"),
                        Timestamps.read(rs, "resolved_at")))
                .list();
    }

    /** How many alerts are open. */
    public long openCount() {
        return jdbc.sql("SELECT COUNT(*) FROM alert WHERE resolved_at IS NULL")
                .query(Long.class)
                .single();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
