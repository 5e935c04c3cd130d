package vn.loa.app.emergency;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.app.connection.ChannelConnections;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.audit.AuditTrail;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.delivery.DeliveryRepository;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.delivery.DeliveryTimer;
import vn.loa.campaigns.delivery.PlatformPosts;
import vn.loa.campaigns.shared.Checks;
import vn.loa.campaigns.shared.DomainException;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.NotFound;
import vn.loa.campaigns.workflow.DeliveryProgress;

/**
 * Emergency stops of publishing: an administrator stops every channel, an organisation's or one
 * channel's, with a reason. While a stop lasts nothing goes out on what it covers: the publishing
 * engine holds each delivery that falls due (HELD, not failed) instead of sending it, hands nothing
 * to a platform's scheduler, and posts a platform's scheduler already held are taken back. Resuming
 * releases the held deliveries, except those whose instant passed long ago: a planner confirms
 * those before they go out late.
 */
@Service
public class EmergencyStops {

    private static final Logger log = LoggerFactory.getLogger(EmergencyStops.class);

    /** What to stop: a scope and, for an organisation or a channel, which one. */
    public record StopRequest(StopScope scope, String organisation, Long channelId, String reason) {}

    /** A stop just made, and the platforms' scheduled posts it could not take back (to be removed there by hand). */
    public record Stopped(EmergencyStop stop, int withdrawn, List<String> notWithdrawn) {}

    /** What resuming did: deliveries released at once, and those waiting for a planner because they are late. */
    public record Resumed(EmergencyStop stop, int released, int awaitingConfirmation) {}

    /** The channels whose credentials were deleted (those that had any). */
    public record Revoked(List<Long> channelIds) {}

    /** This node's last reading of the active stops, and when it was read (monotonic nanoseconds). */
    private record Reading(ActiveStops stops, long readAt) {}

    private final EmergencyStopStore store;
    private final ChannelRepository channels;
    private final ChannelConnections connections;
    private final DeliveryRepository deliveries;
    private final DeliveryProgress progress;
    private final PlatformPosts posts;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final EmergencyStopProperties properties;
    private final DeliveryTimer timer;
    private final Clock clock;
    private volatile Reading reading;

    public EmergencyStops(
            EmergencyStopStore store,
            ChannelRepository channels,
            ChannelConnections connections,
            DeliveryRepository deliveries,
            DeliveryProgress progress,
            PlatformPosts posts,
            AuditTrail audit,
            TransactionTemplate tx,
            EmergencyStopProperties properties,
            DeliveryTimer timer,
            Clock clock) {
        this.store = store;
        this.channels = channels;
        this.connections = connections;
        this.deliveries = deliveries;
        this.progress = progress;
        this.posts = posts;
        this.audit = audit;
        this.tx = tx;
        this.properties = properties;
        this.timer = timer;
        this.clock = clock;
    }

    // --- the publishing engine's gate ----------------------------------------------------------

    /** The stops in force, read from the database now (the engine's claim does this once per batch). */
    public ActiveStops fresh() {
        var now = new Reading(new ActiveStops(store.active()), System.nanoTime());
        reading = now;
        return now.stops();
    }

    /**
     * The stops in force as this node last read them, read again when older than the configured
     * freshness: the check just before a platform call, which must stay cheap.
     */
    public ActiveStops current() {
        var last = reading;
        if (last == null
                || System.nanoTime() - last.readAt() > properties.freshness().toNanos()) {
            return fresh();
        }
        return last.stops();
    }

    /** Holds a delivery the stop keeps from going out. Runs in the caller's transaction. */
    public void hold(long deliveryId, long stopId, String reason) {
        progress.hold(deliveryId, reason);
        store.hold(deliveryId, stopId, clock.instant());
    }

    // --- the administrators' use cases ----------------------------------------------------------

    /** A request's scope, checked: every channel, an organisation that has channels, or an existing channel. */
    private record Target(StopScope scope, String organisation, Long channelId, String reason) {}

    private Target checked(StopRequest request) {
        var checks = new Checks().required("scope", request.scope()).requiredText("reason", request.reason(), 2000);
        String organisation = null;
        Long channelId = null;
        if (request.scope() == StopScope.ORGANISATION) {
            organisation = request.organisation() == null
                    ? null
                    : request.organisation().strip();
            checks.requiredText("organisation", organisation, 200);
            if (!checks.hasProblem("organisation") && !store.organisationHasChannels(organisation)) {
                checks.add("organisation", "no channel belongs to this organisation");
            }
        } else if (request.scope() == StopScope.CHANNEL) {
            channelId = request.channelId();
            checks.required("channelId", channelId);
            if (channelId != null && channels.find(channelId).isEmpty()) {
                checks.add("channelId", "no such channel");
            }
        }
        checks.throwIfAny();
        return new Target(
                request.scope(), organisation, channelId, request.reason().strip());
    }

    public Stopped stop(StopRequest request, Actor actor) {
        Permissions.requireAny(actor, "stop publishing", Role.ADMIN);
        var target = checked(request);
        var org = target.organisation();
        var channel = target.channelId();
        var stop = tx.execute(status -> {
            var same = store.active().stream()
                    .filter(s -> s.sameScope(target.scope(), org, channel))
                    .findFirst();
            if (same.isPresent()) {
                throw InvalidInput.of(
                        "scope",
                        "publishing is already stopped here (emergency stop #"
                                + same.get().id() + ")");
            }
            var id = store.insert(target.scope(), org, channel, target.reason(), actor.username(), clock.instant());
            var made = store.find(id).orElseThrow();
            audit.append(new AuditEntry(
                    null,
                    AuditEntry.Subject.EMERGENCY_STOP,
                    id,
                    actor.username(),
                    made.stoppedAt(),
                    null,
                    "STOPPED",
                    describe(made) + ": " + made.reason()));
            afterCommit(this::fresh);
            return made;
        });
        log.warn("Emergency stop #{} by {}: {} ({})", stop.id(), actor.username(), describe(stop), stop.reason());
        return withdrawHandedOff(stop);
    }

    /**
     * Posts a platform's own scheduler holds would go out on their own while Loa is stopped: they
     * are taken back and held like the rest. Those the platform will not give back are named, for
     * an administrator to remove on the platform.
     */
    private Stopped withdrawHandedOff(EmergencyStop stop) {
        int withdrawn = 0;
        var failed = new ArrayList<String>();
        for (var placed : store.handedOffAfter(clock.instant())) {
            if (!stop.covers(placed.channelId(), placed.organisation())) {
                continue;
            }
            var delivery = deliveries.find(placed.deliveryId()).orElseThrow();
            if (delivery.status() != DeliveryStatus.HANDED_OFF) {
                continue;
            }
            try {
                posts.withdraw(delivery);
                tx.executeWithoutResult(status -> hold(delivery.id(), stop.id(), stop.holdReason()));
                withdrawn++;
            } catch (DomainException e) {
                failed.add("delivery " + delivery.id() + ": " + e.getMessage());
                log.warn(
                        "Emergency stop #{} could not take back delivery {}: {}",
                        stop.id(),
                        delivery.id(),
                        e.getMessage());
            }
        }
        return new Stopped(stop, withdrawn, List.copyOf(failed));
    }

    /**
     * Revokes the platform credentials of every channel in the scope at once, for an account
     * suspected compromised: Loa can no longer act on those channels until an administrator
     * connects them again (fresh tokens, after revoking the old ones on the platform too).
     */
    public Revoked revokeCredentials(StopRequest request, Actor actor) {
        Permissions.requireAny(actor, "revoke credentials", Role.ADMIN);
        var target = checked(request);
        var ids = switch (target.scope()) {
            case CITY -> channels.list(null).stream().map(Channel::id).toList();
            case ORGANISATION ->
                channels.list(target.organisation()).stream().map(Channel::id).toList();
            case CHANNEL -> List.of(target.channelId());
        };
        var revoked = tx.execute(status -> {
            var had = connections.revoke(ids, actor);
            var now = clock.instant();
            for (var id : had) {
                audit.append(new AuditEntry(
                        null,
                        AuditEntry.Subject.CHANNEL,
                        id,
                        actor.username(),
                        now,
                        "CONNECTED",
                        "CREDENTIALS_REVOKED",
                        target.reason()));
            }
            return had;
        });
        log.warn("{} revoked the credentials of channels {}: {}", actor.username(), revoked, target.reason());
        return new Revoked(revoked);
    }

    public Resumed resume(long stopId, Actor actor) {
        Permissions.requireAny(actor, "resume publishing", Role.ADMIN);
        var result = tx.execute(status -> {
            var now = clock.instant();
            if (!store.resume(stopId, actor.username(), now)) {
                var existing = store.find(stopId).orElseThrow(() -> new NotFound("emergency stop", stopId));
                throw InvalidInput.of(
                        "stop", "emergency stop #" + existing.id() + " already ended at " + existing.resumedAt());
            }
            var stop = store.find(stopId).orElseThrow();
            var remaining = new ActiveStops(store.active());
            var lateBefore = now.minus(properties.lateAfter());
            int released = 0;
            int late = 0;
            for (var hold : store.holds()) {
                var still = remaining.covering(hold.channelId(), hold.organisation());
                if (still.isPresent()) {
                    store.moveHold(hold.deliveryId(), still.get().id());
                } else if (hold.status() != DeliveryStatus.HELD) {
                    store.release(hold.deliveryId());
                } else if (hold.scheduledAt().isBefore(lateBefore)) {
                    store.awaitConfirmation(hold.deliveryId(), stopId);
                    late++;
                } else {
                    store.release(hold.deliveryId());
                    if (progress.release(hold.deliveryId(), "emergency stop #" + stopId + " ended")) {
                        released++;
                    }
                }
            }
            audit.append(new AuditEntry(
                    null,
                    AuditEntry.Subject.EMERGENCY_STOP,
                    stopId,
                    actor.username(),
                    now,
                    "STOPPED",
                    "RESUMED",
                    describe(stop) + ": " + released + " released, " + late + " late, waiting for a planner"));
            afterCommit(this::fresh);
            if (released > 0) {
                // Released deliveries whose instant passed are due now: wake a dispatcher.
                timer.dueAt(now);
            }
            return new Resumed(stop, released, late);
        });
        log.warn(
                "Emergency stop #{} ended by {}: {} released, {} wait for confirmation",
                stopId,
                actor.username(),
                result.released(),
                result.awaitingConfirmation());
        return result;
    }

    public List<EmergencyStop> recent(Actor actor) {
        Permissions.requireAny(actor, "see emergency stops", Role.ADMIN, Role.PLANNER, Role.LEADERSHIP);
        return store.recent(100);
    }

    public EmergencyStop get(long id, Actor actor) {
        Permissions.requireAny(actor, "see emergency stops", Role.ADMIN, Role.PLANNER, Role.LEADERSHIP);
        return store.find(id).orElseThrow(() -> new NotFound("emergency stop", id));
    }

    /** Deliveries that missed their instant by long during a stop and wait for a planner. */
    public List<LateDelivery> late(Actor actor) {
        Permissions.requireAny(actor, "see emergency stops", Role.ADMIN, Role.PLANNER, Role.LEADERSHIP);
        return store.late();
    }

    /** A planner confirms that a late delivery goes out now after all. */
    public void confirmLate(long deliveryId, Actor actor) {
        Permissions.requireAny(actor, "release late deliveries", Role.ADMIN, Role.PLANNER);
        tx.executeWithoutResult(status -> {
            var late = store.lateOne(deliveryId).orElseThrow(() -> new NotFound("late delivery", deliveryId));
            store.release(deliveryId);
            if (!progress.release(deliveryId, "late after emergency stop #" + late.stopId() + "; confirmed")) {
                throw InvalidInput.of("delivery", "its content is no longer meant to go out");
            }
            audit.append(new AuditEntry(
                    null,
                    AuditEntry.Subject.DELIVERY,
                    deliveryId,
                    actor.username(),
                    clock.instant(),
                    null,
                    "LATE_CONFIRMED",
                    "goes out late after emergency stop #" + late.stopId() + " (was due " + late.scheduledAt() + ")"));
            timer.dueAt(clock.instant());
        });
    }

    static String describe(EmergencyStop stop) {
        return switch (stop.scope()) {
            case CITY -> "every channel";
            case ORGANISATION -> "channels of " + stop.organisation();
            case CHANNEL -> "channel " + stop.channelId();
        };
    }

    /** Runs once the current transaction commits, so other threads of this node see the change at once. */
    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
