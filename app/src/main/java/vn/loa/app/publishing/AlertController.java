package vn.loa.app.publishing;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.app.api.ApiTimes;
import vn.loa.app.persistence.Timestamps;
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

    private final JdbcClient jdbc;
    private final ApiTimes times;

    AlertController(JdbcClient jdbc, ApiTimes times) {
        this.jdbc = jdbc;
        this.times = times;
    }

    @GetMapping
    List<AlertView> list(@RequestParam(defaultValue = "true") boolean open, Actor actor) {
        Permissions.requireAny(actor, "see alerts", Role.ADMIN, Role.PLANNER, Role.APPROVER, Role.LEADERSHIP);
        return jdbc.sql("SELECT id, occurred_at, kind, channel_id, content_id, message, resolved_at FROM alert"
                        + (open ? " WHERE resolved_at IS NULL" : "") + " ORDER BY occurred_at DESC, id DESC LIMIT 200")
                .query((rs, n) -> new AlertView(
                        rs.getLong("id"),
                        times.inCity(Timestamps.read(rs, "occurred_at")),
                        rs.getString("kind"),
                        rs.getObject("channel_id", Long.class),
                        rs.getObject("content_id", Long.class),
                        rs.getString("message"),
                        times.inCity(Timestamps.read(rs, "resolved_at"))))
                .list();
    }
}
