package vn.loa.app.web.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.loa.app.web.DomainMessages;
import vn.loa.app.web.WebTimes;
import vn.loa.app.web.WebUser;
import vn.loa.campaigns.cadence.Cadence;
import vn.loa.campaigns.cadence.Cadences;
import vn.loa.campaigns.campaign.CampaignFilter;
import vn.loa.campaigns.campaign.CampaignPlanning;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.Channels;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.shared.DomainException;
import vn.loa.campaigns.shared.InstantRange;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.PageRequest;
import vn.loa.campaigns.theme.Themes;
import vn.loa.campaigns.workflow.ContentWriting;
import vn.loa.campaigns.workflow.Scheduling;

/**
 * Page 1, the planner's calendar: every delivery across channels by month, week or list, coloured by
 * theme, with the empty cadence slots; dragging a delivery reschedules it through the same use case
 * as the API, and a refused move snaps back with the reason.
 */
@Controller
class CalendarController {

    /** Empty slots are worked out at most this far ahead, so a year view stays cheap. */
    private static final Duration SLOT_HORIZON = Duration.ofDays(62);

    private final CalendarStore store;
    private final Scheduling scheduling;
    private final ContentWriting writing;
    private final Cadences cadences;
    private final Channels channels;
    private final Themes themes;
    private final CampaignPlanning campaigns;
    private final WebTimes times;
    private final DomainMessages refusals;
    private final MessageSource messages;
    private final Clock clock;

    CalendarController(
            CalendarStore store,
            Scheduling scheduling,
            ContentWriting writing,
            Cadences cadences,
            Channels channels,
            Themes themes,
            CampaignPlanning campaigns,
            WebTimes times,
            DomainMessages refusals,
            MessageSource messages,
            Clock clock) {
        this.store = store;
        this.scheduling = scheduling;
        this.writing = writing;
        this.cadences = cadences;
        this.channels = channels;
        this.themes = themes;
        this.campaigns = campaigns;
        this.times = times;
        this.refusals = refusals;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/calendar")
    String page(WebUser me, Model model) {
        var actor = me.actor();
        model.addAttribute("themes", themes.listThemes());
        model.addAttribute(
                "themeColours",
                themes.listThemes().stream()
                        .collect(Collectors.toMap(
                                t -> t.id(), t -> ThemeColours.of(t.id()), (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute(
                "campaigns",
                me.canRead()
                        ? campaigns
                                .findCampaigns(
                                        new CampaignFilter(null, null, null, null, null),
                                        PageRequest.of(0, PageRequest.MAX_SIZE))
                                .items()
                        : List.of());
        model.addAttribute("channels", channels.listChannels(actor));
        model.addAttribute("statuses", DeliveryStatus.values());
        // The server's today (the city's), not the browser's: the calendar opens where Loa's clock is.
        model.addAttribute("today", times.field(clock.instant()).substring(0, 10));
        model.addAttribute("now", times.field(clock.instant()));
        return "calendar";
    }

    /** FullCalendar's event feed; {@code start}/{@code end} are wall-clock times in the city zone. */
    @GetMapping("/calendar/events")
    @ResponseBody
    List<Map<String, Object>> events(
            @RequestParam String start,
            @RequestParam String end,
            @RequestParam(required = false) Long themeId,
            @RequestParam(required = false) Long campaignId,
            @RequestParam(required = false) Long channelId,
            @RequestParam(required = false) DeliveryStatus status,
            WebUser me,
            Locale locale) {
        var range = new InstantRange(wallClock(start), wallClock(end));
        var actor = me.actor();
        var organisation = actor.isPartnerAdminOnly() ? actor.organisation() : null;
        var entries =
                store.entries(new CalendarStore.Filter(themeId, campaignId, channelId, status, range, organisation));
        var now = clock.instant();
        var events = new ArrayList<Map<String, Object>>(entries.size() + 64);
        for (var e : entries) {
            var event = new LinkedHashMap<String, Object>();
            event.put("id", "d" + e.deliveryId());
            event.put("title", (e.rebuttal() ? "⚠ " : "") + e.title() + " · " + e.channel());
            event.put("start", times.field(e.scheduledAt()));
            event.put("allDay", false);
            var colour = ThemeColours.of(e.themeId());
            event.put("backgroundColor", colour);
            event.put("borderColor", colour);
            event.put("textColor", "#ffffff");
            var movable = me.canPlan()
                    && (e.status() == DeliveryStatus.SCHEDULED || e.status() == DeliveryStatus.HELD)
                    && e.scheduledAt().isAfter(now);
            event.put("editable", movable);
            event.put("classNames", List.of("status-" + e.status().name().toLowerCase(Locale.ROOT)));
            var props = new LinkedHashMap<String, Object>();
            props.put("kind", "delivery");
            props.put("deliveryId", e.deliveryId());
            props.put("contentId", e.contentId());
            props.put("status", e.status().name());
            props.put("statusLabel", messages.getMessage("delivery.status." + e.status(), null, locale));
            props.put("channel", e.channel());
            props.put("platform", e.platform().name());
            props.put("campaign", e.campaign());
            props.put("theme", e.theme());
            event.put("extendedProps", props);
            events.add(event);
        }
        if (status == null && me.canRead()) {
            events.addAll(emptySlots(range, themeId, campaignId, channelId, me, locale));
        }
        return events;
    }

    /** Cadence slots in view (from now on) that nothing occupies yet: the planner sees the gaps to fill. */
    private List<Map<String, Object>> emptySlots(
            InstantRange range, Long themeId, Long campaignId, Long channelId, WebUser me, Locale locale) {
        var now = clock.instant();
        var from = range.from().isAfter(now) ? range.from() : now;
        var to = range.to().isBefore(now.plus(SLOT_HORIZON)) ? range.to() : now.plus(SLOT_HORIZON);
        if (!to.isAfter(from)) {
            return List.of();
        }
        var active = cadences.listCadences(channelId, me.actor()).stream()
                .filter(Cadence::active)
                .filter(c -> campaignId == null || c.campaignId() == campaignId)
                .toList();
        if (active.isEmpty()) {
            return List.of();
        }
        var channelIds = active.stream().map(Cadence::channelId).collect(Collectors.toSet());
        Map<Long, Channel> byId = new LinkedHashMap<>();
        channels.listChannels(me.actor()).stream()
                .filter(c -> channelIds.contains(c.id()))
                .forEach(c -> byId.put(c.id(), c));
        Set<String> taken = new HashSet<>();
        for (var o : store.occupied(channelIds, new InstantRange(from, to))) {
            taken.add(o.channelId() + "@" + o.at().getEpochSecond());
        }
        var themeOf = new LinkedHashMap<Long, Long>();
        var slots = new ArrayList<Map<String, Object>>();
        for (var cadence : active) {
            var channel = byId.get(cadence.channelId());
            if (channel == null || !channel.active()) {
                continue;
            }
            if (themeId != null) {
                var campaignTheme = themeOf.computeIfAbsent(
                        cadence.campaignId(), id -> campaigns.getCampaign(id).themeId());
                if (!campaignTheme.equals(themeId)) {
                    continue;
                }
            }
            Instant slot = cadence.nextSlot(from.minusSeconds(1), channel.zone());
            for (int i = 0; i < 200 && slot.isBefore(to); i++) {
                if (!taken.contains(channel.id() + "@" + slot.getEpochSecond())) {
                    var event = new LinkedHashMap<String, Object>();
                    event.put("id", "s" + cadence.id() + "-" + slot.getEpochSecond());
                    event.put(
                            "title",
                            messages.getMessage(
                                    "calendar.empty-slot",
                                    new Object[] {cadence.name(), channel.displayName()},
                                    locale));
                    event.put("start", times.field(slot));
                    event.put("allDay", false);
                    event.put("editable", false);
                    event.put("classNames", List.of("slot-empty"));
                    event.put("backgroundColor", "#ffffff");
                    event.put("borderColor", "#5f6b7a");
                    event.put("textColor", "#1d2733");
                    event.put("extendedProps", Map.of("kind", "slot", "channel", channel.displayName()));
                    slots.add(event);
                }
                slot = cadence.nextSlot(slot, channel.zone());
            }
        }
        return slots;
    }

    /** A drag on the calendar: the new wall-clock time in the city zone. */
    @PostMapping("/calendar/deliveries/{id}/move")
    @ResponseBody
    ResponseEntity<Map<String, Object>> move(
            @PathVariable long id, @RequestParam(required = false) String at, WebUser me, Locale locale) {
        try {
            var moved = scheduling.reschedule(id, times.parse("at", at), me.actor());
            return ResponseEntity.ok(Map.of("ok", true, "at", times.show(moved.scheduledAt())));
        } catch (DomainException e) {
            var message = e instanceof InvalidInput invalid
                    ? invalid.problems().stream()
                            .map(p -> refusals.translate(p.message(), locale))
                            .collect(Collectors.joining("; "))
                    : refusals.translate(e.getMessage(), locale);
            return ResponseEntity.status(e instanceof InvalidInput ? 400 : 409)
                    .body(Map.of("ok", false, "message", message));
        }
    }

    /** The panel beside the calendar for one delivery: what, where, when, and the moves a keyboard can make. */
    @GetMapping("/calendar/deliveries/{id}")
    String panel(@PathVariable long id, WebUser me, Model model) {
        var delivery = scheduling.getDelivery(id, me.actor());
        var channel = channels.getChannel(delivery.channelId(), me.actor());
        model.addAttribute("delivery", delivery);
        model.addAttribute("channel", channel);
        model.addAttribute("when", times.show(delivery.scheduledAt()));
        model.addAttribute("whenField", times.field(delivery.scheduledAt()));
        if (me.canRead()) {
            model.addAttribute("item", writing.getContent(delivery.contentId()));
        }
        return "calendar-panel :: panel";
    }

    private Instant wallClock(String value) {
        try {
            var text = value.length() > 19 ? value.substring(0, 19) : value;
            return LocalDateTime.parse(text.length() == 10 ? text + "T00:00:00" : text)
                    .atZone(times.zone())
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("start", "is not a date and time (for example 2026-11-24T07:00)");
        }
    }
}
