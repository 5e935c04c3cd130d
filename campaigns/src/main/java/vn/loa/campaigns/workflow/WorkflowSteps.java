package vn.loa.campaigns.workflow;

import java.time.Clock;
import java.util.List;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.audit.AuditEntry.Subject;
import vn.loa.campaigns.audit.AuditTrail;
import vn.loa.campaigns.content.ContentItem;
import vn.loa.campaigns.content.ContentRepository;
import vn.loa.campaigns.content.ContentStatus;
import vn.loa.campaigns.delivery.Delivery;
import vn.loa.campaigns.delivery.DeliveryRepository;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.shared.ConcurrentChange;

/** Moves items and deliveries between states, stores them and writes the audit trail in the same step. */
class WorkflowSteps {

    private final ContentRepository contents;
    private final DeliveryRepository deliveries;
    private final AuditTrail audit;
    private final Clock clock;

    WorkflowSteps(ContentRepository contents, DeliveryRepository deliveries, AuditTrail audit, Clock clock) {
        this.contents = contents;
        this.deliveries = deliveries;
        this.audit = audit;
        this.clock = clock;
    }

    ContentItem move(ContentItem item, ContentStatus to, String actor, String reason) {
        return storeStatus(item, item.moveTo(to, clock.instant()), actor, reason);
    }

    ContentItem reject(ContentItem item, String actor, String reason) {
        return storeStatus(item, item.rejected(reason, clock.instant()), actor, reason);
    }

    private ContentItem storeStatus(ContentItem before, ContentItem after, String actor, String reason) {
        var stored = contents.updateStatus(after);
        record(
                Subject.CONTENT,
                stored.id(),
                actor,
                before.status().name(),
                stored.status().name(),
                reason);
        return stored;
    }

    /** {@link #move(ContentItem, ContentStatus, String, String)} for several items, stored in one step. */
    List<ContentItem> moveItems(List<ContentItem> items, ContentStatus to, String actor, String reason) {
        var now = clock.instant();
        var stored = contents.updateStatusAll(
                items.stream().map(i -> i.moveTo(to, now)).toList());
        for (int i = 0; i < items.size(); i++) {
            record(
                    Subject.CONTENT,
                    stored.get(i).id(),
                    actor,
                    items.get(i).status().name(),
                    to.name(),
                    reason);
        }
        return stored;
    }

    /** Stores a changed item (its status may be unchanged) and records the step. */
    ContentItem store(ContentItem before, ContentItem after, String actor, String reason) {
        var stored = contents.update(after);
        record(
                Subject.CONTENT,
                stored.id(),
                actor,
                before.status().name(),
                stored.status().name(),
                reason);
        return stored;
    }

    ContentItem created(ContentItem item, String actor) {
        var stored = contents.insert(item);
        record(Subject.CONTENT, stored.id(), actor, null, stored.status().name(), "written");
        return stored;
    }

    Delivery scheduled(Delivery delivery, String actor) {
        var stored = deliveries.insert(delivery);
        record(Subject.DELIVERY, stored.id(), actor, null, stored.status().name(), "scheduled");
        return stored;
    }

    Delivery move(Delivery delivery, DeliveryStatus to, String actor, String reason) {
        return store(delivery, delivery.moveTo(to, clock.instant()), actor, reason);
    }

    /**
     * {@link #move(Delivery, DeliveryStatus, String, String)} for several deliveries in the same
     * state, stored in one step; none moves if any of them changed meanwhile.
     */
    List<Delivery> moveDeliveries(List<Delivery> current, DeliveryStatus to, String actor, String reason) {
        if (current.isEmpty()) {
            return List.of();
        }
        var from = current.get(0).status();
        if (current.stream().anyMatch(d -> d.status() != from)) {
            throw new IllegalArgumentException("deliveries moved in one step must all be " + from);
        }
        var now = clock.instant();
        var moved = current.stream().map(d -> d.moveTo(to, now)).toList();
        var refused = deliveries.updateAll(moved, from);
        if (!refused.isEmpty()) {
            throw new ConcurrentChange("delivery " + refused.get(0));
        }
        for (var d : moved) {
            record(Subject.DELIVERY, d.id(), actor, from.name(), to.name(), reason);
        }
        return moved;
    }

    Delivery store(Delivery before, Delivery after, String actor, String reason) {
        if (!deliveries.update(after, before.status())) {
            throw new ConcurrentChange("delivery " + before.id());
        }
        record(
                Subject.DELIVERY,
                after.id(),
                actor,
                before.status().name(),
                after.status().name(),
                reason);
        return after;
    }

    /** Records a step about an item that changes neither it nor its status (a correction proposed or refused). */
    void noted(ContentItem item, String actor, String reason) {
        record(
                Subject.CONTENT,
                item.id(),
                actor,
                item.status().name(),
                item.status().name(),
                reason);
    }

    List<Delivery> deliveriesOf(ContentItem item) {
        return deliveries.findByContent(item.id());
    }

    List<Delivery> deliveriesOf(long contentId) {
        return deliveries.findByContent(contentId);
    }

    private void record(Subject subject, long id, String actor, String from, String to, String reason) {
        audit.append(new AuditEntry(null, subject, id, actor, clock.instant(), from, to, reason));
    }
}
