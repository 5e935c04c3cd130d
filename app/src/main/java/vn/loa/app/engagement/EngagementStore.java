package vn.loa.app.engagement;

import static vn.loa.app.persistence.SqlRows.flatten;
import static vn.loa.app.persistence.SqlRows.rows;
import static vn.loa.app.persistence.SqlRows.typedRows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.loa.app.engagement.EngagementCollector.Due;
import vn.loa.app.persistence.Timestamps;
import vn.loa.connectors.Engagement;
import vn.loa.connectors.EngagementSnapshot;
import vn.loa.connectors.Platform;

/**
 * The engagement tables: read schedules, snapshots, the latest values per post, the daily rollups
 * per channel and campaign, and channel follower counts per day. The only class with SQL on them
 * for collection (reports read them through {@code report.ReportStore}). Runs in the caller's
 * transaction.
 */
@Repository
public class EngagementStore {

    /** A published post without a read schedule yet. */
    public record NewPost(long deliveryId, long channelId, Instant publishedAt) {}

    /** A post's read schedule after a read: how many reads are done and when the next is (none: stop reading). */
    public record NextRead(long deliveryId, int readsDone, Instant nextReadAt) {}

    /** What one post had gathered when it was read. */
    public record Read(long deliveryId, EngagementSnapshot snapshot) {}

    /** What a day added for one channel and campaign (the rollup's key is day, channel, campaign). */
    public record DayAdded(
            LocalDate day, long channelId, long campaignId, long themeId, Platform platform, Engagement added) {}

    private static final String[] LATEST_TYPES = {
        "BIGINT", "TIMESTAMP WITH TIME ZONE", "BIGINT", "BIGINT", "BIGINT", "BIGINT", "BIGINT", "BIGINT"
    };
    private static final String[] DAILY_TYPES = {
        "DATE", "BIGINT", "BIGINT", "BIGINT", "VARCHAR(16)", "BIGINT", "BIGINT", "BIGINT", "BIGINT", "BIGINT", "BIGINT"
    };
    private static final String[] SCHEDULE_TYPES = {"INT", "TIMESTAMP WITH TIME ZONE", "BIGINT"};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public EngagementStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Published posts that have no read schedule yet, oldest first. */
    public List<NewPost> unscheduled(int limit) {
        return jdbc.sql("SELECT d.id, d.channel_id, d.published_at FROM delivery d WHERE d.status = 'PUBLISHED'"
                        + " AND d.external_ref IS NOT NULL AND d.published_at IS NOT NULL AND NOT EXISTS"
                        + " (SELECT 1 FROM engagement_schedule s WHERE s.delivery_id = d.id) ORDER BY d.id LIMIT ?")
                .param(limit)
                .query((rs, n) -> new NewPost(rs.getLong(1), rs.getLong(2), Timestamps.read(rs, "published_at")))
                .list();
    }

    /** Starts the read schedule of each post: no read done, the first one at {@code firstReads}' instant (or none). */
    public void startSchedules(List<NewPost> posts, Map<Long, Instant> firstReads) {
        if (posts.isEmpty()) {
            return;
        }
        template.batchUpdate(
                "INSERT INTO engagement_schedule (delivery_id, channel_id, published_at, reads_done, next_read_at)"
                        + " VALUES (?, ?, ?, 0, ?)",
                posts.stream()
                        .map(p -> new Object[] {
                            p.deliveryId(),
                            p.channelId(),
                            Timestamps.utc(p.publishedAt()),
                            Timestamps.utc(firstReads.get(p.deliveryId()))
                        })
                        .toList());
    }

    /** Posts due a read at {@code now}, still published, in channel order. */
    public List<Due> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT s.delivery_id, s.channel_id, d.external_ref, s.published_at, s.reads_done, i.campaign_id, c.theme_id
                FROM engagement_schedule s
                JOIN delivery d ON d.id = s.delivery_id
                JOIN content_item i ON i.id = d.content_id
                JOIN campaign c ON c.id = i.campaign_id
                WHERE s.next_read_at <= ? AND d.status = 'PUBLISHED'
                ORDER BY s.channel_id, s.next_read_at, s.delivery_id
                LIMIT ?""")
                .params(Timestamps.utc(now), limit)
                .query((rs, n) -> new Due(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        Timestamps.read(rs, "published_at"),
                        rs.getInt(5),
                        rs.getLong(6),
                        rs.getLong(7)))
                .list();
    }

    /** The latest values stored for each of these posts (absent: never read). */
    public Map<Long, Engagement> latest(Collection<Long> deliveryIds) {
        var latest = new HashMap<Long, Engagement>();
        if (deliveryIds.isEmpty()) {
            return latest;
        }
        jdbc.sql("SELECT delivery_id, reactions, comments, shares, views, reach FROM engagement_latest"
                        + " WHERE delivery_id IN (:ids)")
                .param("ids", deliveryIds)
                .query(rs -> {
                    latest.put(
                            rs.getLong(1),
                            new Engagement(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
                });
        return latest;
    }

    /**
     * Stores one chunk of reads: a snapshot and the latest values per post read, what each day added
     * (summed onto the rollup), and every post's next read — one multi-row statement per table.
     */
    public void record(Instant readAt, List<Read> reads, List<DayAdded> days, List<NextRead> next) {
        var at = Timestamps.utc(readAt);
        if (!reads.isEmpty()) {
            var snapshots = new ArrayList<Object[]>();
            var latest = new ArrayList<Object[]>();
            for (var r : reads) {
                var s = r.snapshot();
                snapshots.add(
                        new Object[] {r.deliveryId(), at, s.reactions(), s.comments(), s.shares(), s.views(), s.reach()
                        });
                latest.add(new Object[] {
                    r.deliveryId(), at, s.reactions(), s.comments(), s.shares(), s.views(), s.reach(), s.interactions()
                });
            }
            template.update(
                    "INSERT INTO engagement_snapshot (delivery_id, read_at, reactions, comments, shares, views, reach)"
                            + " VALUES " + rows(snapshots.size(), 7),
                    flatten(snapshots));
            template.update(
                    "MERGE INTO engagement_latest t USING (VALUES " + typedRows(latest.size(), LATEST_TYPES)
                            + ") AS s (delivery_id, read_at, reactions, comments, shares, views, reach, interactions)"
                            + " ON t.delivery_id = s.delivery_id"
                            + " WHEN MATCHED THEN UPDATE SET read_at = s.read_at, reactions = s.reactions, comments = s.comments,"
                            + " shares = s.shares, views = s.views, reach = s.reach, interactions = s.interactions"
                            + " WHEN NOT MATCHED THEN INSERT (delivery_id, read_at, reactions, comments, shares, views, reach,"
                            + " interactions) VALUES (s.delivery_id, s.read_at, s.reactions, s.comments, s.shares, s.views, s.reach,"
                            + " s.interactions)",
                    flatten(latest));
        }
        if (!days.isEmpty()) {
            var daily = days.stream()
                    .map(d -> {
                        var e = d.added();
                        return new Object[] {
                            d.day(),
                            d.channelId(),
                            d.campaignId(),
                            d.themeId(),
                            d.platform().name(),
                            e.reactions(),
                            e.comments(),
                            e.shares(),
                            e.views(),
                            e.reach(),
                            e.interactions()
                        };
                    })
                    .toList();
            template.update(
                    "MERGE INTO engagement_daily t USING (VALUES " + typedRows(daily.size(), DAILY_TYPES)
                            + ") AS s (stat_day, channel_id, campaign_id, theme_id, platform, reactions, comments, shares, views,"
                            + " reach, interactions)"
                            + " ON t.stat_day = s.stat_day AND t.channel_id = s.channel_id AND t.campaign_id = s.campaign_id"
                            + " WHEN MATCHED THEN UPDATE SET reactions = t.reactions + s.reactions, comments = t.comments + s.comments,"
                            + " shares = t.shares + s.shares, views = t.views + s.views, reach = t.reach + s.reach,"
                            + " interactions = t.interactions + s.interactions"
                            + " WHEN NOT MATCHED THEN INSERT (stat_day, channel_id, campaign_id, theme_id, platform, reactions,"
                            + " comments, shares, views, reach, interactions) VALUES (s.stat_day, s.channel_id, s.campaign_id,"
                            + " s.theme_id, s.platform, s.reactions, s.comments, s.shares, s.views, s.reach, s.interactions)",
                    flatten(daily));
        }
        if (!next.isEmpty()) {
            template.update(
                    "MERGE INTO engagement_schedule t USING (VALUES " + typedRows(next.size(), SCHEDULE_TYPES)
                            + ") AS s (reads_done, next_read_at, delivery_id) ON t.delivery_id = s.delivery_id"
                            + " WHEN MATCHED THEN UPDATE SET reads_done = s.reads_done, next_read_at = s.next_read_at",
                    flatten(next.stream()
                            .map(n -> new Object[] {n.readsDone(), Timestamps.utc(n.nextReadAt()), n.deliveryId()})
                            .toList()));
        }
    }

    /** Channels with posts being read whose follower count for {@code day} is not stored yet. */
    /** Whether a run would find anything to do: a post due a read, or a channel whose followers were not read {@code day}. */
    public boolean anythingToRead(Instant now, LocalDate day) {
        return jdbc.sql(
                                "SELECT CASE WHEN EXISTS (SELECT 1 FROM engagement_schedule s JOIN delivery d ON d.id = s.delivery_id"
                                        + " WHERE s.next_read_at <= ? AND d.status = 'PUBLISHED') OR EXISTS (SELECT 1 FROM engagement_schedule s"
                                        + " WHERE NOT EXISTS (SELECT 1 FROM channel_followers f WHERE f.channel_id = s.channel_id"
                                        + " AND f.stat_day = ?)) THEN 1 ELSE 0 END")
                        .params(Timestamps.utc(now), day)
                        .query(Integer.class)
                        .single()
                == 1;
    }

    public List<Long> channelsWithoutFollowers(LocalDate day) {
        return jdbc.sql("SELECT DISTINCT s.channel_id FROM engagement_schedule s WHERE NOT EXISTS"
                        + " (SELECT 1 FROM channel_followers f WHERE f.channel_id = s.channel_id AND f.stat_day = ?)")
                .param(day)
                .query(Long.class)
                .list();
    }

    /** Stores a channel's follower count for the day, and as the channel's current count. */
    public void recordFollowers(long channelId, LocalDate day, long followers) {
        jdbc.sql("INSERT INTO channel_followers (channel_id, stat_day, followers) VALUES (?, ?, ?)")
                .params(channelId, day, followers)
                .update();
        jdbc.sql("UPDATE channel SET follower_count = ? WHERE id = ?")
                .params(followers, channelId)
                .update();
    }
}
