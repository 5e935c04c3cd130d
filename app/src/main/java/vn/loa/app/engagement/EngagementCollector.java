package vn.loa.app.engagement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.loa.app.config.LoaProperties;
import vn.loa.app.connection.ChannelConnections;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.engagement.ReadCadence;
import vn.loa.connectors.ChannelAccess;
import vn.loa.connectors.ConnectorRegistry;
import vn.loa.connectors.EngagementSnapshot;
import vn.loa.connectors.credentials.MissingCredentials;
import vn.loa.connectors.error.ConnectorException;
import vn.loa.connectors.error.FailureKind;

/**
 * Reads engagement back: which published posts are due a read, reading them in the platform's batch
 * size (one call per 50 Facebook posts or YouTube videos), and storing the snapshots, the latest
 * values per post and what each day added per channel and campaign. What cannot be read now (rate
 * limits, quota, a platform past 80 % of its budget) stays due for the next run, never dropped.
 */
@Component
public class EngagementCollector {

    private static final Logger log = LoggerFactory.getLogger(EngagementCollector.class);

    /** One post due a read. */
    public record Due(
            long deliveryId,
            long channelId,
            String externalRef,
            Instant publishedAt,
            int readsDone,
            long campaignId,
            long themeId) {}

    /** Posts of one channel read with one platform call. */
    public record ReadBatch(Channel channel, List<Due> posts) {}

    /** What a run did. */
    public record Tally(int read, int deferred, int gone, int calls) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ChannelRepository channels;
    private final ChannelConnections connections;
    private final ConnectorRegistry connectors;
    private final UsageGovernor usage;
    private final ReadCadence cadence;
    private final LoaProperties loa;
    private final Clock clock;
    /** Channels not to call again in this run (rate-limited, out of quota, disconnected). */
    private final Set<Long> resting = ConcurrentHashMap.newKeySet();
    /** Each channel's credentials, read once per run (refreshed ones still go through the locked store). */
    private final Map<Long, ChannelAccess> access = new ConcurrentHashMap<>();

    public EngagementCollector(
            JdbcClient jdbc,
            JdbcTemplate template,
            ChannelRepository channels,
            ChannelConnections connections,
            ConnectorRegistry connectors,
            UsageGovernor usage,
            EngagementProperties properties,
            LoaProperties loa,
            Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.channels = channels;
        this.connections = connections;
        this.connectors = connectors;
        this.usage = usage;
        this.cadence = properties.cadence();
        this.loa = loa;
        this.clock = clock;
    }

    /** Starts a read schedule for every post published since the last run. */
    public int scheduleNewlyPublished() {
        var fresh = jdbc.sql(
                        "SELECT d.id, d.channel_id, d.published_at FROM delivery d WHERE d.status = 'PUBLISHED'"
                                + " AND d.external_ref IS NOT NULL AND d.published_at IS NOT NULL AND NOT EXISTS"
                                + " (SELECT 1 FROM engagement_schedule s WHERE s.delivery_id = d.id) ORDER BY d.id LIMIT 100000")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), Timestamps.read(rs, "published_at")})
                .list();
        var rows = new ArrayList<Object[]>();
        for (var f : fresh) {
            var published = (Instant) f[2];
            rows.add(new Object[] {
                f[0],
                f[1],
                Timestamps.utc(published),
                cadence.next(published, 0).map(Timestamps::utc).orElse(null)
            });
        }
        if (!rows.isEmpty()) {
            template.batchUpdate(
                    "INSERT INTO engagement_schedule (delivery_id, channel_id, published_at, reads_done,"
                            + " next_read_at) VALUES (?, ?, ?, 0, ?)",
                    rows);
        }
        resting.clear();
        access.clear();
        return rows.size();
    }

    /** Posts due a read now, grouped by channel into batches of the platform's size. */
    public List<ReadBatch> due(int limit) {
        var rows = jdbc.sql("""
                SELECT s.delivery_id, s.channel_id, d.external_ref, s.published_at, s.reads_done, i.campaign_id, c.theme_id
                FROM engagement_schedule s
                JOIN delivery d ON d.id = s.delivery_id
                JOIN content_item i ON i.id = d.content_id
                JOIN campaign c ON c.id = i.campaign_id
                WHERE s.next_read_at <= ? AND d.status = 'PUBLISHED'
                ORDER BY s.channel_id, s.next_read_at, s.delivery_id
                LIMIT ?""")
                .params(Timestamps.utc(clock.instant()), limit)
                .query((rs, n) -> new Due(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        Timestamps.read(rs, "published_at"),
                        rs.getInt(5),
                        rs.getLong(6),
                        rs.getLong(7)))
                .list();
        var byChannel = new LinkedHashMap<Long, List<Due>>();
        rows.forEach(r ->
                byChannel.computeIfAbsent(r.channelId(), k -> new ArrayList<>()).add(r));
        var known = new HashMap<Long, Channel>();
        channels.findAll(byChannel.keySet()).forEach(c -> known.put(c.id(), c));
        access.putAll(connections.accessForBatch(known.values()));
        var batches = new ArrayList<ReadBatch>();
        byChannel.forEach((channelId, posts) -> {
            var channel = known.get(channelId);
            int size = connectors.forPlatform(channel.platform()).capabilities().engagementBatchSize();
            for (int i = 0; i < posts.size(); i += size) {
                batches.add(new ReadBatch(channel, posts.subList(i, Math.min(posts.size(), i + size))));
            }
        });
        return batches;
    }

    /**
     * Reads a chunk of batches (one platform call each) and stores all that came back at once; runs
     * inside the caller's transaction.
     */
    public Tally collect(List<ReadBatch> batches) {
        int read = 0;
        int deferred = 0;
        int gone = 0;
        int calls = 0;
        var results = new ArrayList<Map.Entry<ReadBatch, Map<String, EngagementSnapshot>>>();
        for (var batch : batches) {
            var channel = batch.channel();
            if (resting.contains(channel.id()) || usage.shouldSlowDown(channel.platform())) {
                // Past 80 % of Meta's budget, or limited already: the rest waits for a later run.
                deferred += batch.posts().size();
                continue;
            }
            try {
                var channelAccess = access.computeIfAbsent(channel.id(), id -> connections.accessFor(channel));
                calls++;
                var got = connectors
                        .forPlatform(channel.platform())
                        .readEngagement(
                                channelAccess,
                                batch.posts().stream().map(Due::externalRef).toList());
                results.add(Map.entry(batch, got));
                int found = (int) batch.posts().stream()
                        .filter(p -> got.containsKey(p.externalRef()))
                        .count();
                read += found;
                gone += batch.posts().size() - found;
            } catch (ConnectorException e) {
                if (e.kind() != FailureKind.TRANSIENT) {
                    resting.add(channel.id());
                }
                deferred += batch.posts().size();
                log.info(
                        "Engagement of {} posts on {} deferred: {}",
                        batch.posts().size(),
                        channel.label(),
                        e.getMessage());
            } catch (MissingCredentials e) {
                resting.add(channel.id());
                deferred += batch.posts().size();
            }
        }
        if (!results.isEmpty()) {
            record(results);
        }
        return new Tally(read, deferred, gone, calls);
    }

    /** One batch alone (tests, single reads). */
    public Tally collect(ReadBatch batch) {
        return collect(List.of(batch));
    }

    /**
     * Stores what the platforms said of a chunk of batches: snapshots, latest values, daily
     * rollups, next reads — one multi-row statement per table, one query for the previous values.
     */
    public void record(List<Map.Entry<ReadBatch, Map<String, EngagementSnapshot>>> results) {
        var now = clock.instant();
        var day = LocalDate.ofInstant(now, loa.cityZone());
        var ids = results.stream()
                .flatMap(r -> r.getKey().posts().stream())
                .map(Due::deliveryId)
                .toList();
        var previous = new HashMap<Long, long[]>();
        jdbc.sql("SELECT delivery_id, reactions, comments, shares, views, reach FROM engagement_latest"
                        + " WHERE delivery_id IN (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    previous.put(
                            rs.getLong(1),
                            new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)});
                });
        var snapshots = new ArrayList<Object[]>();
        var latest = new ArrayList<Object[]>();
        var daily = new ArrayList<Object[]>();
        var schedule = new ArrayList<Object[]>();
        var utcNow = Timestamps.utc(now);
        for (var result : results) {
            var batch = result.getKey();
            var read = result.getValue();
            for (var post : batch.posts()) {
                var s = read.get(post.externalRef());
                if (s == null) {
                    // The post is gone from the platform: stop reading it; what it gathered stays counted.
                    schedule.add(new Object[] {post.readsDone() + 1, null, post.deliveryId()});
                    continue;
                }
                var cur = new long[] {
                    orZero(s.reactions()),
                    orZero(s.comments()),
                    orZero(s.shares()),
                    orZero(s.views()),
                    orZero(s.reach())
                };
                var prev = previous.getOrDefault(post.deliveryId(), new long[5]);
                snapshots.add(new Object[] {
                    post.deliveryId(), utcNow, s.reactions(), s.comments(), s.shares(), s.views(), s.reach()
                });
                latest.add(new Object[] {
                    post.deliveryId(),
                    utcNow,
                    s.reactions(),
                    s.comments(),
                    s.shares(),
                    s.views(),
                    s.reach(),
                    s.interactions()
                });
                long dReactions = cur[0] - prev[0];
                long dComments = cur[1] - prev[1];
                long dShares = cur[2] - prev[2];
                daily.add(new Object[] {
                    day,
                    post.channelId(),
                    post.campaignId(),
                    post.themeId(),
                    batch.channel().platform().name(),
                    dReactions,
                    dComments,
                    dShares,
                    cur[3] - prev[3],
                    cur[4] - prev[4],
                    dReactions + dComments + dShares
                });
                schedule.add(new Object[] {
                    post.readsDone() + 1,
                    cadence.nextAfter(post.publishedAt(), post.readsDone() + 1, now)
                            .map(Timestamps::utc)
                            .orElse(null),
                    post.deliveryId()
                });
            }
        }
        if (!snapshots.isEmpty()) {
            // One multi-row statement per table and chunk: a chunk is one platform call's worth of posts.
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
            var perDay = sumByKey(daily);
            template.update(
                    "MERGE INTO engagement_daily t USING (VALUES " + typedRows(perDay.size(), DAILY_TYPES)
                            + ") AS s (stat_day, channel_id, campaign_id, theme_id, platform, reactions, comments, shares, views,"
                            + " reach, interactions)"
                            + " ON t.stat_day = s.stat_day AND t.channel_id = s.channel_id AND t.campaign_id = s.campaign_id"
                            + " WHEN MATCHED THEN UPDATE SET reactions = t.reactions + s.reactions, comments = t.comments + s.comments,"
                            + " shares = t.shares + s.shares, views = t.views + s.views, reach = t.reach + s.reach,"
                            + " interactions = t.interactions + s.interactions"
                            + " WHEN NOT MATCHED THEN INSERT (stat_day, channel_id, campaign_id, theme_id, platform, reactions,"
                            + " comments, shares, views, reach, interactions) VALUES (s.stat_day, s.channel_id, s.campaign_id,"
                            + " s.theme_id, s.platform, s.reactions, s.comments, s.shares, s.views, s.reach, s.interactions)",
                    flatten(perDay));
        }
        template.update(
                "MERGE INTO engagement_schedule t USING (VALUES " + typedRows(schedule.size(), SCHEDULE_TYPES)
                        + ") AS s (reads_done, next_read_at, delivery_id) ON t.delivery_id = s.delivery_id"
                        + " WHEN MATCHED THEN UPDATE SET reads_done = s.reads_done, next_read_at = s.next_read_at",
                flatten(schedule));
    }

    private static final String[] LATEST_TYPES = {
        "BIGINT", "TIMESTAMP WITH TIME ZONE", "BIGINT", "BIGINT", "BIGINT", "BIGINT", "BIGINT", "BIGINT"
    };
    private static final String[] DAILY_TYPES = {
        "DATE", "BIGINT", "BIGINT", "BIGINT", "VARCHAR(16)", "BIGINT", "BIGINT", "BIGINT", "BIGINT", "BIGINT", "BIGINT"
    };
    private static final String[] SCHEDULE_TYPES = {"INT", "TIMESTAMP WITH TIME ZONE", "BIGINT"};

    private static String rows(int count, int width) {
        var row = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
        return String.join(", ", Collections.nCopies(count, row));
    }

    /** Rows whose first line casts each column, so that NULLs and parameters have a type on every database. */
    private static String typedRows(int count, String[] types) {
        var typed = new StringBuilder("(");
        for (int i = 0; i < types.length; i++) {
            typed.append(i == 0 ? "" : ", ")
                    .append("CAST(? AS ")
                    .append(types[i])
                    .append(')');
        }
        typed.append(')');
        return count <= 1 ? typed.toString() : typed + ", " + rows(count - 1, types.length);
    }

    private static Object[] flatten(List<Object[]> rows) {
        return rows.stream().flatMap(Arrays::stream).toArray();
    }

    /** Adds up the deltas of posts that share a day, channel and campaign, so each gets one row. */
    private static List<Object[]> sumByKey(List<Object[]> daily) {
        var byKey = new LinkedHashMap<List<Object>, Object[]>();
        for (var d : daily) {
            var key = List.of(d[0], d[1], d[2]);
            var sum = byKey.get(key);
            if (sum == null) {
                byKey.put(key, d.clone());
            } else {
                for (int i = 5; i < d.length; i++) {
                    sum[i] = (long) sum[i] + (long) d[i];
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /** Reads the follower count of every channel with published posts, once a day. */
    public int readFollowers() {
        var today = LocalDate.ofInstant(clock.instant(), loa.cityZone());
        var ids = jdbc.sql("SELECT DISTINCT s.channel_id FROM engagement_schedule s WHERE NOT EXISTS"
                        + " (SELECT 1 FROM channel_followers f WHERE f.channel_id = s.channel_id AND f.stat_day = ?)")
                .param(today)
                .query(Long.class)
                .list();
        int read = 0;
        for (var channel : channels.findAll(ids)) {
            if (resting.contains(channel.id()) || usage.shouldSlowDown(channel.platform())) {
                continue;
            }
            try {
                var followers =
                        connectors.forPlatform(channel.platform()).followerCount(connections.accessFor(channel));
                jdbc.sql("INSERT INTO channel_followers (channel_id, stat_day, followers) VALUES (?, ?, ?)")
                        .params(channel.id(), today, followers)
                        .update();
                jdbc.sql("UPDATE channel SET follower_count = ? WHERE id = ?")
                        .params(followers, channel.id())
                        .update();
                read++;
            } catch (ConnectorException | MissingCredentials e) {
                log.info("Followers of {} not read this time: {}", channel.label(), e.getMessage());
            }
        }
        return read;
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }
}
