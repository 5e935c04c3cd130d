package vn.loa.app.cadence;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.cadence.Cadence;
import vn.loa.campaigns.cadence.SlotReports;

/** An empty slot becomes an alert that planners see (GET /api/alerts). */
@Component
class AlertSlotReports implements SlotReports {

    private static final Logger log = LoggerFactory.getLogger(AlertSlotReports.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    AlertSlotReports(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void emptySlot(Cadence cadence, Instant slot, String message) {
        jdbc.sql("INSERT INTO alert (occurred_at, kind, channel_id, message) VALUES (?, 'EMPTY_SLOT', ?, ?)")
                .params(Timestamps.utc(clock.instant()), cadence.channelId(), message)
                .update();
        log.warn(message);
    }
}
