package vn.loa.app.web.composer;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.app.delivery.DeliveryViews;
import vn.loa.app.web.DomainMessages;
import vn.loa.app.web.Flash;
import vn.loa.app.web.FormErrors;
import vn.loa.app.web.WebTimes;
import vn.loa.app.web.WebUser;
import vn.loa.app.web.partner.ItemPacks;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.cadence.Cadences;
import vn.loa.campaigns.campaign.CampaignPlanning;
import vn.loa.campaigns.channel.Channels;
import vn.loa.campaigns.content.ContentStatus;
import vn.loa.campaigns.delivery.DeliveryFilter;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.shared.DomainException;
import vn.loa.campaigns.shared.PageRequest;
import vn.loa.campaigns.workflow.ContentReview;
import vn.loa.campaigns.workflow.ContentWriting;
import vn.loa.campaigns.workflow.Scheduling;

/**
 * One content item: its variants as they will look, its limits, its deliveries and history, and the
 * next step its state allows (submit, schedule at a time or in the next free slot, cancel).
 */
@Controller
class ContentPageController {

    private final ContentWriting writing;
    private final ContentReview review;
    private final Scheduling scheduling;
    private final Cadences cadences;
    private final CampaignPlanning campaigns;
    private final Channels channels;
    private final DeliveryViews deliveries;
    private final Previews previews;
    private final WebTimes times;
    private final DomainMessages messages;
    private final Flash flash;
    private final Clock clock;
    private final ItemPacks itemPacks;

    ContentPageController(
            ContentWriting writing,
            ContentReview review,
            Scheduling scheduling,
            Cadences cadences,
            CampaignPlanning campaigns,
            Channels channels,
            DeliveryViews deliveries,
            Previews previews,
            WebTimes times,
            DomainMessages messages,
            Flash flash,
            Clock clock,
            ItemPacks itemPacks) {
        this.itemPacks = itemPacks;
        this.writing = writing;
        this.review = review;
        this.scheduling = scheduling;
        this.cadences = cadences;
        this.campaigns = campaigns;
        this.channels = channels;
        this.deliveries = deliveries;
        this.previews = previews;
        this.times = times;
        this.messages = messages;
        this.flash = flash;
        this.clock = clock;
    }

    @GetMapping("/content/{id}")
    String page(@PathVariable long id, WebUser me, Model model, Locale locale) {
        Permissions.requireAny(
                me.actor(), "read the editorial pipeline", Role.ADMIN, Role.PLANNER, Role.APPROVER, Role.LEADERSHIP);
        var item = writing.getContent(id);
        var campaign = campaigns.getCampaign(item.campaignId());
        model.addAttribute("item", item);
        model.addAttribute("campaign", campaign);
        model.addAttribute("previews", previews.of(ComposeForm.of(item), campaign));
        model.addAttribute("messages", messages);
        model.addAttribute("limits", FormErrors.of(review.findLimitProblems(id), messages, locale));
        var deliveryViews = deliveries.of(scheduling
                .findDeliveries(
                        new DeliveryFilter(null, null, null, id, null, null, null),
                        PageRequest.of(0, PageRequest.MAX_SIZE),
                        me.actor())
                .items());
        model.addAttribute("deliveries", deliveryViews);
        // A channel the item is already waiting for or published on is not offered again.
        var taken = deliveryViews.stream()
                .filter(d -> d.status().isPending() || d.status() == DeliveryStatus.PUBLISHED)
                .map(d -> d.channelId())
                .collect(Collectors.toSet());
        model.addAttribute("history", writing.contentHistory(id));
        model.addAttribute(
                "targets",
                channels.listChannels(me.actor()).stream()
                        .filter(c -> campaign.channelIds().contains(c.id())
                                && !taken.contains(c.id())
                                && c.active()
                                && item.variant(c.platform()).isPresent())
                        .toList());
        model.addAttribute(
                "suggested",
                times.field(clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1))));
        model.addAttribute(
                "canSchedule",
                item.status() == ContentStatus.APPROVED
                        || item.status() == ContentStatus.SCHEDULED
                        || item.status() == ContentStatus.FAILED);
        model.addAttribute("canCancel", item.status().canMoveTo(ContentStatus.CANCELLED));
        model.addAttribute("packs", itemPacks.of(id, me.actor()));
        model.addAttribute(
                "canPack",
                item.status() == ContentStatus.APPROVED
                        || item.status() == ContentStatus.SCHEDULED
                        || item.status() == ContentStatus.PUBLISHING
                        || item.status() == ContentStatus.PUBLISHED);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.NONE);
        }
        return "content";
    }

    @PostMapping("/content/{id}/submit")
    String submit(@PathVariable long id, WebUser me, Locale locale, RedirectAttributes redirect) {
        try {
            review.submitForReview(id, me.actor());
            flash.ok(redirect, locale, "compose.submitted");
        } catch (DomainException e) {
            flash.refused(redirect, locale, e);
        }
        return "redirect:/content/" + id;
    }

    @PostMapping("/content/{id}/schedule")
    String schedule(
            @PathVariable long id,
            @RequestParam(required = false) List<Long> channelIds,
            @RequestParam(required = false) String at,
            @RequestParam(defaultValue = "time") String when,
            WebUser me,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            if ("slot".equals(when)) {
                var ids = channelIds == null ? List.<Long>of() : channelIds;
                if (ids.isEmpty()) {
                    cadences.scheduleInNextFreeSlot(id, null, me.actor());
                }
                for (var channelId : ids) {
                    var d = cadences.scheduleInNextFreeSlot(id, channelId, me.actor());
                    flash.ok(redirect, locale, "content.slotted", times.show(d.scheduledAt()));
                }
            } else {
                var created = scheduling.schedule(id, channelIds, times.parse("at", at), me.actor());
                flash.ok(
                        redirect,
                        locale,
                        "content.scheduled",
                        created.size(),
                        times.show(created.get(0).scheduledAt()));
            }
        } catch (DomainException e) {
            redirect.addFlashAttribute("errors", FormErrors.of(e, messages, locale));
            redirect.addFlashAttribute("scheduleAt", at);
            flash.refused(redirect, locale, e);
        }
        return "redirect:/content/" + id;
    }

    @PostMapping("/content/{id}/cancel")
    String cancel(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            WebUser me,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            scheduling.cancelContent(id, me.actor(), reason);
            flash.ok(redirect, locale, "content.cancelled");
        } catch (DomainException e) {
            flash.refused(redirect, locale, e);
        }
        return "redirect:/content/" + id;
    }
}
