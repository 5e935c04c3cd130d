package vn.loa.app.engagement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.loa.app.config.LoaProperties;
import vn.loa.app.connection.ChannelConnections;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.engagement.ReadCadence;
import vn.loa.connectors.ConnectorRegistry;
import vn.loa.connectors.Engagement;
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

    /** What one platform call said of one batch: a snapshot per post it still has, by platform id. */
    public record BatchRead(ReadBatch batch, Map<String, EngagementSnapshot> read) {}

    private final EngagementStore store;
    private final ChannelRepository channels;
    private final ChannelConnections connections;
    private final ConnectorRegistry connectors;
    private final UsageGovernor usage;
    private final ReadCadence cadence;
    private final LoaProperties loa;
    private final Clock clock;

    public EngagementCollector(
            EngagementStore store,
            ChannelRepository channels,
            ChannelConnections connections,
            ConnectorRegistry connectors,
            UsageGovernor usage,
            EngagementProperties properties,
            LoaProperties loa,
            Clock clock) {
        this.store = store;
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
        var fresh = store.unscheduled(100_000);
        var firstReads = new HashMap<Long, Instant>();
        for (var post : fresh) {
            cadence.next(post.publishedAt(), 0).ifPresent(at -> firstReads.put(post.deliveryId(), at));
        }
        store.startSchedules(fresh, firstReads);
        return fresh.size();
    }

    /** Posts due a read now, grouped by channel into batches of the platform's size. */
    public List<ReadBatch> due(CollectionRun run, int limit) {
        var byChannel = new LinkedHashMap<Long, List<Due>>();
        store.due(clock.instant(), limit)
                .forEach(r -> byChannel
                        .computeIfAbsent(r.channelId(), k -> new ArrayList<>())
                        .add(r));
        var known = new HashMap<Long, Channel>();
        channels.findAll(byChannel.keySet()).forEach(c -> known.put(c.id(), c));
        run.access().putAll(connections.accessForBatch(known.values()));
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
    public Tally collect(CollectionRun run, List<ReadBatch> batches) {
        int read = 0;
        int deferred = 0;
        int gone = 0;
        int calls = 0;
        var results = new ArrayList<BatchRead>();
        for (var batch : batches) {
            var channel = batch.channel();
            if (run.resting(channel.id()) || usage.shouldSlowDown(channel.platform(), channel.externalId())) {
                // Past 80 % of Meta's budget, or limited already: the rest waits for a later run.
                deferred += batch.posts().size();
                continue;
            }
            try {
                var channelAccess = run.access().computeIfAbsent(channel.id(), id -> connections.accessFor(channel));
                calls++;
                var got = connectors
                        .forPlatform(channel.platform())
                        .readEngagement(
                                channelAccess,
                                batch.posts().stream().map(Due::externalRef).toList());
                results.add(new BatchRead(batch, got));
                int found = (int) batch.posts().stream()
                        .filter(p -> got.containsKey(p.externalRef()))
                        .count();
                read += found;
                gone += batch.posts().size() - found;
            } catch (ConnectorException e) {
                if (e.kind() != FailureKind.TRANSIENT) {
                    run.rest(channel.id());
                }
                deferred += batch.posts().size();
                log.info(
                        "Engagement of {} posts on {} deferred: {}",
                        batch.posts().size(),
                        channel.label(),
                        e.getMessage());
            } catch (MissingCredentials e) {
                run.rest(channel.id());
                deferred += batch.posts().size();
            }
        }
        if (!results.isEmpty()) {
            record(results);
        }
        return new Tally(read, deferred, gone, calls);
    }

    /**
     * Stores what the platforms said of a chunk of batches: snapshots, latest values, what each day
     * added per channel and campaign (the difference to the latest values stored), next reads.
     */
    public void record(List<BatchRead> results) {
        var now = clock.instant();
        var day = LocalDate.ofInstant(now, loa.cityZone());
        var previous = store.latest(results.stream()
                .flatMap(r -> r.batch().posts().stream())
                .map(Due::deliveryId)
                .toList());
        var reads = new ArrayList<EngagementStore.Read>();
        var added = new LinkedHashMap<DayKey, EngagementStore.DayAdded>();
        var next = new ArrayList<EngagementStore.NextRead>();
        for (var result : results) {
            var platform = result.batch().channel().platform();
            for (var post : result.batch().posts()) {
                var s = result.read().get(post.externalRef());
                if (s == null) {
                    // The post is gone from the platform: stop reading it; what it gathered stays counted.
                    next.add(new EngagementStore.NextRead(post.deliveryId(), post.readsDone() + 1, null));
                    continue;
                }
                reads.add(new EngagementStore.Read(post.deliveryId(), s));
                var gained = s.counts().minus(previous.getOrDefault(post.deliveryId(), Engagement.NONE));
                // Posts that share a day, channel and campaign add up to one rollup row.
                added.merge(
                        new DayKey(day, post.channelId(), post.campaignId()),
                        new EngagementStore.DayAdded(
                                day, post.channelId(), post.campaignId(), post.themeId(), platform, gained),
                        (a, b) -> new EngagementStore.DayAdded(
                                a.day(),
                                a.channelId(),
                                a.campaignId(),
                                a.themeId(),
                                a.platform(),
                                a.added().plus(b.added())));
                next.add(new EngagementStore.NextRead(
                        post.deliveryId(),
                        post.readsDone() + 1,
                        cadence.nextAfter(post.publishedAt(), post.readsDone() + 1, now)
                                .orElse(null)));
            }
        }
        store.record(now, reads, new ArrayList<>(added.values()), next);
    }

    /** The key of a daily rollup row. */
    private record DayKey(LocalDate day, long channelId, long campaignId) {}

    /** Reads the follower count of every channel with published posts, once a day. */
    public int readFollowers(CollectionRun run) {
        var today = LocalDate.ofInstant(clock.instant(), loa.cityZone());
        int read = 0;
        for (var channel : channels.findAll(store.channelsWithoutFollowers(today))) {
            if (run.resting(channel.id()) || usage.shouldSlowDown(channel.platform(), channel.externalId())) {
                continue;
            }
            try {
                var followers =
                        connectors.forPlatform(channel.platform()).followerCount(connections.accessFor(channel));
                store.recordFollowers(channel.id(), today, followers);
                read++;
            } catch (ConnectorException | MissingCredentials e) {
                log.info("Followers of {} not read this time: {}", channel.label(), e.getMessage());
            }
        }
        return read;
    }
}
