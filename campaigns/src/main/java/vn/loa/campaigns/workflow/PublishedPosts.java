package vn.loa.campaigns.workflow;

import static vn.loa.campaigns.access.Permissions.requireAny;

import java.time.Clock;
import java.util.EnumMap;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.audit.AuditTrail;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.content.ContentItem;
import vn.loa.campaigns.content.ContentRepository;
import vn.loa.campaigns.content.ContentVariant;
import vn.loa.campaigns.delivery.DeliveryRepository;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.delivery.PlatformPosts;
import vn.loa.campaigns.shared.Checks;
import vn.loa.campaigns.shared.IllegalTransition;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.NotFound;
import vn.loa.connectors.Platform;

/**
 * After publishing, changes go to the platforms: a corrected variant is carried to every post of
 * that platform, and a post can be deleted from its platform.
 */
public class PublishedPosts {

    private final ContentRepository contents;
    private final DeliveryRepository deliveries;
    private final ChannelRepository channels;
    private final PlatformPosts posts;
    private final WorkflowSteps steps;
    private final Clock clock;

    public PublishedPosts(
            ContentRepository contents,
            DeliveryRepository deliveries,
            ChannelRepository channels,
            PlatformPosts posts,
            AuditTrail audit,
            Clock clock) {
        this.contents = contents;
        this.deliveries = deliveries;
        this.channels = channels;
        this.posts = posts;
        this.clock = clock;
        this.steps = new WorkflowSteps(contents, deliveries, audit, clock);
    }

    /** Replaces one platform's variant of a published item and edits its posts on that platform. */
    public ContentItem correctPublished(long contentId, ContentVariant corrected, Actor actor) {
        requireAny(actor, "correct published content", Role.PLANNER, Role.ADMIN);
        var item = contents.find(contentId).orElseThrow(() -> new NotFound("content item", contentId));
        var checks = new Checks().required("platform", corrected == null ? null : corrected.platform());
        checks.throwIfAny();
        corrected.check(checks, "variant");
        checks.throwIfAny();
        var published = deliveries.findByContent(contentId).stream()
                .filter(d -> d.status() == DeliveryStatus.PUBLISHED)
                .filter(d -> channels.find(d.channelId())
                        .map(c -> c.platform() == corrected.platform())
                        .orElse(false))
                .toList();
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
        for (var d : published) {
            posts.edit(d, updated);
        }
        return steps.store(
                item,
                updated,
                actor.username(),
                "published " + corrected.platform() + " post corrected on " + published.size() + " channel(s)");
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
