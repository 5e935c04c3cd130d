package vn.loa.app.report;

import java.time.DayOfWeek;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.app.amplify.PartnerResults;
import vn.loa.app.config.LoaProperties;
import vn.loa.app.listening.ListeningResults;
import vn.loa.app.report.ReportStore.PostRow;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.campaign.CampaignPlanning;
import vn.loa.campaigns.channel.Channels;
import vn.loa.campaigns.shared.Checks;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.theme.Themes;
import vn.loa.connectors.Engagement;

/**
 * Reports for leadership, read through {@link ReportStore} from the daily rollups and the latest
 * value per post (never from the raw snapshot history, so they cost the same over ten snapshots or
 * ten million).
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

        static final Totals NONE = of(0, Engagement.NONE, 0);

        static Totals of(long posts, Engagement e, long audience) {
            return new Totals(
                    posts, e.reactions(), e.comments(), e.shares(), e.views(), e.reach(), e.interactions(), audience);
        }

        /** The counts as one value, to add up (not a report field of its own). */
        Engagement engagement() {
            return new Engagement(reactions, comments, shares, views, reach);
        }

        public double engagementRate() {
            return audience == 0 ? 0 : (double) interactions / audience;
        }

        public long reachAchieved(long viewsWithoutReach) {
            return reach + viewsWithoutReach;
        }
    }

    public record Day(
            LocalDate day, long reactions, long comments, long shares, long views, long reach, long interactions) {

        static Day of(ReportStore.DayTotal d) {
            var e = d.engagement();
            return new Day(d.day(), e.reactions(), e.comments(), e.shares(), e.views(), e.reach(), e.interactions());
        }
    }

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
            List<Post> bottom,
            PartnerResults.Results amplification,
            List<ReportStore.NoticeRow> notices) {}

    public record ThemeLine(long themeId, String code, String name, Totals current, Totals previous) {}

    public record PeriodReport(
            LocalDate from,
            LocalDate to,
            LocalDate previousFrom,
            LocalDate previousTo,
            Totals current,
            Totals previous,
            List<ThemeLine> themes,
            List<Day> timeline,
            PartnerResults.Results amplification,
            ListeningResults.Results listening) {}

    public record Cell(int key, long posts, double averageInteractions) {}

    public record BestTimes(
            long channelId,
            String channel,
            String zone,
            List<Cell> byHour,
            List<Cell> byWeekday,
            Integer bestHour,
            DayOfWeek bestDay) {}

    private final ReportStore store;
    private final CampaignPlanning campaigns;
    private final Themes themes;
    private final Channels channels;
    private final LoaProperties loa;
    private final PartnerResults partnerResults;
    private final ListeningResults listening;

    public Reports(
            ReportStore store,
            CampaignPlanning campaigns,
            Themes themes,
            Channels channels,
            LoaProperties loa,
            PartnerResults partnerResults,
            ListeningResults listening) {
        this.partnerResults = partnerResults;
        this.listening = listening;
        this.store = store;
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
        var posts = store.campaignPosts(campaignId);
        var totals = Totals.of(
                posts.size(),
                store.campaignTotal(campaignId),
                posts.stream().mapToLong(PostRow::audience).sum());
        var viewsWithoutReach = posts.stream()
                .filter(p -> !p.reachReported())
                .mapToLong(p -> p.latest().views())
                .sum();
        var kpis = new ArrayList<Kpi>();
        kpis.add(kpi("reach", c.kpis().targetReach(), totals.reachAchieved(viewsWithoutReach)));
        kpis.add(kpi("interactions", c.kpis().targetInteractions(), totals.interactions()));
        kpis.add(kpi(
                "posts",
                c.kpis().targetPosts() == null ? null : c.kpis().targetPosts().longValue(),
                totals.posts()));
        var timeline = store.campaignTimeline(campaignId).stream().map(Day::of).toList();
        Comparator<PostRow> byInteractions =
                Comparator.comparingLong(r -> r.latest().interactions());
        var top = posts.stream()
                .sorted(byInteractions.reversed().thenComparingLong(PostRow::deliveryId))
                .limit(5)
                .map(this::post)
                .toList();
        var bottom = posts.stream()
                .sorted(byInteractions.thenComparingLong(PostRow::deliveryId))
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
                slices(posts, PostRow::platform, PostRow::platform),
                slices(posts, r -> String.valueOf(r.channelId()), PostRow::channel),
                slices(
                        posts.stream().filter(r -> "PARTNER".equals(r.role())).toList(),
                        PostRow::organisation,
                        PostRow::organisation),
                top,
                bottom,
                partnerResults.forReport(PartnerResults.Query.campaign(campaignId)),
                store.campaignNotices(campaignId));
    }

    private static List<Slice> slices(
            List<PostRow> rows, Function<PostRow, String> key, Function<PostRow, String> label) {
        var groups = new LinkedHashMap<String, List<PostRow>>();
        rows.forEach(r ->
                groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        return groups.entrySet().stream()
                .map(e -> {
                    var g = e.getValue();
                    var first = g.get(0);
                    var sum = g.stream().map(PostRow::latest).reduce(Engagement.NONE, Engagement::plus);
                    return new Slice(
                            e.getKey(),
                            label.apply(first),
                            first.role(),
                            first.organisation(),
                            Totals.of(
                                    g.size(),
                                    sum,
                                    g.stream().mapToLong(PostRow::audience).sum()));
                })
                .sorted(Comparator.comparingLong((Slice s) -> s.totals().interactions())
                        .reversed())
                .toList();
    }

    private Post post(PostRow r) {
        var e = r.latest();
        return new Post(
                r.deliveryId(),
                r.contentId(),
                r.title(),
                r.channel(),
                r.platform(),
                String.valueOf(r.publishedAt().atZone(loa.cityZone()).toOffsetDateTime()),
                e.reactions(),
                e.comments(),
                e.shares(),
                e.views(),
                e.reach(),
                e.interactions());
    }

    /** All themes over [from, to], with the period of the same length just before beside it. */
    public PeriodReport period(LocalDate from, LocalDate to, Actor actor) {
        requireReader(actor);
        new Checks()
                .required("from", from)
                .required("to", to)
                .withinCalendar("from", from)
                .withinCalendar("to", to)
                .throwIfAny();
        if (to.isBefore(from)) {
            throw InvalidInput.of("to", "must not be before 'from'");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        var prevTo = from.minusDays(1);
        var prevFrom = prevTo.minusDays(days - 1);
        var current = byTheme(from, to);
        var previous = byTheme(prevFrom, prevTo);
        var lines = new ArrayList<ThemeLine>();
        for (var t : themes.listThemes()) {
            lines.add(new ThemeLine(
                    t.id(),
                    t.code(),
                    t.name(),
                    current.getOrDefault(t.id(), Totals.NONE),
                    previous.getOrDefault(t.id(), Totals.NONE)));
        }
        var timeline = store.timeline(from, to).stream().map(Day::of).toList();
        return new PeriodReport(
                from,
                to,
                prevFrom,
                prevTo,
                sum(current.values()),
                sum(previous.values()),
                lines,
                timeline,
                partnerResults.forReport(PartnerResults.Query.period(from, to)),
                listening.forPeriod(from, to));
    }

    /** Per theme over [from, to]: what the days added (rollups) and the posts that went out then. */
    private Map<Long, Totals> byTheme(LocalDate from, LocalDate to) {
        var added = store.addedByTheme(from, to);
        var posts = store.postsByTheme(
                from.atStartOfDay(loa.cityZone()).toOffsetDateTime(),
                to.plusDays(1).atStartOfDay(loa.cityZone()).toOffsetDateTime());
        var result = new HashMap<Long, Totals>();
        var ids = new HashSet<Long>(added.keySet());
        ids.addAll(posts.keySet());
        var noPosts = new ReportStore.ThemePosts(0, 0);
        for (var id : ids) {
            var p = posts.getOrDefault(id, noPosts);
            result.put(id, Totals.of(p.posts(), added.getOrDefault(id, Engagement.NONE), p.audience()));
        }
        return result;
    }

    private static Totals sum(Collection<Totals> all) {
        return Totals.of(
                all.stream().mapToLong(Totals::posts).sum(),
                all.stream().map(Totals::engagement).reduce(Engagement.NONE, Engagement::plus),
                all.stream().mapToLong(Totals::audience).sum());
    }

    /** Average interactions per post by local hour and weekday of publishing, from the channel's own history. */
    public BestTimes bestTimes(long channelId, Actor actor) {
        var channel = channels.getChannel(channelId, actor);
        var byHour = new TreeMap<Integer, Tally>();
        var byDay = new TreeMap<Integer, Tally>();
        for (var p : store.channelPosts(channelId, 5000)) {
            var local = p.at().atZone(channel.zone());
            byHour.merge(local.getHour(), Tally.one(p.interactions()), Tally::plus);
            byDay.merge(local.getDayOfWeek().getValue(), Tally.one(p.interactions()), Tally::plus);
        }
        var hours = cells(byHour);
        var weekdays = cells(byDay);
        var bestHour = hours.stream()
                .max(Comparator.comparingDouble(Cell::averageInteractions))
                .map(Cell::key)
                .orElse(null);
        var bestDay = weekdays.stream()
                .max(Comparator.comparingDouble(Cell::averageInteractions))
                .map(c -> DayOfWeek.of(c.key()))
                .orElse(null);
        return new BestTimes(channelId, channel.label(), channel.zone().getId(), hours, weekdays, bestHour, bestDay);
    }

    /** Posts and the interactions they gathered, for one hour or weekday. */
    private record Tally(long posts, long interactions) {
        static Tally one(long interactions) {
            return new Tally(1, interactions);
        }

        Tally plus(Tally other) {
            return new Tally(posts + other.posts, interactions + other.interactions);
        }
    }

    private static List<Cell> cells(Map<Integer, Tally> map) {
        return map.entrySet().stream()
                .map(e -> new Cell(
                        e.getKey(),
                        e.getValue().posts(),
                        (double) e.getValue().interactions() / e.getValue().posts()))
                .toList();
    }

    private static Kpi kpi(String name, Long target, long achieved) {
        return new Kpi(name, target, achieved, target == null || target == 0 ? null : 100.0 * achieved / target);
    }

    private static void requireReader(Actor actor) {
        Permissions.requireAny(actor, "read reports", Role.ADMIN, Role.PLANNER, Role.APPROVER, Role.LEADERSHIP);
    }
}
