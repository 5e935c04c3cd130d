package vn.loa.app.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.app.alert.AlertKind;
import vn.loa.app.alert.Alerts;
import vn.loa.app.connection.ChannelConnected;
import vn.loa.app.persistence.AfterCommit;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.delivery.DeliveryTimer;
import vn.loa.campaigns.publishing.NextStep;
import vn.loa.campaigns.workflow.DeliveryProgress;

/**
 * A channel's gate, in one place: paused (a platform refused its authorisation; its waiting
 * deliveries are held, not failed, and its administrators alerted) or cooling down (a rate limit;
 * nothing goes to it before an instant). The gate is kept in the channel's columns, which the
 * claim query reads, and this node's view of them, which stops a delivery claimed in the same batch
 * as the one that hit the wall from being sent into it too. Both are written only here, the view
 * once the columns are committed. Reconnecting the channel opens the gate and releases the held
 * deliveries.
 */
@Service
public class ChannelPauses {

    private static final Logger log = LoggerFactory.getLogger(ChannelPauses.class);

    /** What this node knows of a channel's gate since its last claim: paused, or cooling down until an instant. */
    private record Gate(String pausedBecause, Instant coolingUntil) {}

    /** A channel's gate as stored: paused since an instant and why, cooling down until an instant; nulls when open. */
    public record StoredGate(Instant pausedAt, String pausedReason, Instant cooldownUntil) {

        public static final StoredGate OPEN = new StoredGate(null, null, null);
    }

    private final JdbcClient jdbc;
    private final PublishLedger ledger;
    private final Alerts alerts;
    private final DeliveryProgress progress;
    private final TransactionTemplate tx;
    private final DeliveryTimer timer;
    private final Clock clock;
    private final Map<Long, Gate> view = new ConcurrentHashMap<>();

    public ChannelPauses(
            JdbcClient jdbc,
            PublishLedger ledger,
            Alerts alerts,
            DeliveryProgress progress,
            TransactionTemplate tx,
            DeliveryTimer timer,
            Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.alerts = alerts;
        this.progress = progress;
        this.tx = tx;
        this.timer = timer;
        this.clock = clock;
    }

    /**
     * What a claimed delivery must do instead of calling the platform, if its channel's gate closed
     * after it was claimed: be held for a reconnect, or wait out the channel's rate limit.
     */
    Optional<NextStep> closedGate(long channelId, Instant now) {
        var gate = view.get(channelId);
        if (gate == null) {
            return Optional.empty();
        }
        if (gate.pausedBecause() != null) {
            return Optional.of(new NextStep.HoldForReconnect(gate.pausedBecause()));
        }
        if (gate.coolingUntil() != null && gate.coolingUntil().isAfter(now)) {
            return Optional.of(
                    new NextStep.RetryAt(gate.coolingUntil(), false, "the channel is waiting out a rate limit"));
        }
        return Optional.empty();
    }

    /** Every channel's gate as stored, by channel id (what the channel health page shows). */
    public Map<Long, StoredGate> stored() {
        var gates = new HashMap<Long, StoredGate>();
        jdbc.sql("SELECT id, paused_at, paused_reason, cooldown_until FROM channel")
                .query(rs -> {
                    gates.put(
                            rs.getLong(1),
                            new StoredGate(
                                    Timestamps.read(rs, "paused_at"),
                                    rs.getString(3),
                                    Timestamps.read(rs, "cooldown_until")));
                });
        return gates;
    }

    /** Pauses the channel, holds every delivery waiting for it, and raises one alert. Runs in the caller's transaction. */
    void pause(long channelId, String reason) {
        int paused = jdbc.sql("UPDATE channel SET paused_at = ?, paused_reason = ? WHERE id = ? AND paused_at IS NULL")
                .params(Timestamps.utc(clock.instant()), reason, channelId)
                .update();
        for (var id : ledger.deliveriesOf(channelId, DeliveryStatus.SCHEDULED)) {
            progress.hold(id, "channel paused: " + reason);
        }
        if (paused == 1) {
            alerts.raise(AlertKind.CHANNEL_NEEDS_RECONNECT, channelId, null, reason);
            log.warn("Channel {} paused: {}", channelId, reason);
        }
        AfterCommit.run(() -> view.put(channelId, new Gate(reason, null)));
    }

    /**
     * The platform hides what the channel publishes (a post that should be public is not): an alert
     * on the channel with the platform's reason, for its people to fix the cause (for YouTube, the
     * Google project's audit). No pause: each post fails on its own. Runs in the caller's transaction.
     */
    void postsNotPublic(long channelId, long contentId, String reason) {
        alerts.raise(AlertKind.POSTS_NOT_PUBLIC, channelId, contentId, reason);
        log.warn("Channel {}: the platform does not show a post to the public: {}", channelId, reason);
    }

    /** A post went out incomplete for a reason that lies with the channel: its people are told. Caller's transaction. */
    void postsIncomplete(long channelId, long contentId, String reason) {
        alerts.raise(AlertKind.POSTS_INCOMPLETE, channelId, contentId, reason);
        log.warn("Channel {}: a post went out incomplete: {}", channelId, reason);
    }

    /** A rate limit: nothing more goes to the channel before {@code until}. Runs in the caller's transaction. */
    void coolDown(long channelId, Instant until) {
        jdbc.sql(
                        "UPDATE channel SET cooldown_until = ? WHERE id = ? AND (cooldown_until IS NULL OR cooldown_until < ?)")
                .params(Timestamps.utc(until), channelId, Timestamps.utc(until))
                .update();
        AfterCommit.run(() -> view.merge(
                channelId,
                new Gate(null, until),
                (old, fresh) -> old.pausedBecause() != null
                                || (old.coolingUntil() != null
                                        && old.coolingUntil().isAfter(until))
                        ? old
                        : fresh));
    }

    /** Reconnected: the pause ends, held deliveries of items still meant to go out go again, alerts are resolved. */
    @EventListener
    public void resume(ChannelConnected event) {
        var channelId = event.channelId();
        tx.executeWithoutResult(status -> {
            jdbc.sql("UPDATE channel SET paused_at = NULL, paused_reason = NULL, cooldown_until = NULL WHERE id = ?")
                    .param(channelId)
                    .update();
            for (var id : ledger.heldForReconnect(channelId)) {
                progress.release(id, "channel reconnected");
            }
            alerts.resolve(AlertKind.CHANNEL_NEEDS_RECONNECT, channelId);
            // The released deliveries whose instant passed are due now: wake a dispatcher.
            timer.dueAt(clock.instant());
        });
        view.remove(channelId);
    }
}
