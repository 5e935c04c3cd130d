package vn.loa.app.publishing;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.app.connection.ChannelConnections;
import vn.loa.app.delivery.DeliveryNotices;
import vn.loa.app.emergency.ActiveStops;
import vn.loa.app.emergency.EmergencyStops;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.content.ContentRepository;
import vn.loa.campaigns.content.PostDrafts;
import vn.loa.campaigns.delivery.Delivery;
import vn.loa.campaigns.delivery.DeliveryRepository;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.delivery.DeliveryTimer;
import vn.loa.campaigns.publishing.AttemptOutcome;
import vn.loa.campaigns.publishing.AttemptPurpose;
import vn.loa.campaigns.publishing.AttemptResult;
import vn.loa.campaigns.publishing.AttemptResult.Failure;
import vn.loa.campaigns.publishing.NextStep;
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

    private final PublishLedger ledger;
    private final DeliveryRepository deliveries;
    private final ContentRepository contents;
    private final ChannelRepository channels;
    private final ChannelConnections connections;
    private final ConnectorRegistry connectors;
    private final DeliveryProgress progress;
    private final ChannelPauses pauses;
    private final EmergencyStops emergency;
    private final TransactionTemplate tx;
    private final EngineProperties properties;
    private final DeliveryTimer timer;
    private final DeliveryNotices notices;
    private final Clock clock;

    public NativeHandoff(
            PublishLedger ledger,
            DeliveryRepository deliveries,
            ContentRepository contents,
            ChannelRepository channels,
            ChannelConnections connections,
            ConnectorRegistry connectors,
            DeliveryProgress progress,
            EmergencyStops emergency,
            ChannelPauses pauses,
            TransactionTemplate tx,
            EngineProperties properties,
            DeliveryTimer timer,
            DeliveryNotices notices,
            Clock clock) {
        this.pauses = pauses;
        this.ledger = ledger;
        this.deliveries = deliveries;
        this.contents = contents;
        this.channels = channels;
        this.connections = connections;
        this.connectors = connectors;
        this.progress = progress;
        this.emergency = emergency;
        this.tx = tx;
        this.properties = properties;
        this.timer = timer;
        this.notices = notices;
        this.clock = clock;
    }

    /** Hands over what is eligible now; returns how many the platforms took. */
    public int handOffDue() {
        var now = clock.instant();
        var eligible = new ArrayList<Long>();
        var channelCache = new HashMap<Long, Channel>();
        ActiveStops stops = null;
        for (var c : ledger.handoffCandidates(now, 50)) {
            var channel = channelCache.computeIfAbsent(
                    c.channelId(), id -> channels.find(id).orElseThrow());
            stops = stops == null ? emergency.fresh() : stops;
            if (stops.covering(channel).isPresent()) {
                continue; // handing over is sending: nothing goes to a platform while publishing is stopped
            }
            var caps = connectors.forPlatform(channel.platform()).capabilities();
            var lead = Duration.between(now, c.scheduledAt());
            if (caps.nativeScheduling()
                    && lead.compareTo(caps.nativeScheduleMinLead().plus(MARGIN)) >= 0
                    && lead.compareTo(caps.nativeScheduleMaxLead()) <= 0) {
                eligible.add(c.deliveryId());
            }
        }
        if (!eligible.isEmpty()) {
            // A handoff cut off by a crash is settled when its lease ends.
            timer.dueAt(now.plus(properties.lease()));
        }
        int handed = 0;
        for (var id : eligible) {
            var attempt = tx.execute(status -> ledger.lockScheduled(id)
                    ? ledger.recordHandoffIntent(id, properties.node(), now, now.plus(properties.lease()))
                    : null);
            if (attempt != null && handOver(id, attempt)) {
                handed++;
            }
        }
        return handed;
    }

    private boolean handOver(long deliveryId, long attemptId) {
        var delivery = deliveries.find(deliveryId).orElseThrow();
        var channel = channels.find(delivery.channelId()).orElseThrow();
        var stop = emergency.current().covering(channel);
        if (stop.isPresent()) {
            tx.executeWithoutResult(status -> ledger.finish(
                    attemptId,
                    AttemptResult.notOut(AttemptOutcome.FAILED, null, stop.get().holdReason()),
                    clock.instant()));
            return false;
        }
        try {
            var item = contents.find(delivery.contentId()).orElseThrow();
            var request = PostDrafts.toRequest(
                    item.variant(channel.platform()).orElseThrow(),
                    connections.accessFor(channel),
                    "loa-" + deliveryId + "-handoff");
            var post = connectors.forPlatform(channel.platform()).scheduleNatively(request, delivery.scheduledAt());
            var handed = new NextStep.Published(post.externalId(), post.warnings());
            tx.executeWithoutResult(status -> {
                if (ledger.finish(
                        attemptId, AttemptResult.handedOff(post.externalId(), handed.summary()), clock.instant())) {
                    progress.handedOff(deliveries.find(deliveryId).orElseThrow(), post.externalId());
                    // A thumbnail refused at the handoff stays true once the platform publishes the video.
                    notices.add(deliveryId, post.warnings(), clock.instant());
                }
            });
            return true;
        } catch (ConnectorException e) {
            var failure = Failure.of(e);
            tx.executeWithoutResult(status -> {
                if (e.kind() == FailureKind.UNKNOWN_OUTCOME) {
                    // Its lease ends now: a dispatcher is woken to settle it.
                    ledger.markUnknown(attemptId, AttemptResult.unknown(failure, e.getMessage()), clock.instant());
                    timer.dueAt(clock.instant());
                } else {
                    // Loa keeps the delivery and publishes it itself at the instant.
                    ledger.finish(
                            attemptId,
                            AttemptResult.notOut(AttemptOutcome.FAILED, failure, e.getMessage()),
                            clock.instant());
                }
            });
            log.info("Handoff of delivery {} to {} did not happen: {}", deliveryId, channel.label(), e.getMessage());
            return false;
        } catch (MissingCredentials | IllegalStateException | NoSuchElementException e) {
            tx.executeWithoutResult(status -> ledger.finish(
                    attemptId, AttemptResult.notOut(AttemptOutcome.FAILED, null, e.getMessage()), clock.instant()));
            return false;
        }
    }

    /** Handoffs of unknown outcome: the platform's list of scheduled posts says whether it took the post. */
    public int settleHandoffs() {
        var now = clock.instant();
        // Taken over first, so that only one node asks the platform.
        var leaseUntil = now.plus(properties.lease());
        var open =
                tx.execute(status -> ledger.takeOver(AttemptPurpose.HANDOFF, now, properties.node(), leaseUntil, 20));
        if (open != null && !open.isEmpty()) {
            timer.dueAt(leaseUntil);
        }
        int settled = 0;
        for (var a : open == null ? List.<PublishLedger.Unsettled>of() : open) {
            var delivery = deliveries.find(a.deliveryId()).orElseThrow();
            var channel = channels.find(delivery.channelId()).orElseThrow();
            try {
                var connector = connectors.forPlatform(channel.platform());
                var access = connections.accessFor(channel);
                var held = connector.listNativelyScheduled(access).stream()
                        .filter(p -> Math.abs(p.liveAt().getEpochSecond()
                                        - delivery.scheduledAt().getEpochSecond())
                                <= 1)
                        .findFirst();
                if (held.isEmpty()) {
                    // Past its instant the platform lists it among published posts, no longer among scheduled ones.
                    var item = contents.find(delivery.contentId()).orElseThrow();
                    var request = PostDrafts.toRequest(
                            item.variant(channel.platform()).orElseThrow(), access, null);
                    held = connector.findPublished(request, a.startedAt().minus(Duration.ofMinutes(1)));
                }
                var found = held;
                tx.executeWithoutResult(status -> {
                    if (found.isPresent()) {
                        var ref = found.get().externalId();
                        if (ledger.finish(
                                a.attemptId(),
                                AttemptResult.handedOff(ref, "settled: the platform holds it"),
                                clock.instant())) {
                            progress.handedOff(deliveries.find(a.deliveryId()).orElseThrow(), ref);
                        }
                    } else {
                        ledger.finish(
                                a.attemptId(),
                                AttemptResult.notOut(
                                        AttemptOutcome.FAILED,
                                        null,
                                        "settled: the platform does not hold it; Loa publishes it"),
                                clock.instant());
                    }
                });
                settled++;
            } catch (ConnectorException | MissingCredentials e) {
                log.info("Handoff of delivery {} stays unsettled: {}", a.deliveryId(), e.getMessage());
            }
        }
        return settled;
    }

    /**
     * After the instant: a post the platform shows the public is PUBLISHED; one it holds but keeps
     * hidden (YouTube: still private, rejected) FAILED with the platform's reason and an alert on
     * the channel; one it no longer has goes back to Loa.
     */
    public int reconcile() {
        var due = ledger.handedOffBefore(clock.instant().minus(GRACE), 200);
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
                        connectors.forPlatform(channel.platform()).readVisibility(connections.accessFor(channel), refs);
                for (var d : entry.getValue()) {
                    tx.executeWithoutResult(status -> {
                        var current = deliveries.find(d.id()).orElseThrow();
                        if (current.status() != DeliveryStatus.HANDED_OFF) {
                            return;
                        }
                        var visibility = seen.get(d.externalRef());
                        if (visibility != null && visibility.isPublic()) {
                            progress.confirmedByPlatform(current);
                        } else if (visibility != null) {
                            var reason = visibility.reason() + "; the post is on the platform as " + d.externalRef();
                            progress.hiddenByPlatform(current, reason);
                            pauses.postsNotPublic(current.channelId(), current.contentId(), reason);
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
