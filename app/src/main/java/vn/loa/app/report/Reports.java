package vn.loa.app.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.app.config.LoaProperties;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.campaign.CampaignPlanning;
import vn.loa.campaigns.channel.Channels;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.theme.Themes;

/**
 * Reports for leadership, read from the daily rollups and the latest value per post (never from the
 * raw snapshot history, so they cost the same over ten snapshots or ten million).
 *
 * <p>Engagement rate: interactions (reactions + comments + shares) divided by the audience, where a
 * post's audience is its reach when the platform reports one (Facebook insights) and otherwise the
 * channel's followers. Reach achieved (for the KPI) is the reach reported, plus views where a
 * platform reports no reach (YouTube, Zalo).
 */
@Service
@Transactional(readOnly = true)
public class Reports {

    public record Totals(long posts, long reactions, long comments, long shares, long views, long reach,
                         long interactions, long audience) {

        public double engagementRate() {
            return audience == 0 ? 0 : (double) interactions / audience;
        }

        public long reachAchieved(long viewsWithoutReach) {
            return reach + viewsWithoutReach;
        }
    }

    public record Day(LocalDate day, long reactions, long comments, long shares, long views, long reach,
                      long interactions) {}

    public record Slice(String key, String label, String role, String organisation, Totals totals) {}

    public record Post(long deliveryId, long contentId, String title, String channel, String platform, String publishedAt,
                       long reactions, long comments, long shares, long views, long reach, long interactions) {}

    public record Kpi(String name, Long target, long achieved, Double percent) {}

    public record CampaignReport(long campaignId, String campaign, String theme, LocalDate from, LocalDate to,
                                 Totals totals, List<Kpi> kpis, List<Day> timeline, List<Slice> platforms,
                                 List<Slice> channels, List<Slice> partners, List<Post> top, List<Post> bottom) {}

    public record ThemeLine(long themeId, String code, String name, Totals current, Totals previous) {}

    public record PeriodReport(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo,
                               Totals current, Totals previous, List<ThemeLine> themes, List<Day> timeline) {}

    public record Cell(int key, long posts, double averageInteractions) {}

    public record BestTimes(long channelId, String channel, String zone, List<Cell> byHour, List<Cell> byWeekday,
                            Integer bestHour, DayOfWeek bestDay) {}

    private final JdbcClient jdbc;
    private final CampaignPlanning campaigns;
    private final Themes themes;
    private final Channels channels;
    private final LoaProperties loa;

    public Reports(JdbcClient jdbc, CampaignPlanning campaigns, Themes themes, Channels channels, LoaProperties loa) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.themes = themes;
        this.channels = channels;
        this.loa = loa;
    }

    public CampaignReport campaign(long campaignId, Actor actor) {
        requireReader(actor);
        var c = campaigns.getCampaign(campaignId);
        var theme = themes.getTheme(c.themeId());
        var where = " AND i.campaign_id = :campaign";
        var totals = totals(where, Map.of("campaign", campaignId), null);
        var viewsWithoutReach = jdbc.sql("SELECT COALESCE(SUM(l.views), 0) FROM engagement_latest l"
                        + " JOIN delivery d ON d.id = l.delivery_id JOIN content_item i ON i.id = d.content_id"
                        + " WHERE i.campaign_id = ? AND l.reach IS NULL").param(campaignId).query(Long.class).single();
        var kpis = new ArrayList<Kpi>();
        kpis.add(kpi("reach", c.kpis().targetReach(), totals.reachAchieved(viewsWithoutReach)));
        kpis.add(kpi("interactions", c.kpis().targetInteractions(), totals.interactions()));
        kpis.add(kpi("posts", c.kpis().targetPosts() == null ? null : c.kpis().targetPosts().longValue(), totals.posts()));
        var timeline = jdbc.sql("SELECT stat_day, SUM(reactions), SUM(comments), SUM(shares), SUM(views), SUM(reach),"
                        + " SUM(interactions) FROM engagement_daily WHERE campaign_id = ? GROUP BY stat_day ORDER BY stat_day")
                .param(campaignId).query((rs, n) -> day(rs)).list();
        return new CampaignReport(campaignId, c.name(), theme.name(), c.startDate(), c.endDate(), totals, kpis, timeline,
                slices("ch.platform", "ch.platform", where, campaignId),
                slices("ch.id", "ch.display_name", where, campaignId),
                slices("ch.organisation", "ch.organisation", where + " AND ch.channel_role = 'PARTNER'", campaignId),
                posts(campaignId, "DESC"), posts(campaignId, "ASC"));
    }

    /** All themes over [from, to], with the period of the same length just before beside it. */
    public PeriodReport period(LocalDate from, LocalDate to, Actor actor) {
        requireReader(actor);
        if (from == null || to == null) {
            throw InvalidInput.of(from == null ? "from" : "to", "is required");
        }
        if (to.isBefore(from)) {
            throw InvalidInput.of("to", "must not be before 'from'");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        var prevTo = from.minusDays(1);
        var prevFrom = prevTo.minusDays(days - 1);
        var lines = new ArrayList<ThemeLine>();
        for (var t : themes.listThemes()) {
            var where = " AND c.theme_id = :theme";
            lines.add(new ThemeLine(t.id(), t.code(), t.name(), totals(where, Map.of("theme", t.id()), new LocalDate[] {from, to}),
                    totals(where, Map.of("theme", t.id()), new LocalDate[] {prevFrom, prevTo})));
        }
        var timeline = jdbc.sql("SELECT stat_day, SUM(reactions), SUM(comments), SUM(shares), SUM(views), SUM(reach),"
                        + " SUM(interactions) FROM engagement_daily WHERE stat_day BETWEEN ? AND ? GROUP BY stat_day"
                        + " ORDER BY stat_day")
                .params(from, to).query((rs, n) -> day(rs)).list();
        return new PeriodReport(from, to, prevFrom, prevTo, totals("", Map.of(), new LocalDate[] {from, to}),
                totals("", Map.of(), new LocalDate[] {prevFrom, prevTo}), lines, timeline);
    }

    /** Average interactions per post by local hour and weekday of publishing, from the channel's own history. */
    public BestTimes bestTimes(long channelId, Actor actor) {
        var channel = channels.getChannel(channelId, actor);
        var byHour = new TreeMap<Integer, long[]>();
        var byDay = new TreeMap<Integer, long[]>();
        jdbc.sql("SELECT d.published_at, l.interactions FROM engagement_latest l JOIN delivery d ON d.id = l.delivery_id"
                        + " WHERE d.channel_id = ? AND d.published_at IS NOT NULL ORDER BY d.published_at DESC LIMIT 5000")
                .param(channelId)
                .query(rs -> {
                    var local = Timestamps.read(rs, "published_at").atZone(channel.zone());
                    var interactions = rs.getLong(2);
                    add(byHour, local.getHour(), interactions);
                    add(byDay, local.getDayOfWeek().getValue(), interactions);
                });
        var hours = cells(byHour);
        var weekdays = cells(byDay);
        var bestHour = hours.stream().max((a, b) -> Double.compare(a.averageInteractions(), b.averageInteractions()))
                .map(Cell::key).orElse(null);
        var bestDay = weekdays.stream().max((a, b) -> Double.compare(a.averageInteractions(), b.averageInteractions()))
                .map(c -> DayOfWeek.of(c.key())).orElse(null);
        return new BestTimes(channelId, channel.label(), channel.zone().getId(), hours, weekdays, bestHour, bestDay);
    }

    private Totals totals(String where, Map<String, Object> params, LocalDate[] period) {
        var dayFilter = period == null ? "" : " AND e.stat_day BETWEEN :from AND :to";
        var sums = jdbc.sql("SELECT COALESCE(SUM(e.reactions), 0), COALESCE(SUM(e.comments), 0), COALESCE(SUM(e.shares), 0),"
                        + " COALESCE(SUM(e.views), 0), COALESCE(SUM(e.reach), 0), COALESCE(SUM(e.interactions), 0)"
                        + " FROM engagement_daily e JOIN campaign c ON c.id = e.campaign_id"
                        + " WHERE 1 = 1" + where.replace("i.campaign_id", "e.campaign_id") + dayFilter)
                .params(withPeriod(params, period)).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6)}).single();
        var pubFilter = period == null ? "" : " AND d.published_at >= :fromTs AND d.published_at < :toTs";
        var posts = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(CASE WHEN l.reach IS NOT NULL AND l.reach > 0 THEN l.reach"
                        + " ELSE ch.follower_count END), 0) FROM delivery d JOIN content_item i ON i.id = d.content_id"
                        + " JOIN campaign c ON c.id = i.campaign_id JOIN channel ch ON ch.id = d.channel_id"
                        + " LEFT JOIN engagement_latest l ON l.delivery_id = d.id"
                        + " WHERE d.status IN ('PUBLISHED', 'REMOVED')" + where + pubFilter)
                .params(withPeriod(params, period)).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return new Totals(posts[0], sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], posts[1]);
    }

    private Map<String, Object> withPeriod(Map<String, Object> params, LocalDate[] period) {
        if (period == null) {
            return params;
        }
        var all = new java.util.HashMap<String, Object>(params);
        all.put("from", period[0]);
        all.put("to", period[1]);
        all.put("fromTs", period[0].atStartOfDay(loa.cityZone()).toOffsetDateTime());
        all.put("toTs", period[1].plusDays(1).atStartOfDay(loa.cityZone()).toOffsetDateTime());
        return all;
    }

    private List<Slice> slices(String key, String label, String where, long campaignId) {
        return jdbc.sql("SELECT " + key + " AS k, MIN(" + label + ") AS label, MIN(ch.channel_role), MIN(ch.organisation),"
                        + " COUNT(*), COALESCE(SUM(l.reactions), 0), COALESCE(SUM(l.comments), 0), COALESCE(SUM(l.shares), 0),"
                        + " COALESCE(SUM(l.views), 0), COALESCE(SUM(l.reach), 0), COALESCE(SUM(l.interactions), 0),"
                        + " COALESCE(SUM(CASE WHEN l.reach IS NOT NULL AND l.reach > 0 THEN l.reach ELSE ch.follower_count END), 0)"
                        + " FROM delivery d JOIN content_item i ON i.id = d.content_id JOIN channel ch ON ch.id = d.channel_id"
                        + " LEFT JOIN engagement_latest l ON l.delivery_id = d.id"
                        + " WHERE d.status IN ('PUBLISHED', 'REMOVED')" + where.replace(":campaign", "?")
                        + " GROUP BY " + key + " ORDER BY 11 DESC")
                .param(campaignId)
                .query((rs, n) -> new Slice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        new Totals(rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                                rs.getLong(11), rs.getLong(12))))
                .list();
    }

    private List<Post> posts(long campaignId, String order) {
        return jdbc.sql("SELECT d.id, i.id, i.title, ch.display_name, ch.platform, d.published_at, COALESCE(l.reactions, 0),"
                        + " COALESCE(l.comments, 0), COALESCE(l.shares, 0), COALESCE(l.views, 0), COALESCE(l.reach, 0),"
                        + " l.interactions FROM engagement_latest l JOIN delivery d ON d.id = l.delivery_id"
                        + " JOIN content_item i ON i.id = d.content_id JOIN channel ch ON ch.id = d.channel_id"
                        + " WHERE i.campaign_id = ? ORDER BY l.interactions " + order + ", d.id LIMIT 5")
                .param(campaignId)
                .query((rs, n) -> new Post(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        String.valueOf(Timestamps.read(rs, "published_at").atZone(loa.cityZone()).toOffsetDateTime()),
                        rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12)))
                .list();
    }

    private static Day day(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Day(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6), rs.getLong(7));
    }

    private static Kpi kpi(String name, Long target, long achieved) {
        return new Kpi(name, target, achieved, target == null || target == 0 ? null : 100.0 * achieved / target);
    }

    private static void add(Map<Integer, long[]> map, int key, long interactions) {
        var cell = map.computeIfAbsent(key, k -> new long[2]);
        cell[0]++;
        cell[1] += interactions;
    }

    private static List<Cell> cells(Map<Integer, long[]> map) {
        return map.entrySet().stream()
                .map(e -> new Cell(e.getKey(), e.getValue()[0], (double) e.getValue()[1] / e.getValue()[0])).toList();
    }

    private static void requireReader(Actor actor) {
        Permissions.requireAny(actor, "read reports", Role.ADMIN, Role.PLANNER, Role.APPROVER, Role.LEADERSHIP);
    }
}
