package vn.loa.app.amplify;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.loa.app.amplify.ShareEngagementStore.DueShare;
import vn.loa.app.amplify.ShareEngagementStore.Outcome;
import vn.loa.app.config.LoaProperties;
import vn.loa.app.connection.ChannelConnections;
import vn.loa.app.engagement.EngagementProperties;
import vn.loa.app.engagement.UsageGovernor;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.channel.ChannelRole;
import vn.loa.campaigns.engagement.ReadCadence;
import vn.loa.campaigns.partner.PartnerPage;
import vn.loa.campaigns.partner.PartnerPageRepository;
import vn.loa.connectors.ChannelAccess;
import vn.loa.connectors.ConnectorRegistry;
import vn.loa.connectors.EngagementSnapshot;
import vn.loa.connectors.Platform;
import vn.loa.connectors.credentials.MissingCredentials;
import vn.loa.connectors.error.ConnectorException;

/**
 * Reads what partners' shares gathered and refreshes the follower counts of registry pages, for the
 * engagement job, wherever the platform lets Loa read:
 *
 * <ul>
 *   <li>a page linked to a connected channel: with that page's own credentials, like Loa's own posts;
 *   <li>YouTube: a video's statistics and a channel's subscriber count are public, so any connected
 *       YouTube channel's credentials read them (the Data API's {@code videos.list} and {@code
 *       channels.list} by id);
 *   <li>otherwise nothing: Facebook shows an app another page's posts only with Page Public Content
 *       Access, and Zalo shows an OA's articles only to that OA. Those shares are marked as not
 *       readable (with the reason) and no more reads are planned.
 * </ul>
 *
 * What cannot be read now (rate limits, quota, missing credentials) stays due for the next run.
 */
@Component
public class ShareEngagementReader {

    private static final Logger log = LoggerFactory.getLogger(ShareEngagementReader.class);

    static final String NOT_READABLE_FACEBOOK = "Facebook shows an app the posts of a page it does not manage only"
            + " with Page Public Content Access: link the page to a connected channel to read its shares";
    static final String NOT_READABLE_ZALO =
            "Zalo shows an OA's articles only to that OA: link the OA to a connected channel to read its shares";
    static final String GONE = "the post is no longer on the platform, or not public";

    /** What one run did. */
    public record Tally(int read, int deferred, int unreadable, int followers) {}

    private final ShareEngagementStore store;
    private final PartnerPageRepository pages;
    private final ChannelRepository channels;
    private final ChannelConnections connections;
    private final ConnectorRegistry connectors;
    private final UsageGovernor usage;
    private final ReadCadence cadence;
    private final LoaProperties loa;
    private final Clock clock;

    ShareEngagementReader(
            ShareEngagementStore store,
            PartnerPageRepository pages,
            ChannelRepository channels,
            ChannelConnections connections,
            ConnectorRegistry connectors,
            UsageGovernor usage,
            EngagementProperties properties,
            LoaProperties loa,
            Clock clock) {
        this.store = store;
        this.pages = pages;
        this.channels = channels;
        this.connections = connections;
        this.connectors = connectors;
        this.usage = usage;
        this.cadence = properties.cadence();
        this.loa = loa;
        this.clock = clock;
    }

    /** Reads the shares due now and the follower counts not read today; runs in the caller's transaction. */
    public Tally run(int limit) {
        var shares = readShares(limit);
        return new Tally(shares.read(), shares.deferred(), shares.unreadable(), refreshFollowers());
    }

    Tally readShares(int limit) {
        var now = clock.instant();
        var due = store.due(now, limit);
        if (due.isEmpty()) {
            return new Tally(0, 0, 0, 0);
        }
        var linked = new LinkedHashMap<Long, List<DueShare>>();
        var youtube = new ArrayList<DueShare>();
        var outcomes = new ArrayList<Outcome>();
        int unreadable = 0;
        for (var share : due) {
            if (share.channelId() != null) {
                linked.computeIfAbsent(share.channelId(), k -> new ArrayList<>())
                        .add(share);
            } else if (share.platform() == Platform.YOUTUBE) {
                youtube.add(share);
            } else {
                unreadable++;
                outcomes.add(new Outcome(
                        share.shareId(),
                        null,
                        share.readsDone(),
                        null,
                        share.platform() == Platform.FACEBOOK ? NOT_READABLE_FACEBOOK : NOT_READABLE_ZALO));
            }
        }
        int read = 0;
        int deferred = 0;
        var known = new LinkedHashMap<Long, Channel>();
        channels.findAll(linked.keySet()).forEach(c -> known.put(c.id(), c));
        var access = connections.accessForBatch(known.values());
        for (var entry : linked.entrySet()) {
            var channel = known.get(entry.getKey());
            var got = channel == null || !channel.active()
                    ? Optional.<Map<String, EngagementSnapshot>>empty()
                    : read(access.get(channel.id()), entry.getValue());
            if (got.isEmpty()) {
                deferred += entry.getValue().size();
                continue;
            }
            read += settle(entry.getValue(), got.get(), outcomes);
        }
        if (!youtube.isEmpty()) {
            var got = publicYouTube().flatMap(a -> read(a, youtube));
            if (got.isEmpty()) {
                deferred += youtube.size();
            } else {
                read += settle(youtube, got.get(), outcomes);
            }
        }
        store.record(now, outcomes);
        return new Tally(read, deferred, unreadable, 0);
    }

    /** One platform call per batch of the platform's size; empty when the platform cannot be read now. */
    private Optional<Map<String, EngagementSnapshot>> read(ChannelAccess access, List<DueShare> shares) {
        if (access == null || usage.shouldSlowDown(access.platform(), access.externalId())) {
            return Optional.empty();
        }
        var connector = connectors.forPlatform(access.platform());
        int size = connector.capabilities().engagementBatchSize();
        var result = new LinkedHashMap<String, EngagementSnapshot>();
        try {
            for (int i = 0; i < shares.size(); i += size) {
                var ids = shares.subList(i, Math.min(shares.size(), i + size)).stream()
                        .map(DueShare::postId)
                        .toList();
                result.putAll(connector.readEngagement(access, ids));
            }
            return Optional.of(result);
        } catch (ConnectorException | MissingCredentials e) {
            log.info("Engagement of {} partner shares on {} deferred: {}", shares.size(), access, e.getMessage());
            return Optional.empty();
        }
    }

    private int settle(List<DueShare> shares, Map<String, EngagementSnapshot> got, List<Outcome> outcomes) {
        var now = clock.instant();
        int read = 0;
        for (var share : shares) {
            var s = got.get(share.postId());
            int done = share.readsDone() + 1;
            if (s == null) {
                outcomes.add(new Outcome(share.shareId(), null, done, null, GONE));
                continue;
            }
            read++;
            outcomes.add(new Outcome(
                    share.shareId(),
                    s,
                    done,
                    cadence.nextAfter(share.sharedAt(), done, now).orElse(null),
                    null));
        }
        return read;
    }

    /**
     * Follower counts of registry pages not read today: linked pages with their own credentials,
     * YouTube channels with any connected YouTube channel's (subscriber counts are public).
     */
    int refreshFollowers() {
        var now = clock.instant();
        var today = LocalDate.ofInstant(now, loa.cityZone());
        var startOfDay = today.atStartOfDay(loa.cityZone()).toInstant();
        var stale = pages.followersToRead(startOfDay);
        if (stale.isEmpty()) {
            return 0;
        }
        var linked = new LinkedHashMap<Long, Channel>();
        channels.findAll(stale.stream()
                        .map(PartnerPage::channelId)
                        .filter(Objects::nonNull)
                        .toList())
                .forEach(c -> linked.put(c.id(), c));
        var access = connections.accessForBatch(linked.values());
        var youtube =
                stale.stream().anyMatch(p -> p.channelId() == null) ? publicYouTube() : Optional.<ChannelAccess>empty();
        int refreshed = 0;
        for (var page : stale) {
            ChannelAccess a;
            if (page.channelId() != null) {
                var channel = linked.get(page.channelId());
                a = channel == null || !channel.active() ? null : access.get(channel.id());
            } else {
                a = youtube.map(y -> new ChannelAccess(Platform.YOUTUBE, page.externalId(), y.credentials()))
                        .orElse(null);
            }
            if (a == null || usage.shouldSlowDown(a.platform(), a.externalId())) {
                continue;
            }
            try {
                var followers = connectors.forPlatform(a.platform()).followerCount(a);
                pages.recordFollowersRead(page.id(), today, followers, now);
                refreshed++;
            } catch (ConnectorException | MissingCredentials e) {
                log.info("Followers of partner page {} not read this time: {}", page.label(), e.getMessage());
            }
        }
        return refreshed;
    }

    /** The credentials of a connected, active YouTube channel (official ones first), to read public statistics. */
    private Optional<ChannelAccess> publicYouTube() {
        var candidates = channels.list(null).stream()
                .filter(c -> c.platform() == Platform.YOUTUBE && c.active())
                .sorted(Comparator.comparing((Channel c) -> c.role() != ChannelRole.OFFICIAL))
                .toList();
        var access = connections.accessForBatch(candidates);
        for (var c : candidates) {
            var a = access.get(c.id());
            try {
                a.credentials().current();
                return Optional.of(a);
            } catch (MissingCredentials e) {
                // Not connected: try the next one.
            }
        }
        return Optional.empty();
    }
}
