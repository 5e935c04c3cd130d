package vn.loa.app.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.app.connection.ChannelConnections;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.content.ContentRepository;
import vn.loa.campaigns.content.PostDrafts;
import vn.loa.campaigns.delivery.Delivery;
import vn.loa.campaigns.delivery.DeliveryRepository;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.workflow.DeliveryProgress;
import vn.loa.connectors.ConnectorRegistry;
import vn.loa.connectors.credentials.MissingCredentials;
import vn.loa.connectors.error.ConnectorException;
import vn.loa.connectors.error.FailureKind;

/**
 * Hands deliveries to a platform's own scheduler (Facebook scheduled posts, YouTube publishAt) on
 * channels that opted in, when they are far enough ahead; then reconciles after the instant. A
 * handoff whose outcome is unknown is settled from the platform's list of scheduled posts; until
 * it is, the delivery is not published by Loa either. A failed handoff leaves the delivery to Loa.
 */
@Service
public class NativeHandoff {

    private static final Logger log = LoggerFactory.getLogger(NativeHandoff.class);
    /** Kept on top of a platform's minimum lead, so the platform never sees a time too close. */
    static final Duration MARGIN = Duration.ofMinutes(5);
    /** How long after its instant a handed-off post is checked on the platform. */
    static final Duration GRACE = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final PublishLedger ledger;
    private final DeliveryRepository deliveries;
    private final ContentRepository contents;
    private final ChannelRepository channels;
    private final ChannelConnections connections;
    private final ConnectorRegistry connectors;
    private final DeliveryProgress progress;
    private final TransactionTemplate tx;
    private final EngineProperties properties;
    private final Clock clock;

    public NativeHandoff(
            JdbcClient jdbc,
            PublishLedger ledger,
            DeliveryRepository deliveries,
            ContentRepository contents,
            ChannelRepository channels,
            ChannelConnections connections,
            ConnectorRegistry connectors,
            DeliveryProgress progress,
            TransactionTemplate tx,
            EngineProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.deliveries = deliveries;
        this.contents = contents;
        this.channels = channels;
        this.connections = connections;
        this.connectors = connectors;
        this.progress = progress;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** Hands over what is eligible now; returns how many the platforms took. */
    public int handOffDue() {
        var now = clock.instant();
        var candidates = jdbc.sql("""
                SELECT d.id, d.channel_id, d.scheduled_at FROM delivery d
                JOIN channel c ON c.id = d.channel_id
                JOIN content_item i ON i.id = d.content_id
                WHERE d.status = 'SCHEDULED' AND c.native_scheduling = TRUE AND c.active = TRUE AND c.paused_at IS NULL
                  AND i.status = 'SCHEDULED' AND d.scheduled_at > ?
                  AND NOT EXISTS (SELECT 1 FROM publish_attempt a WHERE a.delivery_id = d.id AND a.purpose = 'HANDOFF'
                                  AND a.outcome IN ('PENDING', 'UNKNOWN', 'FAILED'))
                ORDER BY d.scheduled_at LIMIT 50""")
                .param(Timestamps.utc(now))
                .query((rs, n) -> new long[] {
                    rs.getLong(1),
                    rs.getLong(2),
                    Timestamps.read(rs, "scheduled_at").getEpochSecond()
                })
                .list();
        var eligible = new ArrayList<Long>();
        var channelCache = new HashMap<Long, Channel>();
        for (var c : candidates) {
            var channel =
                    channelCache.computeIfAbsent(c[1], id -> channels.find(id).orElseThrow());
            var caps = connectors.forPlatform(channel.platform()).capabilities();
            var lead = Duration.between(now, Instant.ofEpochSecond(c[2]));
            if (caps.nativeScheduling()
                    && lead.compareTo(caps.nativeScheduleMinLead().plus(MARGIN)) >= 0
                    && lead.compareTo(caps.nativeScheduleMaxLead()) <= 0) {
                eligible.add(c[0]);
            }
        }
        int handed = 0;
        for (var id : eligible) {
            var attempt = tx.execute(status -> {
                var locked = jdbc.sql(
                                "SELECT id FROM delivery WHERE id = ? AND status = 'SCHEDULED' FOR UPDATE SKIP LOCKED")
                        .param(id)
                        .query(Long.class)
                        .optional();
                return locked.isEmpty()
                        ? null
                        : ledger.recordHandoffIntent(id, properties.node(), now, now.plus(properties.lease()));
            });
            if (attempt != null && handOver(id, attempt)) {
                handed++;
            }
        }
        return handed;
    }

    private boolean handOver(long deliveryId, long attemptId) {
        var delivery = deliveries.find(deliveryId).orElseThrow();
        var channel = channels.find(delivery.channelId()).orElseThrow();
        try {
            var item = contents.find(delivery.contentId()).orElseThrow();
            var request = PostDrafts.toRequest(
                    item.variant(channel.platform()).orElseThrow(),
                    connections.accessFor(channel),
                    "loa-" + deliveryId + "-handoff");
            var post = connectors.forPlatform(channel.platform()).scheduleNatively(request, delivery.scheduledAt());
            tx.executeWithoutResult(status -> {
                if (ledger.finish(attemptId, "HANDED_OFF", clock.instant(), post.externalId(), null, null, null)) {
                    progress.handedOff(deliveries.find(deliveryId).orElseThrow(), post.externalId());
                }
            });
            return true;
        } catch (ConnectorException e) {
            tx.executeWithoutResult(status -> {
                if (e.kind() == FailureKind.UNKNOWN_OUTCOME) {
                    ledger.markUnknown(attemptId, clock.instant(), e.kind().name(), e.platformCode(), e.getMessage());
                } else {
                    // Loa keeps the delivery and publishes it itself at the instant.
                    ledger.finish(
                            attemptId,
                            "FAILED",
                            clock.instant(),
                            null,
                            e.kind().name(),
                            e.platformCode(),
                            e.getMessage());
                }
            });
            log.info("Handoff of delivery {} to {} did not happen: {}", deliveryId, channel.label(), e.getMessage());
            return false;
        } catch (MissingCredentials | IllegalStateException | NoSuchElementException e) {
            tx.executeWithoutResult(
                    status -> ledger.finish(attemptId, "FAILED", clock.instant(), null, null, null, e.getMessage()));
            return false;
        }
    }

    /** Handoffs of unknown outcome: the platform's list of scheduled posts says whether it took the post. */
    public int settleHandoffs() {
        var now = clock.instant();
        var open = jdbc.sql(
                        "SELECT id, delivery_id, started_at FROM publish_attempt WHERE purpose = 'HANDOFF'"
                                + " AND outcome IN ('UNKNOWN', 'PENDING', 'SETTLING') AND lease_until <= ? ORDER BY id LIMIT 20")
                .param(Timestamps.utc(now))
                .query((rs, n) -> new long[] {
                    rs.getLong(1),
                    rs.getLong(2),
                    Timestamps.read(rs, "started_at").getEpochSecond()
                })
                .list();
        int settled = 0;
        for (var a : open) {
            // Take it, so that only one node asks the platform.
            int taken = jdbc.sql("UPDATE publish_attempt SET outcome = 'SETTLING', node = ?, lease_until = ?"
                            + " WHERE id = ? AND outcome IN ('UNKNOWN', 'PENDING', 'SETTLING') AND lease_until <= ?")
                    .params(properties.node(), Timestamps.utc(now.plus(properties.lease())), a[0], Timestamps.utc(now))
                    .update();
            if (taken == 0) {
                continue;
            }
            var delivery = deliveries.find(a[1]).orElseThrow();
            var channel = channels.find(delivery.channelId()).orElseThrow();
            try {
                var connector = connectors.forPlatform(channel.platform());
                var access = connections.accessFor(channel);
                var scheduled = connector.listNativelyScheduled(access).stream()
                        .filter(p -> Math.abs(p.liveAt().getEpochSecond()
                                        - delivery.scheduledAt().getEpochSecond())
                                <= 1)
                        .findFirst();
                var held = scheduled;
                if (held.isEmpty()) {
                    // Past its instant the platform lists it among published posts, no longer among scheduled ones.
                    var item = contents.find(delivery.contentId()).orElseThrow();
                    var request = PostDrafts.toRequest(
                            item.variant(channel.platform()).orElseThrow(), access, null);
                    held = connector.findPublished(
                            request, Instant.ofEpochSecond(a[2]).minus(Duration.ofMinutes(1)));
                }
                var found = held;
                tx.executeWithoutResult(status -> {
                    if (found.isPresent()) {
                        if (ledger.finish(
                                a[0],
                                "HANDED_OFF",
                                clock.instant(),
                                found.get().externalId(),
                                null,
                                null,
                                "settled: the platform holds it")) {
                            progress.handedOff(
                                    deliveries.find(a[1]).orElseThrow(),
                                    found.get().externalId());
                        }
                    } else {
                        ledger.finish(
                                a[0],
                                "FAILED",
                                clock.instant(),
                                null,
                                null,
                                null,
                                "settled: the platform does not hold it; Loa publishes it");
                    }
                });
                settled++;
            } catch (ConnectorException | MissingCredentials e) {
                log.info("Handoff of delivery {} stays unsettled: {}", a[1], e.getMessage());
            }
        }
        return settled;
    }

    /** After the instant: a post the platform published is PUBLISHED; one it no longer has goes back to Loa. */
    public int reconcile() {
        var due = jdbc.sql(
                        "SELECT id FROM delivery WHERE status = 'HANDED_OFF' AND scheduled_at <= ? ORDER BY id LIMIT 200")
                .param(Timestamps.utc(clock.instant().minus(GRACE)))
                .query(Long.class)
                .list();
        var byChannel = new HashMap<Long, List<Delivery>>();
        deliveries
                .findAll(due)
                .forEach(d -> byChannel
                        .computeIfAbsent(d.channelId(), k -> new ArrayList<>())
                        .add(d));
        int done = 0;
        for (var entry : byChannel.entrySet()) {
            var channel = channels.find(entry.getKey()).orElseThrow();
            try {
                var refs = entry.getValue().stream().map(Delivery::externalRef).toList();
                var seen =
                        connectors.forPlatform(channel.platform()).readEngagement(connections.accessFor(channel), refs);
                for (var d : entry.getValue()) {
                    tx.executeWithoutResult(status -> {
                        var current = deliveries.find(d.id()).orElseThrow();
                        if (current.status() != DeliveryStatus.HANDED_OFF) {
                            return;
                        }
                        if (seen.containsKey(d.externalRef())) {
                            progress.confirmedByPlatform(current);
                        } else {
                            progress.droppedByPlatform(
                                    current, "the platform no longer holds the post; Loa publishes it");
                        }
                    });
                    done++;
                }
            } catch (ConnectorException | MissingCredentials e) {
                log.info("Handed-off posts on {} not checked yet: {}", channel.label(), e.getMessage());
            }
        }
        return done;
    }
}
