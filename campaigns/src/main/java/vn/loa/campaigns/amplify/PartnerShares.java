package vn.loa.campaigns.amplify;

import static vn.loa.campaigns.access.Permissions.requireAny;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.audit.AuditTrail;
import vn.loa.campaigns.delivery.DeliveryRepository;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.partner.PartnerPageRepository;
import vn.loa.campaigns.partner.PartnerScope;
import vn.loa.campaigns.shared.IllegalTransition;
import vn.loa.campaigns.shared.NotFound;
import vn.loa.campaigns.shared.ReadOnly;
import vn.loa.campaigns.workflow.Scheduling;
import vn.loa.connectors.Platform;

/**
 * Recording partners' shares: confirmed by the post's address (checked against the partner's
 * registered page), or published by Loa on a connected page. Confirming the same post again
 * changes nothing; a withdrawn pack cannot be shared.
 */
public class PartnerShares {

    /** The share, and whether it had been recorded before this call. */
    public record Recorded(PartnerShare share, ContentPack pack, boolean alreadyRecorded) {}

    private static final Actor SYSTEM = new Actor(AuditEntry.SYSTEM, Set.of(Role.PLANNER), null);

    private final PackRepository packs;
    private final ShareRepository shares;
    private final PartnerPageRepository pages;
    private final DeliveryRepository deliveries;
    private final Scheduling scheduling;
    private final AuditTrail audit;
    private final PartnerScope scope;
    private final Clock clock;

    public PartnerShares(
            ContentPacks.Stores stores, DeliveryRepository deliveries, Scheduling scheduling, Clock clock) {
        this.packs = stores.packs();
        this.shares = stores.shares();
        this.pages = stores.pages();
        this.audit = stores.audit();
        this.deliveries = deliveries;
        this.scheduling = scheduling;
        this.scope = new PartnerScope(stores.organisations());
        this.clock = clock;
    }

    /** The partner posted the pack by hand: the post's address is checked and the share recorded. */
    public Recorded confirmShare(long packId, String url, Actor actor) {
        requireAny(actor, "confirm shares", Role.PARTNER_ADMIN, Role.PLANNER, Role.ADMIN);
        var pack = packs.find(packId).orElseThrow(() -> new NotFound("pack", packId));
        scope.require(actor, pack.organisationId(), "pack", packId);
        if (pack.status() == PackStatus.WITHDRAWN) {
            throw new IllegalTransition(
                    "pack " + packId, pack.status(), PackStatus.SHARED, "the office withdrew it; do not share it");
        }
        var page = pages.find(pack.pageId()).orElseThrow();
        var parsed = ShareUrls.parse(page, url);
        var existing = shares.findByPost(page.id(), parsed.postId());
        if (existing.isPresent()) {
            return new Recorded(existing.get(), pack, true);
        }
        var now = clock.instant();
        var share = shares.insert(new PartnerShare(
                null,
                pack.id(),
                page.id(),
                url.strip(),
                parsed.postId(),
                ShareMethod.CONFIRMED_URL,
                parsed.ownerVerified(),
                now,
                actor.username()));
        var after = pack;
        if (pack.status().isOpen()) {
            if (pack.deliveryId() != null) {
                // Shared by hand after accepting: Loa must not post it a second time.
                var delivery = deliveries.find(pack.deliveryId()).orElseThrow();
                if (delivery.status() == DeliveryStatus.SCHEDULED || delivery.status() == DeliveryStatus.HELD) {
                    scheduling.cancelDelivery(delivery.id(), SYSTEM, "the partner shared the pack by hand");
                }
            }
            after = shared(pack, actor.username(), "shared; confirmed with " + url.strip());
        }
        return new Recorded(share, after, false);
    }

    /**
     * The engine published an accepted pack on the partner's connected page: the share is recorded
     * with the post's address. Does nothing for a delivery that is not a pack's.
     */
    public Optional<PartnerShare> recordPublished(long deliveryId) {
        var pack = packs.findByDelivery(deliveryId);
        if (pack.isEmpty()) {
            return Optional.empty();
        }
        var delivery = deliveries.find(deliveryId).orElseThrow();
        if (delivery.status() != DeliveryStatus.PUBLISHED || delivery.externalRef() == null) {
            return Optional.empty();
        }
        var p = pack.get();
        var existing = shares.findByPost(p.pageId(), delivery.externalRef());
        if (existing.isPresent()) {
            return existing;
        }
        var share = shares.insert(new PartnerShare(
                null,
                p.id(),
                p.pageId(),
                postUrl(p.platform(), delivery.externalRef()),
                delivery.externalRef(),
                ShareMethod.PUBLISHED_BY_LOA,
                true,
                delivery.publishedAt() == null ? clock.instant() : delivery.publishedAt(),
                AuditEntry.SYSTEM));
        if (p.status().canMoveTo(PackStatus.SHARED)) {
            shared(p, AuditEntry.SYSTEM, "published by Loa on the partner's page as " + delivery.externalRef());
        }
        return Optional.of(share);
    }

    @ReadOnly
    public List<PartnerShare> listShares(long packId, Actor actor) {
        var pack = packs.find(packId).orElseThrow(() -> new NotFound("pack", packId));
        scope.require(actor, pack.organisationId(), "pack", packId);
        return shares.findByPack(packId);
    }

    private ContentPack shared(ContentPack pack, String by, String why) {
        var moved = pack.moved(PackStatus.SHARED, pack.deliveryId(), clock.instant());
        packs.move(moved, pack.status());
        audit.append(new AuditEntry(
                null,
                AuditEntry.Subject.PACK,
                pack.id(),
                by,
                clock.instant(),
                pack.status().name(),
                PackStatus.SHARED.name(),
                why));
        return moved;
    }

    /** The public address of a post Loa published, from the id its platform gave. */
    static String postUrl(Platform platform, String externalRef) {
        return switch (platform) {
            case FACEBOOK -> "https://www.facebook.com/" + externalRef;
            case YOUTUBE -> "https://www.youtube.com/watch?v=" + externalRef;
            case ZALO -> null;
        };
    }
}
