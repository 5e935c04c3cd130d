package vn.loa.campaigns.workflow;

import static vn.loa.campaigns.access.Permissions.requireAny;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.audit.AuditTrail;
import vn.loa.campaigns.campaign.Campaign;
import vn.loa.campaigns.campaign.CampaignRepository;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.content.ContentDraft;
import vn.loa.campaigns.content.ContentFilter;
import vn.loa.campaigns.content.ContentItem;
import vn.loa.campaigns.content.ContentRepository;
import vn.loa.campaigns.content.ContentStatus;
import vn.loa.campaigns.content.ContentVariant;
import vn.loa.campaigns.delivery.DeliveryRepository;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.delivery.PlatformPosts;
import vn.loa.campaigns.shared.Checks;
import vn.loa.campaigns.shared.ConcurrentChange;
import vn.loa.campaigns.shared.IllegalTransition;
import vn.loa.campaigns.shared.NotAllowed;
import vn.loa.campaigns.shared.NotFound;
import vn.loa.campaigns.shared.Page;
import vn.loa.campaigns.shared.PageRequest;
import vn.loa.campaigns.shared.ReadOnly;
import vn.loa.connectors.Platform;
import vn.loa.templates.variant.MasterText;
import vn.loa.templates.variant.VariantDraft;
import vn.loa.templates.variant.VariantDrafter;

/** Writing content once and fitting it to each platform; editing it while that is still allowed. */
public class ContentWriting {

    private final ContentRepository contents;
    private final CampaignRepository campaigns;
    private final ChannelRepository channels;
    private final AuditTrail audit;
    private final WorkflowSteps steps;
    private final VariantDrafter drafter = new VariantDrafter();
    private final Clock clock;
    private final PlatformPosts posts;

    public ContentWriting(
            ContentRepository contents,
            CampaignRepository campaigns,
            ChannelRepository channels,
            DeliveryRepository deliveries,
            AuditTrail audit,
            PlatformPosts posts,
            Clock clock) {
        this.posts = posts;
        this.contents = contents;
        this.campaigns = campaigns;
        this.channels = channels;
        this.audit = audit;
        this.clock = clock;
        this.steps = new WorkflowSteps(contents, deliveries, audit, clock);
    }

    public ContentItem writeContent(ContentDraft draft, Actor actor) {
        requireAny(actor, "write content", Role.PLANNER, Role.ADMIN);
        var campaign = checked(draft);
        var now = clock.instant();
        var item = new ContentItem(
                null,
                campaign.id(),
                draft.title().strip(),
                draft.body(),
                draft.link(),
                orEmpty(draft.media()),
                orEmpty(draft.tags()),
                variantsFor(draft, campaign),
                ContentStatus.DRAFT,
                actor.username(),
                null,
                now,
                now,
                0,
                Boolean.TRUE.equals(draft.rebuttal()));
        return steps.created(item, actor.username());
    }

    /**
     * Changes the text of an item. An approved or scheduled item goes back to review, and its
     * scheduled deliveries are held until it is approved again.
     */
    public ContentItem editContent(long id, long expectedVersion, ContentDraft draft, Actor actor) {
        requireAny(actor, "edit content", Role.PLANNER, Role.ADMIN);
        var item = getContent(id);
        if (item.version() != expectedVersion) {
            throw new ConcurrentChange("content item " + id);
        }
        if (!item.status().isEditable()) {
            throw new IllegalTransition(
                    "content item " + id,
                    item.status(),
                    ContentStatus.IN_REVIEW,
                    "a " + item.status().name().toLowerCase() + " item can no longer be edited in Loa");
        }
        if (draft.campaignId() != null && draft.campaignId() != item.campaignId()) {
            throw new NotAllowed("An item cannot move to another campaign; write a new item instead");
        }
        var withCampaign = new ContentDraft(
                item.campaignId(),
                draft.title(),
                draft.body(),
                draft.link(),
                draft.media(),
                draft.tags(),
                draft.variants(),
                draft.rebuttal());
        var campaign = checked(withCampaign);
        var edited = item.withText(withCampaign, variantsFor(withCampaign, campaign), clock.instant());
        var backToReview = item.status() == ContentStatus.APPROVED || item.status() == ContentStatus.SCHEDULED;
        if (!backToReview) {
            return steps.store(item, edited, actor.username(), "edited");
        }
        for (var delivery : steps.deliveriesOf(item)) {
            if (delivery.status() == DeliveryStatus.HANDED_OFF) {
                // The platform must not publish the old text: take it back from its scheduler.
                posts.withdraw(delivery);
            }
            if (delivery.status() == DeliveryStatus.SCHEDULED || delivery.status() == DeliveryStatus.HANDED_OFF) {
                steps.move(delivery, DeliveryStatus.HELD, actor.username(), "content edited; waits for approval");
            }
        }
        return steps.store(
                item,
                edited.moveTo(ContentStatus.IN_REVIEW, clock.instant()),
                actor.username(),
                "edited after approval; needs approval again");
    }

    @ReadOnly
    public ContentItem getContent(long id) {
        return contents.find(id).orElseThrow(() -> new NotFound("content item", id));
    }

    @ReadOnly
    public Page<ContentItem> findContent(ContentFilter filter, PageRequest page) {
        return contents.search(filter, page);
    }

    @ReadOnly
    public List<AuditEntry> contentHistory(long id) {
        getContent(id);
        return audit.history(AuditEntry.Subject.CONTENT, id);
    }

    private Campaign checked(ContentDraft draft) {
        var checks = new Checks();
        ContentItem.check(draft, checks);
        Campaign campaign = null;
        if (draft.campaignId() != null) {
            campaign = campaigns.find(draft.campaignId()).orElse(null);
            checks.that(campaign != null, "campaignId", "no campaign has id " + draft.campaignId());
        }
        checks.throwIfAny();
        return campaign;
    }

    /** The variants written by the author, plus a drafted one for each other platform the campaign uses. */
    private Map<Platform, ContentVariant> variantsFor(ContentDraft draft, Campaign campaign) {
        var variants = new EnumMap<Platform, ContentVariant>(Platform.class);
        for (var v : orEmpty(draft.variants())) {
            variants.put(v.platform(), v);
        }
        var master = new MasterText(draft.title(), draft.body(), draft.link(), draft.media(), draft.tags());
        channels.findAll(campaign.channelIds()).stream()
                .map(Channel::platform)
                .filter(p -> !variants.containsKey(p))
                .distinct()
                .forEach(p -> variants.put(p, fromDraft(p, drafter.draft(p, master))));
        return variants;
    }

    private static ContentVariant fromDraft(Platform p, VariantDraft d) {
        return new ContentVariant(p, d.title(), d.body(), d.description(), d.link(), d.coverUrl(), d.media(), d.tags());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
