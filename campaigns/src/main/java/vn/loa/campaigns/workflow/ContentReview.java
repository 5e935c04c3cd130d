package vn.loa.campaigns.workflow;

import static vn.loa.campaigns.access.Permissions.requireAny;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.audit.AuditTrail;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.channel.ChannelRole;
import vn.loa.campaigns.content.ContentItem;
import vn.loa.campaigns.content.ContentRepository;
import vn.loa.campaigns.content.ContentStatus;
import vn.loa.campaigns.delivery.Delivery;
import vn.loa.campaigns.delivery.DeliveryRepository;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.delivery.DeliveryTimer;
import vn.loa.campaigns.shared.Checks;
import vn.loa.campaigns.shared.FieldProblem;
import vn.loa.campaigns.shared.IllegalTransition;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.NotAllowed;
import vn.loa.campaigns.shared.NotFound;
import vn.loa.campaigns.shared.ReadOnly;

/** Review before publishing: submit, approve, reject. Nobody approves their own item. */
public class ContentReview {

    public static final int REASON_MAX = 2_000;

    private final ContentRepository contents;
    private final WorkflowSteps steps;
    private final PlatformLimits limits;
    private final ChannelRepository channels;
    private final DeliveryTimer timer;
    private final Clock clock;

    public ContentReview(
            ContentRepository contents,
            DeliveryRepository deliveries,
            AuditTrail audit,
            PlatformLimits limits,
            ChannelRepository channels,
            DeliveryTimer timer,
            Clock clock) {
        this.contents = contents;
        this.limits = limits;
        this.channels = channels;
        this.timer = timer;
        this.clock = clock;
        this.steps = new WorkflowSteps(contents, deliveries, audit, clock);
    }

    public ContentItem submitForReview(long id, Actor actor) {
        requireAny(actor, "submit content for review", Role.PLANNER, Role.ADMIN);
        var item = get(id);
        if (item.status().canMoveTo(ContentStatus.IN_REVIEW) && item.variants().isEmpty()) {
            throw InvalidInput.of("variants", "add at least one platform variant before submitting for review");
        }
        if (item.status() == ContentStatus.IN_REVIEW) {
            throw new IllegalTransition(
                    "content item " + id,
                    item.status(),
                    ContentStatus.IN_REVIEW,
                    "it is already waiting for an approver");
        }
        item.moveTo(ContentStatus.IN_REVIEW, item.updatedAt()); // refuses an illegal step before anything else
        limits.require(item);
        return steps.move(item, ContentStatus.IN_REVIEW, actor.username(), "submitted for review");
    }

    /** The platform limits the item's variants break; empty when it can be approved. */
    @ReadOnly
    public List<FieldProblem> findLimitProblems(long id) {
        return limits.problems(get(id));
    }

    /** Approves an item in review; deliveries held by an edit after scheduling are released again. */
    public ContentItem approve(long id, Actor actor, String note) {
        requireAny(actor, "approve content", Role.APPROVER, Role.ADMIN);
        var item = get(id);
        if (item.author().equals(actor.username())) {
            throw new NotAllowed("You wrote this item; another approver must approve it");
        }
        if (item.rebuttal() && !actor.onDuty()) {
            throw new NotAllowed("Rebuttals of false information are approved by the on-duty approver");
        }
        new Checks().maxLength("note", note, REASON_MAX).throwIfAny();
        item.moveTo(ContentStatus.APPROVED, item.updatedAt());
        // Limits are checked again: a platform's limits may have changed since submission.
        limits.require(item);
        var approved = steps.move(item, ContentStatus.APPROVED, actor.username(), note == null ? "approved" : note);
        if (approved.rebuttal()) {
            return publishRebuttalNow(approved, actor);
        }
        var held = steps.deliveriesOf(approved).stream()
                .filter(d -> d.status() == DeliveryStatus.HELD)
                .toList();
        if (held.isEmpty()) {
            return approved;
        }
        held.forEach(d -> steps.move(d, DeliveryStatus.SCHEDULED, actor.username(), "content approved again"));
        return steps.move(approved, ContentStatus.SCHEDULED, actor.username(), "held deliveries released");
    }

    /**
     * The rapid response lane: an approved rebuttal goes to every active official channel at once;
     * the engine takes rebuttals before anything else due.
     */
    private ContentItem publishRebuttalNow(ContentItem item, Actor actor) {
        var now = clock.instant();
        var officials = channels.list(null).stream()
                .filter(c -> c.role() == ChannelRole.OFFICIAL
                        && c.active()
                        && item.variant(c.platform()).isPresent())
                .toList();
        if (officials.isEmpty()) {
            throw InvalidInput.of("variants", "no active official channel takes any of this rebuttal's variants");
        }
        var already = steps.deliveriesOf(item).stream().map(Delivery::channelId).collect(Collectors.toSet());
        for (var channel : officials) {
            if (!already.contains(channel.id())) {
                steps.scheduled(Delivery.schedule(item.id(), channel.id(), now, now), actor.username());
            }
        }
        timer.dueAt(now);
        return steps.move(
                item, ContentStatus.SCHEDULED, actor.username(), "rebuttal: published at once to the official channel");
    }

    public ContentItem reject(long id, Actor actor, String reason) {
        requireAny(actor, "reject content", Role.APPROVER, Role.ADMIN);
        new Checks().requiredText("reason", reason, REASON_MAX).throwIfAny();
        return steps.reject(get(id), actor.username(), reason.strip());
    }

    private ContentItem get(long id) {
        return contents.find(id).orElseThrow(() -> new NotFound("content item", id));
    }
}
