package vn.loa.app.publishing;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.app.connection.ChannelConnected;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.workflow.DeliveryProgress;

/**
 * A channel whose authorisation the platform refused is paused: its waiting deliveries are held
 * (not failed) and its administrators alerted. Reconnecting it releases them.
 */
@Service
public class ChannelPauses {

    private static final Logger log = LoggerFactory.getLogger(ChannelPauses.class);

    private final JdbcClient jdbc;
    private final DeliveryProgress progress;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ChannelPauses(JdbcClient jdbc, DeliveryProgress progress, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.progress = progress;
        this.tx = tx;
        this.clock = clock;
    }

    /** Pauses the channel, holds every delivery waiting for it, and raises one alert. Runs in the caller's transaction. */
    void pause(long channelId, String reason) {
        var now = Timestamps.utc(clock.instant());
        int paused = jdbc.sql("UPDATE channel SET paused_at = ?, paused_reason = ? WHERE id = ? AND paused_at IS NULL")
                .params(now, reason, channelId)
                .update();
        for (var id : jdbc.sql("SELECT id FROM delivery WHERE channel_id = ? AND status = 'SCHEDULED'")
                .param(channelId)
                .query(Long.class)
                .list()) {
            progress.hold(id, "channel paused: " + reason);
        }
        if (paused == 1) {
            jdbc.sql(
                            "INSERT INTO alert (occurred_at, kind, channel_id, message) VALUES (?, 'CHANNEL_NEEDS_RECONNECT', ?, ?)")
                    .params(now, channelId, reason)
                    .update();
            log.warn("Channel {} paused: {}", channelId, reason);
        }
    }

    /** A rate limit: nothing more goes to the channel before {@code until}. */
    void coolDown(long channelId, Instant until) {
        jdbc.sql(
                        "UPDATE channel SET cooldown_until = ? WHERE id = ? AND (cooldown_until IS NULL OR cooldown_until < ?)")
                .params(Timestamps.utc(until), channelId, Timestamps.utc(until))
                .update();
    }

    /** Reconnected: the pause ends, held deliveries of items still meant to go out go again, alerts are resolved. */
    @EventListener
    public void resume(ChannelConnected event) {
        tx.executeWithoutResult(status -> {
            var now = Timestamps.utc(clock.instant());
            jdbc.sql("UPDATE channel SET paused_at = NULL, paused_reason = NULL, cooldown_until = NULL WHERE id = ?")
                    .param(event.channelId())
                    .update();
            for (var id : jdbc.sql("SELECT id FROM delivery WHERE channel_id = ? AND status = 'HELD'")
                    .param(event.channelId())
                    .query(Long.class)
                    .list()) {
                progress.release(id, "channel reconnected");
            }
            jdbc.sql("UPDATE alert SET resolved_at = ? WHERE channel_id = ? AND kind = 'CHANNEL_NEEDS_RECONNECT'"
                            + " AND resolved_at IS NULL")
                    .params(now, event.channelId())
                    .update();
        });
    }
}
