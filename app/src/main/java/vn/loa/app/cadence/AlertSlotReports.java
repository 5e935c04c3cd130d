package vn.loa.app.cadence;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.loa.app.alert.AlertKind;
import vn.loa.app.alert.Alerts;
import vn.loa.campaigns.cadence.Cadence;
import vn.loa.campaigns.cadence.SlotReports;

/** An empty slot becomes an alert that planners see (GET /api/alerts). */
@Component
class AlertSlotReports implements SlotReports {

    private static final Logger log = LoggerFactory.getLogger(AlertSlotReports.class);

    private final Alerts alerts;

    AlertSlotReports(Alerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public void emptySlot(Cadence cadence, Instant slot, String message) {
        alerts.raise(AlertKind.EMPTY_SLOT, cadence.channelId(), null, message);
        log.warn(message);
    }
}
