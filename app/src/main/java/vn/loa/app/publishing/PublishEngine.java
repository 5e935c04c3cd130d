package vn.loa.app.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.app.connection.ChannelConnections;
import vn.loa.app.delivery.DeliveryNotices;
import vn.loa.app.emergency.EmergencyStops;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.content.ContentRepository;
import vn.loa.campaigns.content.PostDrafts;
import vn.loa.campaigns.delivery.Delivery;
import vn.loa.campaigns.delivery.DeliveryTimer;
import vn.loa.campaigns.publishing.AttemptOutcome;
import vn.loa.campaigns.publishing.AttemptPurpose;
import vn.loa.campaigns.publishing.AttemptResult;
import vn.loa.campaigns.publishing.AttemptResult.Failure;
import vn.loa.campaigns.publishing.FailureHandling;
import vn.loa.campaigns.publishing.NextStep;
import vn.loa.campaigns.publishing.RetryPolicy;
import vn.loa.campaigns.workflow.DeliveryProgress;
import vn.loa.connectors.ConnectorRegistry;
import vn.loa.connectors.Platform;
import vn.loa.connectors.PublishRequest;
import vn.loa.connectors.PublishWarning;
import vn.loa.connectors.credentials.MissingCredentials;
import vn.loa.connectors.error.ConnectorException;
import vn.loa.connectors.error.FailureKind;

/**
 * Publishes due deliveries, once each. One attempt is: claim (the intent, with its idempotency key,
 * committed), call the platform outside any transaction, record the outcome (committed). What the
 * platform's failure means decides the next step ({@link FailureHandling}); an attempt whose outcome
 * is unknown is never retried blindly but settled by reading the platform back ({@link #settle()}).
 */
@Service
public class PublishEngine implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PublishEngine.class);

    private final PublishLedger ledger;
    private final DeliveryProgress progress;
    private final ContentRepository contents;
    private final ChannelRepository channels;
    private final ChannelConnections connections;
    private final ConnectorRegistry connectors;
    private final ChannelPauses pauses;
    private final EmergencyStops emergency;
    private final PublishMetrics metrics;
    private final TransactionTemplate tx;
    private final EngineProperties properties;
    private final FailureHandling failures;
    private final DeliveryTimer timer;
    private final DispatcherWake wake;
    private final DeliveryNotices notices;
    private final Clock clock;
    private final Map<Platform, ExecutorService> pools = new EnumMap<>(Platform.class);
    /** Calls handed to each pool and not finished: what this node can still take is the rest of its threads. */
    private final Map<Platform, AtomicInteger> inFlight = new EnumMap<>(Platform.class);
    /**
     * The calls' outcomes waiting to be stored. Recorder threads store them, so a publish thread is
     * free for its next call as soon as the platform has answered: recording on the calling thread
     * kept it from the next call for the outcome's transaction and the wait for a connection, and
     * that, not the platform, set the burst's pace (docs/benchmarks.md, same-second burst). Fewer
     * recorders than the connection pool holds, so the dispatcher's claims still find a connection.
     * Bounded: when it is full the publish thread stores its own outcome (and takes no new call
     * meanwhile) rather than the queue growing without end.
     */
    private final BlockingQueue<Called> outcomes;

    private final List<Thread> recorders = new ArrayList<>();
    private volatile boolean recording = true;
    /** Outcomes stored in one transaction: one commit for what waited, not one per outcome. */
    private static final int OUTCOMES_PER_TRANSACTION = 50;

    public PublishEngine(
            PublishLedger ledger,
            DeliveryProgress progress,
            ContentRepository contents,
            ChannelRepository channels,
            ChannelConnections connections,
            ConnectorRegistry connectors,
            ChannelPauses pauses,
            EmergencyStops emergency,
            PublishMetrics metrics,
            TransactionTemplate tx,
            EngineProperties properties,
            DeliveryTimer timer,
            DispatcherWake wake,
            DeliveryNotices notices,
            Clock clock) {
        this.ledger = ledger;
        this.progress = progress;
        this.contents = contents;
        this.channels = channels;
        this.connections = connections;
        this.connectors = connectors;
        this.pauses = pauses;
        this.emergency = emergency;
        this.metrics = metrics;
        this.tx = tx;
        this.properties = properties;
        this.timer = timer;
        this.wake = wake;
        this.notices = notices;
        this.clock = clock;
        this.failures = new FailureHandling(
                new RetryPolicy(properties.maxAttempts(), properties.retryBase(), properties.retryCap()),
                () -> ThreadLocalRandom.current().nextDouble());
        for (var platform : Platform.values()) {
            inFlight.put(platform, new AtomicInteger());
            pools.put(platform, Executors.newFixedThreadPool(properties.threadsPerPlatform(), r -> {
                var t = new Thread(r, "publish-" + platform.name().toLowerCase());
                t.setDaemon(true);
                return t;
            }));
        }
        this.outcomes = new ArrayBlockingQueue<>(2 * properties.threadsPerPlatform());
        for (int i = 0; i < properties.recorders(); i++) {
            var t = new Thread(this::recordOutcomes, "publish-recorder-" + i);
            t.setDaemon(true);
            t.start();
            recorders.add(t);
        }
    }

    /** What a platform call came to, before it is stored. */
    private record Called(Prepared prepared, NextStep step, ConnectorException failure) {}

    /** A claimed delivery with everything its platform call needs, gathered in the claim transaction. */
    private record Prepared(
            PublishLedger.Claim claim,
            Delivery delivery,
            Channel channel,
            PublishRequest request,
            RuntimeException problem) {}

    /**
     * Claims due deliveries and hands each to its platform's pool; returns how many were claimed.
     * A node holds at most twice its publish threads per platform (those calling and as many
     * waiting their turn): what it could not start within about one call's time it leaves to the
     * other nodes.
     */
    public int dispatchDue() {
        var room = new EnumMap<Platform, Integer>(Platform.class);
        boolean any = false;
        for (var platform : Platform.values()) {
            // Half a wave waiting behind the calls running, so the next claim is made while the calls
            // are out: claiming only for idle threads put a claim between every wave of calls
            // (docs/benchmarks.md, same-second burst). No more: a node holding twice its threads
            // took all of the channels' room, and a second node found nothing to claim.
            int threads = properties.threadsPerPlatform();
            int free = threads + threads / 2 - inFlight.get(platform).get();
            room.put(platform, free);
            any |= free > 0;
        }
        if (!any) {
            return 0;
        }
        var prepared = claim(room);
        for (var p : prepared) {
            var platform = p.channel().platform();
            inFlight.get(platform).incrementAndGet();
            pools.get(platform).execute(() -> {
                Called called;
                try {
                    called = call(p);
                } finally {
                    inFlight.get(platform).decrementAndGet();
                    // This node has a thread for the next due delivery.
                    wake.claim();
                }
                if (!outcomes.offer(called)) {
                    store(called);
                    wake.claim();
                }
            });
        }
        return prepared.size();
    }

    /** Claims and publishes everything due, on the calling thread, until nothing is due (tests, single runs). */
    public int publishDueNow() {
        int total = 0;
        List<Prepared> prepared;
        var room = new EnumMap<Platform, Integer>(Platform.class);
        for (var platform : Platform.values()) {
            room.put(platform, properties.batchSize());
        }
        while (!(prepared = claim(room)).isEmpty()) {
            prepared.forEach(p -> store(call(p)));
            total += prepared.size();
        }
        return total;
    }

    /**
     * One transaction: lock due deliveries, move them to PUBLISHING, record each intent, and read
     * what the calls need (channel, credentials, post), once per channel per batch.
     */
    private List<Prepared> claim(Map<Platform, Integer> room) {
        var now = clock.instant();
        var leaseUntil = now.plus(properties.lease());
        var claimed = tx.execute(status -> {
            var result = new ArrayList<Prepared>();
            var due = ledger.lockDue(now, properties.batchSize(), room);
            if (due.isEmpty()) {
                return result;
            }
            var byId = new HashMap<Long, Channel>();
            channels.findAll(due.stream().map(d -> d.channelId()).collect(Collectors.toSet()))
                    .forEach(c -> byId.put(c.id(), c));
            var access = connections.accessForBatch(byId.values());
            var stops = emergency.fresh();
            var sendable = new ArrayList<Delivery>();
            for (var delivery : due) {
                var stop = stops.covering(byId.get(delivery.channelId()));
                if (stop.isPresent()) {
                    // Due while publishing is stopped: kept back, not sent, released when the stop ends.
                    emergency.hold(delivery.id(), stop.get().id(), stop.get().holdReason());
                } else {
                    sendable.add(delivery);
                }
            }
            // The whole batch in a few statements: one dispatcher claims for all publish threads,
            // so per-delivery round trips here would be the burst's bottleneck.
            var started = progress.startPublishing(sendable);
            var claims = ledger.recordIntents(
                    started.stream().map(DeliveryProgress.Started::delivery).toList(),
                    new PublishLedger.Lease(properties.node(), now, leaseUntil));
            for (int i = 0; i < started.size(); i++) {
                var item = started.get(i).item();
                var delivery = started.get(i).delivery();
                var claim = claims.get(i);
                var channel = byId.get(claim.channelId());
                try {
                    var variant = item.variant(channel.platform())
                            .orElseThrow(() -> new IllegalStateException("content item " + claim.contentId()
                                    + " has no " + channel.platform() + " variant"));
                    result.add(new Prepared(
                            claim,
                            delivery,
                            channel,
                            PostDrafts.toRequest(variant, access.get(channel.id()), claim.idempotencyKey())
                                    .withAuthor(channel.displayName())
                                    .resumingFrom(claim.earlierReceipt()),
                            null));
                } catch (RuntimeException e) {
                    result.add(new Prepared(claim, delivery, channel, null, e));
                }
            }
            return result;
        });
        if (claimed == null || claimed.isEmpty()) {
            return List.of();
        }
        // Should this node die with these calls in flight, another node is woken when their lease ends.
        timer.dueAt(leaseUntil);
        return claimed;
    }

    /** One attempt at one claimed delivery: the platform call, or why it was not made. */
    private Called call(Prepared p) {
        var claim = p.claim();
        var channel = p.channel();
        var started = clock.instant();
        metrics.lateness(Duration.between(claim.scheduledAt(), started));
        NextStep step;
        ConnectorException failure = null;
        // A delivery claimed in the same batch as one that just hit a rate limit or a refused token
        // must not be sent into the same wall.
        var closed = pauses.closedGate(channel.id(), started);
        // An emergency stop made since the claim: nothing more goes out.
        var stop = emergency.current().covering(channel);
        if (stop.isPresent()) {
            step = new NextStep.HoldWhileStopped(stop.get().id(), stop.get().holdReason());
        } else if (closed.isPresent()) {
            step = closed.get();
        } else if (p.problem() != null) {
            step = p.problem() instanceof MissingCredentials
                    ? notConnected(channel)
                    : new NextStep.Fail("cannot be published: " + p.problem().getMessage());
        } else {
            try {
                var post = connectors.forPlatform(channel.platform()).publish(p.request());
                step = new NextStep.Published(post.externalId(), post.warnings());
            } catch (ConnectorException e) {
                failure = e;
                step = failures.after(e, claim.attemptNo(), clock.instant());
            } catch (MissingCredentials e) {
                step = notConnected(channel);
            } catch (RuntimeException e) {
                // Something broke around a call that may have reached the platform: find out before retrying.
                log.warn("Attempt {} of delivery {} ended unexpectedly", claim.attemptNo(), claim.deliveryId(), e);
                step = new NextStep.Settle("unexpected " + e.getClass().getSimpleName());
            }
        }
        return new Called(p, step, failure);
    }

    /** A recorder thread: stores what waits, a transaction at a time, until the engine drains. */
    private void recordOutcomes() {
        var batch = new ArrayList<Called>(OUTCOMES_PER_TRANSACTION);
        while (recording || !outcomes.isEmpty()) {
            try {
                // A second at most to see the drain; no interrupt, which could cut a transaction short.
                var first = outcomes.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                outcomes.drainTo(batch, OUTCOMES_PER_TRANSACTION - 1);
                storeAll(batch);
                // Their channels have room for the next ones once the deliveries are no longer publishing.
                wake.claim();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Recorder failed; its outcomes are settled after their lease", e);
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Stores several outcomes in one transaction; should it fail, each is stored in its own, so
     * one bad outcome does not leave the others unstored. (A metric counted in the failed
     * transaction is then counted twice; the ledger is not.)
     */
    private void storeAll(List<Called> batch) {
        if (batch.size() == 1) {
            store(batch.get(0));
            return;
        }
        // In item order, so two recorders storing outcomes of the same items lock them in one order.
        batch.sort(
                Comparator.comparingLong((Called c) -> c.prepared().delivery().contentId())
                        .thenComparingLong(c -> c.prepared().delivery().id()));
        try {
            tx.executeWithoutResult(status -> batch.forEach(this::apply));
        } catch (RuntimeException e) {
            log.warn("Storing {} outcomes together failed ({}); one by one", batch.size(), e.toString());
            batch.forEach(this::store);
            return;
        }
        batch.forEach(this::afterStored);
    }

    /** What a stored outcome sets going: a retry's timer, or the settler. */
    private void afterStored(Called called) {
        if (called.step() instanceof NextStep.RetryAt r) {
            timer.dueAt(r.at());
        } else if (called.step() instanceof NextStep.Settle) {
            wake.everything();
        }
    }

    /** The outcome of an attempt, stored in a transaction of its own. */
    private void store(Called called) {
        var claim = called.prepared().claim();
        try {
            tx.executeWithoutResult(status -> apply(called));
            afterStored(called);
        } catch (RuntimeException e) {
            // The outcome could not be stored: the attempt stays PENDING and is settled after its lease.
            log.error("Could not record the outcome of delivery {}; it will be settled", claim.deliveryId(), e);
        }
    }

    private static NextStep notConnected(Channel channel) {
        return new NextStep.HoldForReconnect(
                "the channel is not connected to " + channel.platform().displayName());
    }

    /** Stores what the call's step means for the attempt and its delivery, in the caller's transaction. */
    private void apply(Called called) {
        long attemptId = called.prepared().claim().attemptId();
        var delivery = called.prepared().delivery();
        var channel = called.prepared().channel();
        var step = called.step();
        var failure = Failure.of(called.failure());
        var deliveryId = delivery.id();
        var platform = channel.platform();
        var now = clock.instant();
        if (step instanceof NextStep.Published p) {
            if (ledger.finish(attemptId, AttemptResult.published(p.externalRef(), p.summary()), now)) {
                progress.recordPublished(delivery, p.externalRef());
                warned(delivery, p.warnings(), now);
                metrics.outcome(platform, AttemptOutcome.PUBLISHED, null);
            }
        } else if (step instanceof NextStep.RetryAt r) {
            if (ledger.finish(attemptId, AttemptResult.notOut(AttemptOutcome.RETRY, failure, r.reason()), now)) {
                progress.retryLater(deliveryId, r.reason());
                ledger.retryNotBefore(deliveryId, r.at());
                if (r.channelCooldown()) {
                    pauses.coolDown(channel.id(), r.at());
                }
                metrics.retry(platform);
                metrics.outcome(platform, AttemptOutcome.RETRY, failure);
            }
        } else if (step instanceof NextStep.HoldForReconnect h) {
            if (ledger.finish(attemptId, AttemptResult.notOut(AttemptOutcome.HELD, failure, h.reason()), now)) {
                progress.hold(deliveryId, h.reason());
                pauses.pause(channel.id(), h.reason());
                metrics.outcome(platform, AttemptOutcome.HELD, failure);
            }
        } else if (step instanceof NextStep.HoldWhileStopped h) {
            if (ledger.finish(attemptId, AttemptResult.notOut(AttemptOutcome.HELD, null, h.reason()), now)) {
                emergency.hold(deliveryId, h.stopId(), h.reason());
                metrics.outcome(platform, AttemptOutcome.HELD, null);
            }
        } else if (step instanceof NextStep.Fail f) {
            if (ledger.finish(attemptId, AttemptResult.notOut(AttemptOutcome.FAILED, failure, f.reason()), now)) {
                progress.recordFailed(deliveryId, f.reason());
                if (f.alertChannel()) {
                    pauses.postsNotPublic(channel.id(), delivery.contentId(), f.reason());
                }
                metrics.outcome(platform, AttemptOutcome.FAILED, failure);
            }
        } else if (step instanceof NextStep.Settle s) {
            ledger.markUnknown(attemptId, AttemptResult.unknown(failure, s.reason()), now);
            metrics.outcome(platform, AttemptOutcome.UNKNOWN, failure);
        }
    }

    /**
     * Settles attempts whose outcome is unknown or whose lease ran out: the platform is read back
     * for the post; found, the delivery is published; missing, it is tried again. Returns how many
     * were settled.
     */
    public int settle() {
        var now = clock.instant();
        var leaseUntil = now.plus(properties.lease());
        var taken =
                tx.execute(status -> ledger.takeOver(AttemptPurpose.PUBLISH, now, properties.node(), leaseUntil, 50));
        if (taken != null && !taken.isEmpty()) {
            // Those that cannot be settled now are tried again when this lease ends, here or elsewhere.
            timer.dueAt(leaseUntil);
        }
        int settled = 0;
        for (var u : taken == null ? List.<PublishLedger.Unsettled>of() : taken) {
            var channel = channels.find(u.channelId()).orElseThrow();
            try {
                var request = request(u.contentId(), channel, null);
                var connector = connectors.forPlatform(channel.platform());
                var found = connector.findPublished(request, u.startedAt().minus(Duration.ofMinutes(1)), u.receipt());
                // Found, it gets what publishing would have done next once the platform answered.
                var warnings =
                        found.isPresent() ? connector.completeFound(request, found.get()) : List.<PublishWarning>of();
                tx.executeWithoutResult(status -> {
                    var at = clock.instant();
                    if (found.isPresent()) {
                        var ref = found.get().externalId();
                        if (ledger.finish(
                                u.attemptId(), AttemptResult.published(ref, "settled: found on the platform"), at)) {
                            var published = progress.recordPublished(u.deliveryId(), ref);
                            warned(published, warnings, at);
                            metrics.outcome(channel.platform(), AttemptOutcome.PUBLISHED, null);
                        }
                    } else if (ledger.finish(
                            u.attemptId(),
                            AttemptResult.notOut(
                                    AttemptOutcome.MISSING, null, "settled: not on the platform; tried again"),
                            at)) {
                        progress.retryLater(u.deliveryId(), "the attempt did not reach the platform; trying again");
                        metrics.retry(channel.platform());
                    }
                });
                settled++;
            } catch (ConnectorException e) {
                // Cannot tell yet; the lease taken above makes another settler wait before trying again.
                log.info("Delivery {} stays unsettled: {}", u.deliveryId(), e.getMessage());
                if (e.kind() == FailureKind.AUTH_EXPIRED) {
                    tx.executeWithoutResult(status -> pauses.pause(
                            channel.id(), "reconnect the channel: an unfinished delivery cannot be checked"));
                }
            } catch (MissingCredentials e) {
                log.info("Delivery {} stays unsettled: its channel has no credentials", u.deliveryId());
            }
        }
        return settled;
    }

    /**
     * Keeps what the platform did not do of what was asked with a published post, and tells the
     * channel's people when the cause lies with the channel. Runs in the outcome's transaction.
     */
    private void warned(Delivery delivery, List<PublishWarning> warnings, Instant at) {
        notices.add(delivery.id(), warnings, at);
        warnings.stream()
                .filter(PublishWarning::channelWide)
                .forEach(w -> pauses.postsIncomplete(delivery.channelId(), delivery.contentId(), w.message()));
    }

    private PublishRequest request(long contentId, Channel channel, String idempotencyKey) {
        var item = contents.find(contentId).orElseThrow();
        var variant = item.variant(channel.platform())
                .orElseThrow(() -> new IllegalStateException(
                        "content item " + contentId + " has no " + channel.platform() + " variant"));
        return PostDrafts.toRequest(variant, connections.accessFor(channel), idempotencyKey);
    }

    /**
     * Takes no new attempts and waits for those in flight to finish and record their outcomes
     * (each is bounded by the connectors' read timeout). Called when the dispatcher stops, and
     * again, harmlessly, when the engine is destroyed.
     */
    public void drain() throws InterruptedException {
        for (var pool : pools.values()) {
            pool.shutdown();
        }
        for (var pool : pools.values()) {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("Attempts still in flight after 30 s at shutdown; they settle as unknown outcomes");
            }
        }
        // Only now: the calls that ended hand their outcomes to the recorders until the pools stop.
        recording = false;
        for (var recorder : recorders) {
            recorder.join(30_000);
        }
        if (!outcomes.isEmpty()) {
            log.warn("Outcomes still unstored at shutdown; they settle as unknown outcomes");
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        drain();
    }
}
