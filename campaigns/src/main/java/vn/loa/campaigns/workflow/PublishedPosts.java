package vn.loa.campaigns.workflow;

import static vn.loa.campaigns.access.Permissions.requireAny;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.audit.AuditTrail;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.content.ContentItem;
import vn.loa.campaigns.content.ContentRepository;
import vn.loa.campaigns.content.ContentVariant;
import vn.loa.campaigns.delivery.Delivery;
import vn.loa.campaigns.delivery.DeliveryRepository;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.delivery.PlatformPosts;
import vn.loa.campaigns.shared.Checks;
import vn.loa.campaigns.shared.ConcurrentChange;
import vn.loa.campaigns.shared.IllegalTransition;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.NotAllowed;
import vn.loa.campaigns.shared.NotFound;
import vn.loa.campaigns.shared.ReadOnly;
import vn.loa.connectors.Platform;

/**
 * After publishing, changes go to the platforms: a corrected variant, once an approver approves
 * it, is carried to every post of that platform, and a post can be deleted from its platform.
 */
public class PublishedPosts {

    private final ContentRepository contents;
    private final DeliveryRepository deliveries;
    private final ChannelRepository channels;
    private final PlatformPosts posts;
    private final CorrectionRepository corrections;
    private final WorkflowSteps steps;
    private final Clock clock;

    public PublishedPosts(
            ContentRepository contents,
            DeliveryRepository deliveries,
            ChannelRepository channels,
            PlatformPosts posts,
            CorrectionRepository corrections,
            AuditTrail audit,
            Clock clock) {
        this.corrections = corrections;
        this.contents = contents;
        this.deliveries = deliveries;
        this.channels = channels;
        this.posts = posts;
        this.clock = clock;
        this.steps = new WorkflowSteps(contents, deliveries, audit, clock);
    }

    /**
     * Proposes a corrected variant for one platform's published posts. Nothing changes on the
     * platforms yet: like any edit, the correction waits for an approver other than its author.
     */
    public Correction proposeCorrection(long contentId, ContentVariant corrected, Actor actor) {
        requireAny(actor, "correct published content", Role.PLANNER, Role.ADMIN);
        var item = item(contentId);
        var checks = new Checks().required("platform", corrected == null ? null : corrected.platform());
        checks.throwIfAny();
        corrected.check(checks, "variant");
        checks.throwIfAny();
        var posts = publishedOn(contentId, corrected.platform());
        if (posts.isEmpty()) {
            throw InvalidInput.of("variant.platform", "the item has no published " + corrected.platform() + " post");
        }
        var proposed = corrections.insert(Correction.propose(contentId, corrected, actor.username(), clock.instant()));
        steps.noted(
                item,
                actor.username(),
                "correction " + proposed.id() + " of the published " + corrected.platform()
                        + " post proposed; waiting for an approver");
        return proposed;
    }

    /**
     * Approves a pending correction and carries it to every published post of its platform. The
     * author may not approve their own; a rebuttal's correction is approved by the on-duty approver
     * (the rapid lane), who may do so at once.
     */
    public Correction approveCorrection(long correctionId, Actor actor, String note) {
        requireAny(actor, "approve corrections", Role.APPROVER, Role.ADMIN);
        new Checks().maxLength("note", note, ContentReview.REASON_MAX).throwIfAny();
        var correction = pending(correctionId, actor);
        var item = item(correction.contentId());
        if (item.rebuttal() && !actor.onDuty()) {
            throw new NotAllowed("Rebuttals of false information are approved by the on-duty approver");
        }
        var corrected = correction.variant();
        var published = publishedOn(item.id(), corrected.platform());
        if (published.isEmpty()) {
            throw InvalidInput.of("variant.platform", "the item has no published " + corrected.platform() + " post");
        }
        var variants = new EnumMap<Platform, ContentVariant>(Platform.class);
        variants.putAll(item.variants());
        variants.put(corrected.platform(), corrected);
        var updated = new ContentItem(
                item.id(),
                item.campaignId(),
                item.title(),
                item.body(),
                item.link(),
                item.media(),
                item.tags(),
                variants,
                item.status(),
                item.author(),
                item.rejectionReason(),
                item.createdAt(),
                clock.instant(),
                item.version(),
                item.rebuttal());
        var decided = correction.decided(Correction.Status.APPLIED, actor.username(), clock.instant(), note);
        if (!corrections.decide(decided)) {
            throw new ConcurrentChange("correction " + correctionId);
        }
        for (var d : published) {
            posts.edit(d, updated);
        }
        steps.store(
                item,
                updated,
                actor.username(),
                "correction " + correctionId + " by " + correction.proposedBy() + ", approved by " + actor.username()
                        + ": published " + corrected.platform() + " post corrected on " + published.size()
                        + " channel(s)" + (note == null || note.isBlank() ? "" : " (" + note.strip() + ")"));
        return decided;
    }

    /** Refuses a pending correction; the published posts stay as they are. */
    public Correction rejectCorrection(long correctionId, Actor actor, String reason) {
        requireAny(actor, "reject corrections", Role.APPROVER, Role.ADMIN);
        new Checks().requiredText("reason", reason, ContentReview.REASON_MAX).throwIfAny();
        var correction = pending(correctionId, actor);
        var item = item(correction.contentId());
        var decided = correction.decided(Correction.Status.REJECTED, actor.username(), clock.instant(), reason.strip());
        if (!corrections.decide(decided)) {
            throw new ConcurrentChange("correction " + correctionId);
        }
        steps.noted(
                item,
                actor.username(),
                "correction " + correctionId + " by " + correction.proposedBy() + " rejected by " + actor.username()
                        + ": " + reason.strip());
        return decided;
    }

    @ReadOnly
    public List<Correction> corrections(long contentId) {
        item(contentId);
        return corrections.findByContent(contentId);
    }

    private ContentItem item(long contentId) {
        return contents.find(contentId).orElseThrow(() -> new NotFound("content item", contentId));
    }

    private Correction pending(long correctionId, Actor actor) {
        var correction = corrections.find(correctionId).orElseThrow(() -> new NotFound("correction", correctionId));
        if (correction.status() != Correction.Status.PENDING) {
            throw new IllegalTransition(
                    "correction " + correctionId,
                    correction.status(),
                    Correction.Status.APPLIED,
                    "it was already decided");
        }
        if (correction.proposedBy().equals(actor.username())) {
            throw new NotAllowed("You proposed this correction; another approver must approve it");
        }
        return correction;
    }

    private List<Delivery> publishedOn(long contentId, Platform platform) {
        return deliveries.findByContent(contentId).stream()
                .filter(d -> d.status() == DeliveryStatus.PUBLISHED)
                .filter(d -> channels.find(d.channelId())
                        .map(c -> c.platform() == platform)
                        .orElse(false))
                .toList();
    }

    /** Deletes a published post from its platform. */
    public void removePublished(long deliveryId, Actor actor, String reason) {
        requireAny(actor, "remove a published post", Role.PLANNER, Role.ADMIN);
        new Checks().maxLength("reason", reason, ContentReview.REASON_MAX).throwIfAny();
        var delivery = deliveries.find(deliveryId).orElseThrow(() -> new NotFound("delivery", deliveryId));
        if (delivery.status() != DeliveryStatus.PUBLISHED) {
            throw new IllegalTransition(
                    "delivery " + deliveryId,
                    delivery.status(),
                    DeliveryStatus.REMOVED,
                    "only a published post can be removed from its platform; cancel a waiting delivery instead");
        }
        posts.withdraw(delivery);
        steps.move(
                delivery,
                DeliveryStatus.REMOVED,
                actor.username(),
                reason == null || reason.isBlank() ? "removed from the platform" : reason.strip());
    }
}
