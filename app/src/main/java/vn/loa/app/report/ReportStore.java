package vn.loa.app.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.loa.app.persistence.Timestamps;
import vn.loa.connectors.Engagement;

/**
 * The report queries: read from the daily rollups and the latest value per post (never from the raw
 * snapshot history, so they cost the same over ten snapshots or ten million). The only class with
 * SQL for reports. Runs in the caller's transaction.
 */
@Repository
public class ReportStore {

    /** One published (or since removed) post of a campaign with its latest values and its channel. */
    public record PostRow(
            long deliveryId,
            long contentId,
            String title,
            long channelId,
            String channel,
            String platform,
            String role,
            String organisation,
            long followers,
            Instant publishedAt,
            Engagement latest,
            boolean reachReported) {

        /** A post's audience: its reach where the platform reports one, otherwise the channel's followers. */
        public long audience() {
            return reachReported && latest.reach() > 0 ? latest.reach() : followers;
        }
    }

    /** What one day added up to. */
    public record DayTotal(LocalDate day, Engagement engagement) {}

    /** The posts that went out in a period for one theme, and their audience. */
    public record ThemePosts(long posts, long audience) {}

    /** One post of a channel: when it went out (UTC) and the interactions it has gathered. */
    public record Published(Instant at, long interactions) {}

    private static final String SUMS = "COALESCE(SUM(reactions), 0), COALESCE(SUM(comments), 0),"
            + " COALESCE(SUM(shares), 0), COALESCE(SUM(views), 0), COALESCE(SUM(reach), 0)";

    private final JdbcClient jdbc;

    public ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every post of the campaign that went out (published or since removed), with its latest values. */
    public List<PostRow> campaignPosts(long campaignId) {
        return jdbc.sql("SELECT d.id, i.id, i.title, ch.id, ch.display_name, ch.platform, ch.channel_role,"
                        + " ch.organisation, ch.follower_count, d.published_at, l.reactions, l.comments, l.shares, l.views,"
                        + " l.reach FROM delivery d JOIN content_item i ON i.id = d.content_id"
                        + " JOIN channel ch ON ch.id = d.channel_id LEFT JOIN engagement_latest l ON l.delivery_id = d.id"
                        + " WHERE i.campaign_id = ? AND d.status IN ('PUBLISHED', 'REMOVED')")
                .param(campaignId)
                .query((rs, n) -> new PostRow(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getLong(9),
                        Timestamps.read(rs, "published_at"),
                        engagement(rs, 11),
                        rs.getObject(15) != null))
                .list();
    }

    /** What a platform did not do on a campaign's post that went out all the same (a thumbnail refused). */
    public record NoticeRow(
            long deliveryId, String title, String channel, String kind, String platformCode, String message) {}

    /** The campaign's delivery notices, oldest first. */
    public List<NoticeRow> campaignNotices(long campaignId) {
        return jdbc.sql("SELECT n.delivery_id, i.title, ch.display_name, n.kind, n.platform_code, n.message"
                        + " FROM delivery_notice n JOIN delivery d ON d.id = n.delivery_id"
                        + " JOIN content_item i ON i.id = d.content_id JOIN channel ch ON ch.id = d.channel_id"
                        + " WHERE i.campaign_id = ? ORDER BY n.occurred_at, n.id")
                .param(campaignId)
                .query((rs, n) -> new NoticeRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    /** What the days added for the campaign, in all. */
    public Engagement campaignTotal(long campaignId) {
        return jdbc.sql("SELECT " + SUMS + " FROM engagement_daily WHERE campaign_id = ?")
                .param(campaignId)
                .query((rs, n) -> engagement(rs, 1))
                .single();
    }

    /** What each day added for the campaign. */
    public List<DayTotal> campaignTimeline(long campaignId) {
        return jdbc.sql("SELECT stat_day, " + SUMS
                        + " FROM engagement_daily WHERE campaign_id = ? GROUP BY stat_day ORDER BY stat_day")
                .param(campaignId)
                .query((rs, n) -> new DayTotal(rs.getObject(1, LocalDate.class), engagement(rs, 2)))
                .list();
    }

    /** What each day of [from, to] added, all campaigns together. */
    public List<DayTotal> timeline(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT stat_day, " + SUMS
                        + " FROM engagement_daily WHERE stat_day BETWEEN ? AND ? GROUP BY stat_day ORDER BY stat_day")
                .params(from, to)
                .query((rs, n) -> new DayTotal(rs.getObject(1, LocalDate.class), engagement(rs, 2)))
                .list();
    }

    /** What the days of [from, to] added, per theme id. */
    public Map<Long, Engagement> addedByTheme(LocalDate from, LocalDate to) {
        var sums = new HashMap<Long, Engagement>();
        jdbc.sql("SELECT theme_id, " + SUMS + " FROM engagement_daily WHERE stat_day BETWEEN ? AND ? GROUP BY theme_id")
                .params(from, to)
                .query(rs -> {
                    sums.put(rs.getLong(1), engagement(rs, 2));
                });
        return sums;
    }

    /** The posts that went out in [from, until), per theme id, with their audience. */
    public Map<Long, ThemePosts> postsByTheme(OffsetDateTime from, OffsetDateTime until) {
        var posts = new HashMap<Long, ThemePosts>();
        jdbc.sql("SELECT c.theme_id, COUNT(*), COALESCE(SUM(CASE WHEN l.reach IS NOT NULL AND l.reach > 0 THEN l.reach"
                        + " ELSE ch.follower_count END), 0) FROM delivery d JOIN content_item i ON i.id = d.content_id"
                        + " JOIN campaign c ON c.id = i.campaign_id JOIN channel ch ON ch.id = d.channel_id"
                        + " LEFT JOIN engagement_latest l ON l.delivery_id = d.id"
                        + " WHERE d.status IN ('PUBLISHED', 'REMOVED') AND d.published_at >= ? AND d.published_at < ?"
                        + " GROUP BY c.theme_id")
                .params(from, until)
                .query(rs -> {
                    posts.put(rs.getLong(1), new ThemePosts(rs.getLong(2), rs.getLong(3)));
                });
        return posts;
    }

    /** The channel's most recent posts that have been read back, newest first. */
    public List<Published> channelPosts(long channelId, int limit) {
        return jdbc.sql("SELECT d.published_at, l.interactions FROM engagement_latest l JOIN delivery d"
                        + " ON d.id = l.delivery_id WHERE d.channel_id = ? AND d.published_at IS NOT NULL"
                        + " ORDER BY d.published_at DESC LIMIT ?")
                .params(channelId, limit)
                .query((rs, n) -> new Published(Timestamps.read(rs, "published_at"), rs.getLong(2)))
                .list();
    }

    /** Five counts from {@code first} on: reactions, comments, shares, views, reach (null as zero). */
    private static Engagement engagement(ResultSet rs, int first) throws SQLException {
        return new Engagement(
                rs.getLong(first),
                rs.getLong(first + 1),
                rs.getLong(first + 2),
                rs.getLong(first + 3),
                rs.getLong(first + 4));
    }
}
