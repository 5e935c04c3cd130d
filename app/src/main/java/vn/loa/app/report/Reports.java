package vn.loa.app.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
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

    public record Totals(
            long posts,
            long reactions,
            long comments,
            long shares,
            long views,
            long reach,
            long interactions,
            long audience) {

        public double engagementRate() {
            return audience == 0 ? 0 : (double) interactions / audience;
        }

        public long reachAchieved(long viewsWithoutReach) {
            return reach + viewsWithoutReach;
        }
    }

    public record Day(
            LocalDate day, long reactions, long comments, long shares, long views, long reach, long interactions) {}

    public record Slice(String key, String label, String role, String organisation, Totals totals) {}

    public record Post(
            long deliveryId,
            long contentId,
            String title,
            String channel,
            String platform,
            String publishedAt,
            long reactions,
            long comments,
            long shares,
            long views,
            long reach,
            long interactions) {}

    public record Kpi(String name, Long target, long achieved, Double percent) {}

    public record CampaignReport(
            long campaignId,
            String campaign,
            String theme,
            LocalDate from,
            LocalDate to,
            Totals totals,
            List<Kpi> kpis,
            List<Day> timeline,
            List<Slice> platforms,
            List<Slice> channels,
            List<Slice> partners,
            List<Post> top,
            List<Post> bottom) {}

    public record ThemeLine(long themeId, String code, String name, Totals current, Totals previous) {}

    public record PeriodReport(
            LocalDate from,
            LocalDate to,
            LocalDate previousFrom,
            LocalDate previousTo,
            Totals current,
            Totals previous,
            List<ThemeLine> themes,
            List<Day> timeline) {}

    public record Cell(int key, long posts, double averageInteractions) {}

    public record BestTimes(
            long channelId,
            String channel,
            String zone,
            List<Cell> byHour,
            List<Cell> byWeekday,
            Integer bestHour,
            DayOfWeek bestDay) {}

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
        // One pass over the campaign's posts (latest values, channel) gives totals, slices and rankings.
        var posts = jdbc.sql("SELECT d.id, i.id, i.title, ch.id, ch.display_name, ch.platform, ch.channel_role,"
                        + " ch.organisation, ch.follower_count, d.published_at, l.reactions, l.comments, l.shares, l.views,"
                        + " l.reach, l.interactions FROM delivery d JOIN content_item i ON i.id = d.content_id"
                        + " JOIN channel ch ON ch.id = d.channel_id LEFT JOIN engagement_latest l ON l.delivery_id = d.id"
                        + " WHERE i.campaign_id = ? AND d.status IN ('PUBLISHED', 'REMOVED')")
                .param(campaignId)
                .query((rs, n) -> new Row(
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
                        rs.getLong(11),
                        rs.getLong(12),
                        rs.getLong(13),
                        rs.getLong(14),
                        rs.getObject(15, Long.class),
                        rs.getLong(16)))
                .list();
        var sums = jdbc.sql("SELECT COALESCE(SUM(reactions), 0), COALESCE(SUM(comments), 0), COALESCE(SUM(shares), 0),"
                        + " COALESCE(SUM(views), 0), COALESCE(SUM(reach), 0), COALESCE(SUM(interactions), 0)"
                        + " FROM engagement_daily WHERE campaign_id = ?")
                .param(campaignId)
                .query((rs, n) -> new long[] {
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)
                })
                .single();
        var totals = new Totals(
                posts.size(),
                sums[0],
                sums[1],
                sums[2],
                sums[3],
                sums[4],
                sums[5],
                posts.stream().mapToLong(Row::audience).sum());
        var viewsWithoutReach = posts.stream()
                .filter(p -> p.reach() == null)
                .mapToLong(Row::views)
                .sum();
        var kpis = new ArrayList<Kpi>();
        kpis.add(kpi("reach", c.kpis().targetReach(), totals.reachAchieved(viewsWithoutReach)));
        kpis.add(kpi("interactions", c.kpis().targetInteractions(), totals.interactions()));
        kpis.add(kpi(
                "posts",
                c.kpis().targetPosts() == null ? null : c.kpis().targetPosts().longValue(),
                totals.posts()));
        var timeline = jdbc.sql(
                        "SELECT stat_day, SUM(reactions), SUM(comments), SUM(shares), SUM(views), SUM(reach),"
                                + " SUM(interactions) FROM engagement_daily WHERE campaign_id = ? GROUP BY stat_day ORDER BY stat_day")
                .param(campaignId)
                .query((rs, n) -> day(rs))
                .list();
        var ranked = posts.stream()
                .sorted(Comparator.comparingLong(Row::interactions).reversed().thenComparingLong(Row::deliveryId))
                .toList();
        var bottom = posts.stream()
                .sorted(Comparator.comparingLong(Row::interactions).thenComparingLong(Row::deliveryId))
                .limit(5)
                .map(this::post)
                .toList();
        return new CampaignReport(
                campaignId,
                c.name(),
                theme.name(),
                c.startDate(),
                c.endDate(),
                totals,
                kpis,
                timeline,
                slices(posts, Row::platform, Row::platform),
                slices(posts, r -> String.valueOf(r.channelId()), Row::channel),
                slices(
                        posts.stream().filter(r -> "PARTNER".equals(r.role())).toList(),
                        Row::organisation,
                        Row::organisation),
                ranked.stream().limit(5).map(this::post).toList(),
                bottom);
    }

    /** One published post of a campaign with its latest values. */
    private record Row(
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
            long reactions,
            long comments,
            long shares,
            long views,
            Long reach,
            long interactions) {

        long audience() {
            return reach != null && reach > 0 ? reach : followers;
        }
    }

    private static List<Slice> slices(List<Row> rows, Function<Row, String> key, Function<Row, String> label) {
        var groups = new LinkedHashMap<String, List<Row>>();
        rows.forEach(r ->
                groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        return groups.entrySet().stream()
                .map(e -> {
                    var g = e.getValue();
                    var first = g.get(0);
                    return new Slice(
                            e.getKey(),
                            label.apply(first),
                            first.role(),
                            first.organisation(),
                            new Totals(
                                    g.size(),
                                    g.stream().mapToLong(Row::reactions).sum(),
                                    g.stream().mapToLong(Row::comments).sum(),
                                    g.stream().mapToLong(Row::shares).sum(),
                                    g.stream().mapToLong(Row::views).sum(),
                                    g.stream()
                                            .mapToLong(r -> r.reach() == null ? 0 : r.reach())
                                            .sum(),
                                    g.stream().mapToLong(Row::interactions).sum(),
                                    g.stream().mapToLong(Row::audience).sum()));
                })
                .sorted(Comparator.comparingLong((Slice s) -> s.totals().interactions())
                        .reversed())
                .toList();
    }

    private Post post(Row r) {
        return new Post(
                r.deliveryId(),
                r.contentId(),
                r.title(),
                r.channel(),
                r.platform(),
                String.valueOf(r.publishedAt().atZone(loa.cityZone()).toOffsetDateTime()),
                r.reactions(),
                r.comments(),
                r.shares(),
                r.views(),
                r.reach() == null ? 0 : r.reach(),
                r.interactions());
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
        var current = byTheme(from, to);
        var previous = byTheme(prevFrom, prevTo);
        var lines = new ArrayList<ThemeLine>();
        var none = new Totals(0, 0, 0, 0, 0, 0, 0, 0);
        for (var t : themes.listThemes()) {
            lines.add(new ThemeLine(
                    t.id(),
                    t.code(),
                    t.name(),
                    current.getOrDefault(t.id(), none),
                    previous.getOrDefault(t.id(), none)));
        }
        var timeline = jdbc.sql("SELECT stat_day, SUM(reactions), SUM(comments), SUM(shares), SUM(views), SUM(reach),"
                        + " SUM(interactions) FROM engagement_daily WHERE stat_day BETWEEN ? AND ? GROUP BY stat_day"
                        + " ORDER BY stat_day")
                .params(from, to)
                .query((rs, n) -> day(rs))
                .list();
        return new PeriodReport(
                from, to, prevFrom, prevTo, sum(current.values()), sum(previous.values()), lines, timeline);
    }

    /** Per theme over [from, to]: what the days added (rollups) and the posts that went out then. */
    private Map<Long, Totals> byTheme(LocalDate from, LocalDate to) {
        var sums = new HashMap<Long, long[]>();
        jdbc.sql(
                        "SELECT theme_id, SUM(reactions), SUM(comments), SUM(shares), SUM(views), SUM(reach), SUM(interactions)"
                                + " FROM engagement_daily WHERE stat_day BETWEEN ? AND ? GROUP BY theme_id")
                .params(from, to)
                .query(rs -> {
                    sums.put(rs.getLong(1), new long[] {
                        rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)
                    });
                });
        var posts = new HashMap<Long, long[]>();
        jdbc.sql("SELECT c.theme_id, COUNT(*), COALESCE(SUM(CASE WHEN l.reach IS NOT NULL AND l.reach > 0 THEN l.reach"
                        + " ELSE ch.follower_count END), 0) FROM delivery d JOIN content_item i ON i.id = d.content_id"
                        + " JOIN campaign c ON c.id = i.campaign_id JOIN channel ch ON ch.id = d.channel_id"
                        + " LEFT JOIN engagement_latest l ON l.delivery_id = d.id"
                        + " WHERE d.status IN ('PUBLISHED', 'REMOVED') AND d.published_at >= ? AND d.published_at < ?"
                        + " GROUP BY c.theme_id")
                .params(
                        from.atStartOfDay(loa.cityZone()).toOffsetDateTime(),
                        to.plusDays(1).atStartOfDay(loa.cityZone()).toOffsetDateTime())
                .query(rs -> {
                    posts.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        var result = new HashMap<Long, Totals>();
        var ids = new HashSet<Long>(sums.keySet());
        ids.addAll(posts.keySet());
        for (var id : ids) {
            var s = sums.getOrDefault(id, new long[6]);
            var p = posts.getOrDefault(id, new long[2]);
            result.put(id, new Totals(p[0], s[0], s[1], s[2], s[3], s[4], s[5], p[1]));
        }
        return result;
    }

    private static Totals sum(Collection<Totals> all) {
        return new Totals(
                all.stream().mapToLong(Totals::posts).sum(),
                all.stream().mapToLong(Totals::reactions).sum(),
                all.stream().mapToLong(Totals::comments).sum(),
                all.stream().mapToLong(Totals::shares).sum(),
                all.stream().mapToLong(Totals::views).sum(),
                all.stream().mapToLong(Totals::reach).sum(),
                all.stream().mapToLong(Totals::interactions).sum(),
                all.stream().mapToLong(Totals::audience).sum());
    }

    /** Average interactions per post by local hour and weekday of publishing, from the channel's own history. */
    public BestTimes bestTimes(long channelId, Actor actor) {
        var channel = channels.getChannel(channelId, actor);
        var byHour = new TreeMap<Integer, long[]>();
        var byDay = new TreeMap<Integer, long[]>();
        jdbc.sql(
                        "SELECT d.published_at, l.interactions FROM engagement_latest l JOIN delivery d ON d.id = l.delivery_id"
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
        var bestHour = hours.stream()
                .max((a, b) -> Double.compare(a.averageInteractions(), b.averageInteractions()))
                .map(Cell::key)
                .orElse(null);
        var bestDay = weekdays.stream()
                .max((a, b) -> Double.compare(a.averageInteractions(), b.averageInteractions()))
                .map(c -> DayOfWeek.of(c.key()))
                .orElse(null);
        return new BestTimes(channelId, channel.label(), channel.zone().getId(), hours, weekdays, bestHour, bestDay);
    }

    private static Day day(ResultSet rs) throws SQLException {
        return new Day(
                rs.getObject(1, LocalDate.class),
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getLong(7));
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
                .map(e -> new Cell(e.getKey(), e.getValue()[0], (double) e.getValue()[1] / e.getValue()[0]))
                .toList();
    }

    private static void requireReader(Actor actor) {
        Permissions.requireAny(actor, "read reports", Role.ADMIN, Role.PLANNER, Role.APPROVER, Role.LEADERSHIP);
    }
}
