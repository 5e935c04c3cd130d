package vn.loa.app.alert;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.app.api.ApiTimes;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;

/** What needs someone's attention: channels to reconnect, slots with nothing approved. */
@RestController
@RequestMapping("/api/alerts")
class AlertController {

    record AlertView(
            long id,
            OffsetDateTime occurredAt,
            String kind,
            Long channelId,
            Long contentId,
            String message,
            OffsetDateTime resolvedAt) {}

    private final Alerts alerts;
    private final ApiTimes times;

    AlertController(Alerts alerts, ApiTimes times) {
        this.alerts = alerts;
        this.times = times;
    }

    @GetMapping
    List<AlertView> list(@RequestParam(defaultValue = "true") boolean open, Actor actor) {
        Permissions.requireAny(actor, "see alerts", Role.ADMIN, Role.PLANNER, Role.APPROVER, Role.LEADERSHIP);
        return alerts.list(open).stream()
                .map(a -> new AlertView(
                        a.id(),
                        times.inCity(a.occurredAt()),
                        a.kind().code(),
                        a.channelId(),
                        a.contentId(),
                        a.message(),
                        times.inCity(a.resolvedAt())))
                .toList();
    }
}
