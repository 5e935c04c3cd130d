package vn.loa.campaigns.workflow;

import static vn.loa.campaigns.access.Permissions.requireAny;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.audit.AuditTrail;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.content.ContentItem;
import vn.loa.campaigns.content.ContentRepository;
import vn.loa.campaigns.content.ContentStatus;
import vn.loa.campaigns.delivery.Delivery;
import vn.loa.campaigns.delivery.DeliveryFilter;
import vn.loa.campaigns.delivery.DeliveryRepository;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.delivery.DeliveryTimer;
import vn.loa.campaigns.delivery.PlatformPosts;
import vn.loa.campaigns.shared.Checks;
import vn.loa.campaigns.shared.IllegalTransition;
import vn.loa.campaigns.shared.NotFound;
import vn.loa.campaigns.shared.Page;
import vn.loa.campaigns.shared.PageRequest;
import vn.loa.campaigns.shared.ReadOnly;

/** Putting approved content on channels at an instant, and taking it off again before it goes out. */
public class Scheduling {

    /** How far ahead a post may be scheduled: a plan year and the next, no more. */
    public static final Period MAX_AHEAD = Period.ofYears(2);

    private static final Set<ContentStatus> PARTNER_SHAREABLE = EnumSet.of(
            ContentStatus.APPROVED, ContentStatus.SCHEDULED, ContentStatus.PUBLISHING, ContentStatus.PUBLISHED);

    private final ContentRepository contents;
    private final DeliveryRepository deliveries;
    private final ChannelRepository channels;
    private final AuditTrail audit;
    private final WorkflowSteps steps;
    private final Clock clock;
    private final DeliveryTimer timer;
    private final PlatformPosts posts;

    public Scheduling(
            ContentRepository contents,
            DeliveryRepository deliveries,
            ChannelRepository channels,
            AuditTrail audit,
            DeliveryTimer timer,
            PlatformPosts posts,
            Clock clock) {
        this.timer = timer;
        this.posts = posts;
        this.contents = contents;
        this.deliveries = deliveries;
        this.channels = channels;
        this.audit = audit;
        this.clock = clock;
        this.steps = new WorkflowSteps(contents, deliveries, audit, clock);
    }

    /** Schedules an approved item to each channel at {@code at}, one delivery per channel. */
    public List<Delivery> schedule(long contentId, List<Long> channelIds, OffsetDateTime at, Actor actor) {
        requireAny(actor, "schedule content", Role.PLANNER, Role.ADMIN);
        var item = getItem(contentId);
        if (!item.status().canMoveTo(ContentStatus.SCHEDULED) || item.status() == ContentStatus.IN_REVIEW) {
            throw new IllegalTransition(
                    "content item " + contentId,
                    item.status(),
                    ContentStatus.SCHEDULED,
                    "only approved content can be scheduled");
        }
        var targets = checkedTargets(item, channelIds, at);
        var now = clock.instant();
        var created = new ArrayList<Delivery>();
        for (var channel : targets) {
            created.add(
                    steps.scheduled(Delivery.schedule(item.id(), channel.id(), at.toInstant(), now), actor.username()));
        }
        if (item.status() != ContentStatus.SCHEDULED) {
            steps.move(
                    item,
                    ContentStatus.SCHEDULED,
                    actor.username(),
                    "scheduled to " + targets.stream().map(Channel::label).collect(Collectors.joining(", ")));
        }
        timer.dueAt(at.toInstant());
        return created;
    }

    /**
     * Puts an approved item on a partner's connected channel for a content pack the partner
     * accepted. Unlike {@link #schedule}, the item may already be out on its own channels (a pack
     * often follows the official post); its status then stays as it is. {@code at} in the past
     * means now.
     */
    public Delivery schedulePartnerShare(long contentId, long channelId, Instant at, Actor actor, String why) {
        requireAny(actor, "schedule content", Role.PLANNER, Role.ADMIN);
        var item = getItem(contentId);
        if (!PARTNER_SHAREABLE.contains(item.status())) {
            throw new IllegalTransition(
                    "content item " + contentId,
                    item.status(),
                    ContentStatus.SCHEDULED,
                    "only approved content goes to partners");
        }
        var now = clock.instant();
        var when = at.isAfter(now) ? at : now;
        var channel = channels.find(channelId).orElseThrow(() -> new NotFound("channel", channelId));
        var checks = new Checks();
        checks.that(channel.active(), "channelId", channel.label() + " is inactive");
        checks.that(
                item.variant(channel.platform()).isPresent(),
                "channelId",
                "the item has no " + channel.platform() + " variant for " + channel.label());
        checks.that(
                steps.deliveriesOf(item).stream()
                        .noneMatch(d -> d.channelId() == channelId
                                && (d.status().isPending() || d.status() == DeliveryStatus.PUBLISHED)),
                "channelId",
                "the item is already scheduled or published on " + channel.label());
        checks.throwIfAny();
        var delivery = steps.scheduled(Delivery.schedule(item.id(), channelId, when, now), actor.username());
        if (item.status() == ContentStatus.APPROVED) {
            steps.move(item, ContentStatus.SCHEDULED, actor.username(), why);
        }
        timer.dueAt(when);
        return delivery;
    }

    /** Cancels an item before it is published, together with every delivery still waiting. */
    public ContentItem cancelContent(long contentId, Actor actor, String reason) {
        requireAny(actor, "cancel content", Role.PLANNER, Role.ADMIN);
        new Checks().maxLength("reason", reason, ContentReview.REASON_MAX).throwIfAny();
        var item = getItem(contentId);
        if (!item.status().canMoveTo(ContentStatus.CANCELLED)) {
            item.moveTo(ContentStatus.CANCELLED, clock.instant()); // throws with the reason why not
        }
        var why = reason == null || reason.isBlank() ? "cancelled" : reason.strip();
        for (var d : steps.deliveriesOf(item)) {
            if (d.status().canMoveTo(DeliveryStatus.CANCELLED)) {
                withdrawIfHandedOff(d);
                steps.move(d, DeliveryStatus.CANCELLED, actor.username(), why);
            }
        }
        return steps.move(item, ContentStatus.CANCELLED, actor.username(), why);
    }

    /** Cancels one delivery; when none is left, the item is approved-but-unscheduled again. */
    public Delivery cancelDelivery(long deliveryId, Actor actor, String reason) {
        requireAny(actor, "cancel a delivery", Role.PLANNER, Role.ADMIN);
        new Checks().maxLength("reason", reason, ContentReview.REASON_MAX).throwIfAny();
        var delivery = getDelivery(deliveryId);
        if (delivery.status().canMoveTo(DeliveryStatus.CANCELLED)) {
            withdrawIfHandedOff(delivery);
        }
        var cancelled = steps.move(
                delivery,
                DeliveryStatus.CANCELLED,
                actor.username(),
                reason == null || reason.isBlank() ? "cancelled" : reason.strip());
        var item = getItem(delivery.contentId());
        var anyLeft = steps.deliveriesOf(item).stream()
                .anyMatch(d -> d.status().isPending() || d.status() == DeliveryStatus.PUBLISHED);
        if (!anyLeft && item.status() == ContentStatus.SCHEDULED) {
            steps.move(item, ContentStatus.APPROVED, actor.username(), "every delivery was cancelled");
        }
        return cancelled;
    }

    /**
     * Moves a delivery that has not gone out to another instant. One the platform's scheduler held
     * is withdrawn from it first (and may be handed over again later).
     */
    public Delivery reschedule(long deliveryId, OffsetDateTime at, Actor actor) {
        requireAny(actor, "reschedule a delivery", Role.PLANNER, Role.ADMIN);
        var checks = checkedTime(at);
        checks.throwIfAny();
        var delivery = getDelivery(deliveryId);
        var now = clock.instant();
        var why = "moved from " + delivery.scheduledAt() + " to " + at.toInstant();
        Delivery moved;
        if (delivery.status() == DeliveryStatus.HANDED_OFF) {
            posts.withdraw(delivery);
            moved = steps.store(delivery, delivery.rescheduled(at.toInstant(), now), actor.username(), why);
        } else {
            moved = steps.store(delivery, delivery.movedTo(at.toInstant(), now), actor.username(), why);
        }
        timer.dueAt(at.toInstant());
        return moved;
    }

    private void withdrawIfHandedOff(Delivery delivery) {
        if (delivery.status() == DeliveryStatus.HANDED_OFF) {
            posts.withdraw(delivery);
        }
    }

    @ReadOnly
    public Delivery getDelivery(long id) {
        return deliveries.find(id).orElseThrow(() -> new NotFound("delivery", id));
    }

    /** A partner admin sees only deliveries to their organisation's channels. */
    @ReadOnly
    public Delivery getDelivery(long id, Actor actor) {
        var delivery = getDelivery(id);
        if (actor.isPartnerAdminOnly()) {
            var channel = channels.find(delivery.channelId()).orElseThrow();
            if (!channel.organisation().equals(actor.organisation())) {
                throw new NotFound("delivery", id);
            }
        }
        return delivery;
    }

    @ReadOnly
    public Page<Delivery> findDeliveries(DeliveryFilter filter, PageRequest page, Actor actor) {
        return deliveries.search(
                actor.isPartnerAdminOnly() ? filter.withOrganisation(actor.organisation()) : filter, page);
    }

    @ReadOnly
    public List<AuditEntry> deliveryHistory(long id, Actor actor) {
        getDelivery(id, actor);
        return audit.history(AuditEntry.Subject.DELIVERY, id);
    }

    /** A time to publish at: in the future, and at most {@link #MAX_AHEAD} ahead. */
    private Checks checkedTime(OffsetDateTime at) {
        var checks = new Checks().required("at", at);
        if (at == null) {
            return checks;
        }
        var now = OffsetDateTime.now(clock).withNano(0);
        if (!at.toInstant().isAfter(clock.instant())) {
            checks.add("at", "is in the past; choose a time after " + now);
        } else if (at.toInstant().isAfter(now.plus(MAX_AHEAD).toInstant())) {
            checks.add("at", "is more than two years ahead; choose a time before " + now.plus(MAX_AHEAD));
        }
        return checks;
    }

    private List<Channel> checkedTargets(ContentItem item, List<Long> channelIds, OffsetDateTime at) {
        var checks = checkedTime(at);
        Set<Long> ids = channelIds == null ? new LinkedHashSet<>() : new LinkedHashSet<>(channelIds);
        checks.that(!ids.isEmpty() && !ids.contains(null), "channelIds", "name at least one channel");
        var found = channels.findAll(ids);
        var alreadyOn = steps.deliveriesOf(item).stream()
                .filter(d -> d.status().isPending() || d.status() == DeliveryStatus.PUBLISHED)
                .map(Delivery::channelId)
                .collect(Collectors.toSet());
        for (var id : ids) {
            if (id == null) {
                continue;
            }
            var channel = found.stream().filter(c -> c.id().equals(id)).findFirst();
            if (channel.isEmpty()) {
                checks.add("channelIds", "no channel has id " + id);
            } else if (!channel.get().active()) {
                checks.add("channelIds", channel.get().label() + " is inactive");
            } else if (item.variant(channel.get().platform()).isEmpty()) {
                checks.add(
                        "channelIds",
                        "the item has no " + channel.get().platform() + " variant for "
                                + channel.get().label());
            } else if (alreadyOn.contains(id)) {
                checks.add(
                        "channelIds",
                        "the item is already scheduled or published on "
                                + channel.get().label());
            }
        }
        checks.throwIfAny();
        return found;
    }

    private ContentItem getItem(long id) {
        return contents.find(id).orElseThrow(() -> new NotFound("content item", id));
    }
}
