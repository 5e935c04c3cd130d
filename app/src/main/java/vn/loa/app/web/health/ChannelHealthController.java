package vn.loa.app.web.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.app.connection.ChannelConnections;
import vn.loa.app.connection.CredentialsForm;
import vn.loa.app.emergency.EmergencyStop;
import vn.loa.app.emergency.EmergencyStops;
import vn.loa.app.web.DomainMessages;
import vn.loa.app.web.Flash;
import vn.loa.app.web.FormErrors;
import vn.loa.app.web.WebUser;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.Channels;
import vn.loa.campaigns.shared.DomainException;

/**
 * Page 5, channel health: each channel's connection (connected, token expiry, last error, paused,
 * held and waiting deliveries), a reconnect form, and the open alerts.
 */
@Controller
class ChannelHealthController {

    /** A token that ends within this is flagged. */
    private static final Duration SOON = Duration.ofDays(7);

    /** One channel's row on the page. */
    record Row(
            Channel channel,
            ChannelConnections.Status connection,
            Instant expiresAt,
            boolean expiresSoon,
            ChannelHealth.ChannelState state) {

        public boolean healthy() {
            return connection.connected() && state.pausedAt() == null && !expiresSoon;
        }
    }

    private final Channels channels;
    private final ChannelConnections connections;
    private final ChannelHealth health;
    private final EmergencyStops emergency;
    private final DomainMessages messages;
    private final Flash flash;
    private final Clock clock;

    ChannelHealthController(
            Channels channels,
            ChannelConnections connections,
            ChannelHealth health,
            EmergencyStops emergency,
            DomainMessages messages,
            Flash flash,
            Clock clock) {
        this.channels = channels;
        this.connections = connections;
        this.health = health;
        this.emergency = emergency;
        this.messages = messages;
        this.flash = flash;
        this.clock = clock;
    }

    @GetMapping("/channels")
    String page(WebUser me, Model model) {
        Permissions.requireAny(me.actor(), "see channel connections", Role.ADMIN, Role.PLANNER, Role.LEADERSHIP);
        var states = health.channels();
        var now = clock.instant();
        var rows = new ArrayList<Row>();
        for (var c : channels.listChannels(me.actor())) {
            var expiry = connections.accessExpiry(c.id(), me.actor()).orElse(null);
            rows.add(new Row(
                    c,
                    connections.status(c.id(), me.actor()),
                    expiry,
                    expiry != null && expiry.isBefore(now.plus(SOON)),
                    states.getOrDefault(c.id(), ChannelHealth.ChannelState.untouched(c.id()))));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("alerts", health.openAlerts());
        model.addAttribute("names", names(rows));
        model.addAttribute(
                "stops",
                emergency.recent(me.actor()).stream()
                        .filter(EmergencyStop::active)
                        .toList());
        model.addAttribute("late", emergency.late(me.actor()));
        model.addAttribute(
                "organisations",
                rows.stream()
                        .map(r -> r.channel().organisation())
                        .distinct()
                        .sorted()
                        .toList());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.NONE);
            model.addAttribute("errorChannel", -1L);
        }
        return "channels";
    }

    @PostMapping("/channels/{id}/connect")
    String connect(
            @PathVariable long id,
            @ModelAttribute CredentialsForm form,
            WebUser me,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            var channel = channels.getChannel(id);
            var status = connections.connect(id, form.toCredentials(channel.platform()), me.actor());
            flash.ok(
                    redirect,
                    locale,
                    Boolean.TRUE.equals(status.verified()) ? "channels.connected" : "channels.connected-unverified",
                    channel.label());
        } catch (DomainException e) {
            redirect.addFlashAttribute("errors", FormErrors.of(e, messages, locale));
            redirect.addFlashAttribute("errorChannel", id);
            flash.refused(redirect, locale, e);
        }
        return "redirect:/channels#channel-" + id;
    }

    private static Map<Long, String> names(List<Row> rows) {
        var names = new HashMap<Long, String>();
        rows.forEach(r -> names.put(r.channel().id(), r.channel().label()));
        return names;
    }
}
