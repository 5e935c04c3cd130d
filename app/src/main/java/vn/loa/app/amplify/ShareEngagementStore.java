package vn.loa.app.amplify;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.loa.app.persistence.Timestamps;
import vn.loa.connectors.EngagementSnapshot;
import vn.loa.connectors.Platform;

/** What partners' shares gathered, and when to read them next. The only class with SQL on share_engagement. */
@Repository
class ShareEngagementStore {

    /** A share due a read, with the page it is on and the channel Loa holds for that page, if any. */
    record DueShare(
            long shareId,
            long pageId,
            Platform platform,
            String pageExternalId,
            Long channelId,
            String postId,
            Instant sharedAt,
            int readsDone) {}

    /**
     * What one read said: the counts ({@code snapshot}, null when nothing was read), the reads done,
     * the next read (null: no more) and why, when reading stopped.
     */
    record Outcome(long shareId, EngagementSnapshot snapshot, int readsDone, Instant nextReadAt, String note) {}

    private final JdbcClient jdbc;

    ShareEngagementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DueShare> due(Instant now, int limit) {
        return jdbc.sql("SELECT e.share_id, s.page_id, pg.platform, pg.external_id, pg.channel_id, s.post_id,"
                        + " s.shared_at, e.reads_done FROM share_engagement e"
                        + " JOIN partner_share s ON s.id = e.share_id JOIN partner_page pg ON pg.id = s.page_id"
                        + " WHERE e.next_read_at <= ? ORDER BY e.next_read_at, e.share_id LIMIT ?")
                .params(Timestamps.utc(now), limit)
                .query((rs, n) -> new DueShare(
                        rs.getLong("share_id"),
                        rs.getLong("page_id"),
                        Platform.valueOf(rs.getString("platform")),
                        rs.getString("external_id"),
                        rs.getObject("channel_id", Long.class),
                        rs.getString("post_id"),
                        Timestamps.read(rs, "shared_at"),
                        rs.getInt("reads_done")))
                .list();
    }

    void record(Instant now, List<Outcome> outcomes) {
        for (var o : outcomes) {
            var s = o.snapshot();
            if (s == null) {
                jdbc.sql("UPDATE share_engagement SET reads_done = ?, next_read_at = ?, note = ? WHERE share_id = ?")
                        .params(o.readsDone(), Timestamps.utc(o.nextReadAt()), o.note(), o.shareId())
                        .update();
                continue;
            }
            jdbc.sql("UPDATE share_engagement SET read_at = ?, reactions = ?, comments = ?, shares = ?, views = ?,"
                            + " reach = ?, interactions = ?, reads_done = ?, next_read_at = ?, note = ?"
                            + " WHERE share_id = ?")
                    .params(
                            Timestamps.utc(now),
                            s.reactions(),
                            s.comments(),
                            s.shares(),
                            s.views(),
                            s.reach(),
                            s.interactions(),
                            o.readsDone(),
                            Timestamps.utc(o.nextReadAt()),
                            o.note(),
                            o.shareId())
                    .update();
        }
    }
}
