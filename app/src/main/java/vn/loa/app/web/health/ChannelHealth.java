package vn.loa.app.web.health;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.app.alert.Alerts;
import vn.loa.app.publishing.ChannelPauses;
import vn.loa.app.publishing.ChannelPauses.StoredGate;
import vn.loa.app.publishing.PublishLedger;
import vn.loa.app.publishing.PublishLedger.ChannelQueue;

/**
 * What the channel health page shows, read through the stores of the tables it comes from: each
 * channel's gate (pause, cooldown) from {@link ChannelPauses}, its deliveries and latest attempt
 * message from {@link PublishLedger}, the open alerts from {@link Alerts}. One read-only
 * transaction per page, so the figures agree with each other.
 */
@Service
public class ChannelHealth {

    /** The engine's view of one channel. */
    public record ChannelState(
            long channelId,
            Instant pausedAt,
            String pausedReason,
            Instant cooldownUntil,
            long held,
            long scheduled,
            long failed,
            String lastError,
            Instant lastErrorAt,
            Instant lastPublishedAt) {

        /** A channel Loa has nothing stored about yet. */
        static ChannelState untouched(long channelId) {
            return of(channelId, StoredGate.OPEN, ChannelQueue.EMPTY, null);
        }

        static ChannelState of(long channelId, StoredGate gate, ChannelQueue queue, PublishLedger.LastMessage last) {
            return new ChannelState(
                    channelId,
                    gate.pausedAt(),
                    gate.pausedReason(),
                    gate.cooldownUntil(),
                    queue.held(),
                    queue.waiting(),
                    queue.failed(),
                    last == null ? null : last.message(),
                    last == null ? null : last.at(),
                    queue.lastPublishedAt());
        }
    }

    private final ChannelPauses pauses;
    private final PublishLedger ledger;
    private final Alerts alerts;

    ChannelHealth(ChannelPauses pauses, PublishLedger ledger, Alerts alerts) {
        this.pauses = pauses;
        this.ledger = ledger;
        this.alerts = alerts;
    }

    /** Every channel's state, by channel id. */
    @Transactional(readOnly = true)
    public Map<Long, ChannelState> channels() {
        var queues = ledger.queues();
        var messages = ledger.lastMessages();
        var result = new HashMap<Long, ChannelState>();
        pauses.stored()
                .forEach((id, gate) -> result.put(
                        id, ChannelState.of(id, gate, queues.getOrDefault(id, ChannelQueue.EMPTY), messages.get(id))));
        return result;
    }

    /** The open alerts, newest first. */
    @Transactional(readOnly = true)
    public List<Alerts.Alert> openAlerts() {
        return alerts.list(true);
    }
}
