package vn.loa.campaigns.workflow;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.audit.AuditTrail;
import vn.loa.campaigns.content.ContentItem;
import vn.loa.campaigns.content.ContentRepository;
import vn.loa.campaigns.content.ContentStatus;
import vn.loa.campaigns.delivery.Delivery;
import vn.loa.campaigns.delivery.DeliveryRepository;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.shared.NotFound;

/**
 * What the publishing engine reports as a delivery goes out. The item's own status follows its
 * deliveries: PUBLISHING while any is being published, PUBLISHED once every delivery still meant to
 * go out is out, FAILED when none is pending and at least one failed.
 */
public class DeliveryProgress {

    private final ContentRepository contents;
    private final DeliveryRepository deliveries;
    private final WorkflowSteps steps;
    private final Clock clock;

    private final PublicationListener listener;

    public DeliveryProgress(ContentRepository contents, DeliveryRepository deliveries, AuditTrail audit, Clock clock) {
        this(contents, deliveries, audit, clock, PublicationListener.NONE);
    }

    /** With a listener told of every publication (partner amplification pushes rebuttals from it). */
    public DeliveryProgress(
            ContentRepository contents,
            DeliveryRepository deliveries,
            AuditTrail audit,
            Clock clock,
            PublicationListener listener) {
        this.listener = listener;
        this.contents = contents;
        this.clock = clock;
        this.deliveries = deliveries;
        this.steps = new WorkflowSteps(contents, deliveries, audit, clock);
    }

    /** A delivery about to be published, with its item (to build the post from). */
    public record Started(Delivery delivery, ContentItem item) {}

    public Started startPublishing(long deliveryId) {
        return startPublishing(get(deliveryId));
    }

    /** Starts a delivery the caller has just read (and locked). */
    public Started startPublishing(Delivery current) {
        var delivery = steps.move(current, DeliveryStatus.PUBLISHING, AuditEntry.SYSTEM, "due");
        var item = item(delivery);
        // An item already out on its own channels stays PUBLISHED while a partner's delivery goes.
        if (item.status() != ContentStatus.PUBLISHING && item.status() != ContentStatus.PUBLISHED) {
            item = steps.move(item, ContentStatus.PUBLISHING, AuditEntry.SYSTEM, "first delivery started");
        }
        return new Started(delivery, item);
    }

    /**
     * {@link #startPublishing(Delivery)} for a batch the caller has just read and locked, in a few
     * statements whatever its size (the engine claims up to a few hundred at once). Returned in the
     * order given; deliveries of the same item share the item as moved.
     */
    public List<Started> startPublishing(List<Delivery> current) {
        var started = steps.moveDeliveries(current, DeliveryStatus.PUBLISHING, AuditEntry.SYSTEM, "due");
        var items = new LinkedHashMap<Long, ContentItem>();
        contents.findAll(started.stream().map(Delivery::contentId).distinct().toList())
                .forEach(i -> items.put(i.id(), i));
        // An item already out on its own channels stays PUBLISHED while a partner's delivery goes.
        var waiting = items.values().stream()
                .filter(i -> i.status() != ContentStatus.PUBLISHING && i.status() != ContentStatus.PUBLISHED)
                .toList();
        steps.moveItems(waiting, ContentStatus.PUBLISHING, AuditEntry.SYSTEM, "first delivery started")
                .forEach(i -> items.put(i.id(), i));
        return started.stream().map(d -> new Started(d, item(items, d))).toList();
    }

    private static ContentItem item(Map<Long, ContentItem> items, Delivery delivery) {
        var item = items.get(delivery.contentId());
        if (item == null) {
            throw new NotFound("content item", delivery.contentId());
        }
        return item;
    }

    public Delivery recordPublished(long deliveryId, String externalRef) {
        return recordPublished(get(deliveryId), externalRef);
    }

    /** Records the outcome for a delivery as the caller last knew it; refused if it changed meanwhile. */
    public Delivery recordPublished(Delivery before, String externalRef) {
        var after = steps.store(
                before,
                before.published(externalRef, clock.instant()),
                AuditEntry.SYSTEM,
                "published as " + externalRef);
        rollUp(after.contentId());
        listener.published(after);
        return after;
    }

    public Delivery recordFailed(long deliveryId, String platformReason) {
        var before = get(deliveryId);
        var after =
                steps.store(before, before.failed(platformReason, clock.instant()), AuditEntry.SYSTEM, platformReason);
        rollUp(after.contentId());
        return after;
    }

    /** The platform's own scheduler took the post. */
    public Delivery handedOff(Delivery current, String externalRef) {
        return steps.store(
                current,
                current.handedOff(externalRef, clock.instant()),
                AuditEntry.SYSTEM,
                "handed to the platform's scheduler as " + externalRef);
    }

    /** The platform published the post it held, at the delivery's instant. */
    public Delivery confirmedByPlatform(Delivery current) {
        var item = item(current);
        if (item.status() == ContentStatus.SCHEDULED) {
            steps.move(item, ContentStatus.PUBLISHING, AuditEntry.SYSTEM, "the platform's scheduler published it");
        }
        var moved = current.moveTo(DeliveryStatus.PUBLISHED, clock.instant());
        var published = new Delivery(
                moved.id(),
                moved.contentId(),
                moved.channelId(),
                moved.scheduledAt(),
                moved.status(),
                current.externalRef(),
                null,
                current.scheduledAt(),
                moved.createdAt(),
                moved.updatedAt());
        var after = steps.store(current, published, AuditEntry.SYSTEM, "published by the platform's scheduler");
        rollUp(after.contentId());
        listener.published(after);
        return after;
    }

    /**
     * The platform's scheduler published the post it held but keeps it from the public (YouTube:
     * still private after its instant): the delivery fails with the platform's reason.
     */
    public Delivery hiddenByPlatform(Delivery current, String reason) {
        var item = item(current);
        if (item.status() == ContentStatus.SCHEDULED) {
            steps.move(item, ContentStatus.PUBLISHING, AuditEntry.SYSTEM, "the platform's scheduler published it");
        }
        return recordFailed(current.id(), reason);
    }

    /** The platform no longer holds the post it was handed: Loa publishes it itself. */
    public Delivery droppedByPlatform(Delivery current, String reason) {
        return steps.store(
                current, current.rescheduled(current.scheduledAt(), clock.instant()), AuditEntry.SYSTEM, reason);
    }

    /** A published post deleted from its platform. */
    public Delivery removed(Delivery current, String actor, String reason) {
        return steps.move(current, DeliveryStatus.REMOVED, actor, reason);
    }

    /** A passing failure: the delivery waits for another attempt (the engine decides when). */
    public Delivery retryLater(long deliveryId, String reason) {
        return steps.move(get(deliveryId), DeliveryStatus.SCHEDULED, AuditEntry.SYSTEM, reason);
    }

    /** Kept back, not failed: its channel must be reconnected first. */
    public Delivery hold(long deliveryId, String reason) {
        return steps.move(get(deliveryId), DeliveryStatus.HELD, AuditEntry.SYSTEM, reason);
    }

    /** A held delivery may go again (its channel was reconnected). Only items still meant to go out are released. */
    public boolean release(long deliveryId, String reason) {
        var delivery = get(deliveryId);
        var item = item(delivery);
        if (delivery.status() != DeliveryStatus.HELD
                || !(item.status() == ContentStatus.SCHEDULED || item.status() == ContentStatus.PUBLISHING)) {
            return false;
        }
        steps.move(delivery, DeliveryStatus.SCHEDULED, AuditEntry.SYSTEM, reason);
        return true;
    }

    /** Reads the item only when its last pending delivery just finished. */
    private void rollUp(long contentId) {
        var all = steps.deliveriesOf(contentId);
        if (all.stream().anyMatch(d -> d.status().isPending())) {
            return;
        }
        var item = contents.findHeader(contentId).orElseThrow(() -> new NotFound("content item", contentId));
        if (item.status() == ContentStatus.PUBLISHED) {
            return; // a partner's delivery of an item already out: the item's own outcome stands
        }
        var anyFailed = all.stream().anyMatch(d -> d.status() == DeliveryStatus.FAILED);
        var target = anyFailed ? ContentStatus.FAILED : ContentStatus.PUBLISHED;
        steps.move(item, target, AuditEntry.SYSTEM, anyFailed ? "a delivery failed" : "every delivery published");
    }

    private Delivery get(long id) {
        return deliveries.find(id).orElseThrow(() -> new NotFound("delivery", id));
    }

    private ContentItem item(Delivery delivery) {
        return contents.find(delivery.contentId())
                .orElseThrow(() -> new NotFound("content item", delivery.contentId()));
    }
}
