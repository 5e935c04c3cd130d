package vn.loa.app.listening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.loa.app.persistence.JsonLists;
import vn.loa.app.persistence.Timestamps;

/** Listening signals and the rebuttals drafted from them (listening_signal). Runs in the caller's transaction. */
@Repository
public class SignalStore {

    /** A stored signal; {@code contentId} is the rebuttal drafted from it, if any. */
    public record Signal(long id, NewSignal what, Long contentId, Instant draftedAt, String draftedBy) {}

    /** What was noticed: a spike (with its count, baseline and threshold) or a picked comment. */
    public record NewSignal(
            SignalKind kind,
            Long topicId,
            long channelId,
            Long deliveryId,
            Long commentId,
            Instant detectedAt,
            Long hourCount,
            Double baselineMean,
            Double threshold,
            List<Long> examples) {}

    private static final String COLUMNS = "id, kind, topic_id, channel_id, delivery_id, comment_id, detected_at,"
            + " hour_count, baseline_mean, threshold, examples, content_id, drafted_at, drafted_by";

    private final JdbcClient jdbc;
    private final JsonLists json;

    public SignalStore(JdbcClient jdbc, JsonLists json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public long insert(NewSignal s) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO listening_signal (kind, topic_id, channel_id, delivery_id, comment_id, detected_at,"
                        + " hour_count, baseline_mean, threshold, examples) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        s.kind().name(),
                        s.topicId(),
                        s.channelId(),
                        s.deliveryId(),
                        s.commentId(),
                        Timestamps.utc(s.detectedAt()),
                        s.hourCount(),
                        s.baselineMean(),
                        s.threshold(),
                        json.write(s.examples().stream().map(String::valueOf).toList()))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    public Optional<Signal> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM listening_signal WHERE id = ?")
                .param(id)
                .query(this::row)
                .optional();
    }

    /** Locks the signal's row, so that two people drafting from it at once make one rebuttal. */
    public Optional<Signal> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM listening_signal WHERE id = ? FOR UPDATE")
                .param(id)
                .query(this::row)
                .optional();
    }

    /** The signal already made from one comment, if any. */
    public Optional<Signal> ofComment(long commentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM listening_signal WHERE comment_id = ? AND kind = 'COMMENT'"
                        + " ORDER BY id LIMIT 1")
                .param(commentId)
                .query(this::row)
                .optional();
    }

    /** Whether a spike of this topic on this channel was signalled at or after {@code since}. */
    public boolean spikeSince(long topicId, long channelId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM listening_signal WHERE kind = 'SPIKE' AND topic_id = ? AND channel_id = ?"
                                + " AND detected_at >= ?")
                        .params(topicId, channelId, Timestamps.utc(since))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The newest signals, at most {@code limit}. */
    public List<Signal> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM listening_signal ORDER BY detected_at DESC, id DESC LIMIT ?")
                .param(limit)
                .query(this::row)
                .list();
    }

    /**
     * The steps of every rebuttal drafted from a signal detected in [from, to): its theme (the
     * rebuttal's campaign's), approval (first APPROVED in its audit trail), live (first publication
     * on an official channel), first partner share.
     */
    public List<ListeningResults.Timing> timings(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT c.theme_id, s.id, s.content_id, s.detected_at, s.drafted_at,
                  (SELECT MIN(a.occurred_at) FROM audit_entry a WHERE a.subject = 'CONTENT' AND a.subject_id = s.content_id
                     AND a.to_state = 'APPROVED') AS approved_at,
                  (SELECT MIN(d.published_at) FROM delivery d JOIN channel ch ON ch.id = d.channel_id
                     WHERE d.content_id = s.content_id AND d.status = 'PUBLISHED' AND ch.channel_role = 'OFFICIAL') AS live_at,
                  (SELECT MIN(ps.shared_at) FROM partner_share ps JOIN content_pack p ON p.id = ps.pack_id
                     WHERE p.content_id = s.content_id) AS first_share_at
                FROM listening_signal s
                JOIN content_item i ON i.id = s.content_id
                JOIN campaign c ON c.id = i.campaign_id
                WHERE s.detected_at >= ? AND s.detected_at < ?
                ORDER BY c.theme_id, s.detected_at""")
                .params(Timestamps.utc(from), Timestamps.utc(to))
                .query((rs, n) -> new ListeningResults.Timing(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        Timestamps.read(rs, "detected_at"),
                        Timestamps.read(rs, "drafted_at"),
                        Timestamps.read(rs, "approved_at"),
                        Timestamps.read(rs, "live_at"),
                        Timestamps.read(rs, "first_share_at")))
                .list();
    }

    public void drafted(long signalId, long contentId, Instant at, String by) {
        jdbc.sql("UPDATE listening_signal SET content_id = ?, drafted_at = ?, drafted_by = ? WHERE id = ?")
                .params(contentId, Timestamps.utc(at), by, signalId)
                .update();
    }

    private Signal row(ResultSet rs, int n) throws SQLException {
        return new Signal(
                rs.getLong("id"),
                new NewSignal(
                        SignalKind.valueOf(rs.getString("kind")),
                        rs.getObject("topic_id", Long.class),
                        rs.getLong("channel_id"),
                        rs.getObject("delivery_id", Long.class),
                        rs.getObject("comment_id", Long.class),
                        Timestamps.read(rs, "detected_at"),
                        rs.getObject("hour_count", Long.class),
                        rs.getObject("baseline_mean", Double.class),
                        rs.getObject("threshold", Double.class),
                        json.read(rs.getString("examples")).stream()
                                .map(Long::valueOf)
                                .toList()),
                rs.getObject("content_id", Long.class),
                Timestamps.read(rs, "drafted_at"),
                rs.getString("drafted_by"));
    }
}
