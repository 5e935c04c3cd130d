package vn.loa.campaigns.amplify;

import static vn.loa.campaigns.access.Permissions.requireAny;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.audit.AuditTrail;
import vn.loa.campaigns.campaign.Campaign;
import vn.loa.campaigns.campaign.CampaignRepository;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.channel.ChannelRole;
import vn.loa.campaigns.content.ContentItem;
import vn.loa.campaigns.content.ContentRepository;
import vn.loa.campaigns.content.ContentStatus;
import vn.loa.campaigns.delivery.DeliveryRepository;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.partner.Organisation;
import vn.loa.campaigns.partner.OrganisationRepository;
import vn.loa.campaigns.partner.PageFilter;
import vn.loa.campaigns.partner.PageStatus;
import vn.loa.campaigns.partner.PartnerPage;
import vn.loa.campaigns.partner.PartnerPageRepository;
import vn.loa.campaigns.partner.PartnerScope;
import vn.loa.campaigns.shared.Checks;
import vn.loa.campaigns.shared.ConcurrentChange;
import vn.loa.campaigns.shared.IllegalTransition;
import vn.loa.campaigns.shared.NotFound;
import vn.loa.campaigns.shared.Page;
import vn.loa.campaigns.shared.PageRequest;
import vn.loa.campaigns.shared.ReadOnly;
import vn.loa.campaigns.workflow.Scheduling;
import vn.loa.connectors.Platform;
import vn.loa.templates.library.TemplateLibrary;
import vn.loa.templates.library.TemplateRenderer;

/**
 * Content packs: an approved item offered to each selected partner page with its texts per
 * platform, media, hashtags, a window and the partner's own tracked link. Partners share by hand
 * (and confirm with the post's address) or let Loa publish on their connected page.
 */
public class ContentPacks {

    /** The stores content packs read and write. */
    public record Stores(
            PackRepository packs,
            ShareRepository shares,
            PartnerPageRepository pages,
            OrganisationRepository organisations,
            ContentRepository contents,
            CampaignRepository campaigns,
            DeliveryRepository deliveries,
            ChannelRepository channels,
            AuditTrail audit) {}

    /**
     * @param defaultWindow how long a partner has to share, unless the pack says
     * @param rapidWindow   how long for a rebuttal pushed at once (60 minutes)
     * @param remindBefore  how long before its window closes an unshared pack is reminded
     * @param publicUrl     the address partners' followers reach Loa at (for the tracked links)
     */
    public record Settings(
            Duration defaultWindow, Duration rapidWindow, Duration remindBefore, String publicUrl, ZoneId cityZone) {}

    /** What a planner asks for: the window (from defaults to now) and, optionally, which pages. */
    public record BuildRequest(OffsetDateTime windowFrom, OffsetDateTime windowTo, List<Long> pageIds) {}

    /** The packs made, and the pages left out because they already have a pack of the item. */
    public record Built(List<ContentPack> packs, List<Long> alreadyPacked) {}

    static final Set<ContentStatus> PACKABLE = EnumSet.of(
            ContentStatus.APPROVED, ContentStatus.SCHEDULED, ContentStatus.PUBLISHING, ContentStatus.PUBLISHED);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Actor SYSTEM = new Actor(AuditEntry.SYSTEM, Set.of(Role.PLANNER), null);

    private final Stores stores;
    private final Scheduling scheduling;
    private final Notifications notifications;
    private final Settings settings;
    private final PartnerScope scope;
    private final TemplateLibrary library = new TemplateLibrary();
    private final TemplateRenderer renderer = new TemplateRenderer();
    private final Clock clock;

    public ContentPacks(
            Stores stores, Scheduling scheduling, Notifications notifications, Settings settings, Clock clock) {
        this.stores = stores;
        this.scheduling = scheduling;
        this.notifications = notifications;
        this.settings = settings;
        this.scope = new PartnerScope(stores.organisations());
        this.clock = clock;
    }

    /** One pack of an approved item per selected partner page (or per page named), notified at once. */
    public Built buildPacks(long contentId, BuildRequest request, Actor actor) {
        requireAny(actor, "build content packs", Role.PLANNER, Role.ADMIN);
        var item = item(contentId);
        var now = clock.instant();
        var checks = new Checks();
        var from = request.windowFrom() == null ? now : request.windowFrom().toInstant();
        var to = request.windowTo() == null
                ? from.plus(settings.defaultWindow())
                : request.windowTo().toInstant();
        checks.that(to.isAfter(from), "windowTo", "must be after windowFrom");
        checks.that(to.isAfter(now), "windowTo", "is in the past; the window must end after now");
        List<PartnerPage> pages;
        if (request.pageIds() == null || request.pageIds().isEmpty()) {
            pages = stores.pages().list(new PageFilter(PageStatus.SELECTED, null, null));
            checks.that(
                    !pages.isEmpty(), "pageIds", "no partner page is selected yet: select pages in the registry first");
        } else {
            var wanted = new LinkedHashSet<>(request.pageIds());
            var found = stores.pages()
                    .findAll(wanted.stream().filter(id -> id != null).toList());
            var byId = found.stream().collect(Collectors.toMap(PartnerPage::id, p -> p));
            for (var id : wanted) {
                var page = id == null ? null : byId.get(id);
                if (page == null) {
                    checks.add("pageIds", "no partner page has id " + id);
                } else if (page.status() != PageStatus.SELECTED) {
                    checks.add(
                            "pageIds",
                            page.label() + " is " + page.status().name().toLowerCase() + ", not selected");
                }
            }
            pages = found;
        }
        checks.throwIfAny();
        return build(item, pages, new Window(from, to, false, null), actor.username());
    }

    /**
     * A rebuttal just went out on an official channel: a pack goes at once to every selected
     * partner page, with the short rapid window and an immediate notification; connected pages
     * that accept automatically get it published. Done once per rebuttal (the first official post
     * counts); empty for any other publication.
     */
    public Optional<Built> pushRebuttal(long deliveryId) {
        var delivery = stores.deliveries().find(deliveryId).orElse(null);
        if (delivery == null || delivery.status() != DeliveryStatus.PUBLISHED) {
            return Optional.empty();
        }
        var channel = stores.channels().find(delivery.channelId()).orElseThrow();
        if (channel.role() != ChannelRole.OFFICIAL) {
            return Optional.empty();
        }
        var item = item(delivery.contentId());
        if (!item.rebuttal()) {
            return Optional.empty();
        }
        var now = clock.instant();
        if (!stores.packs().claimRapidPush(item.id(), deliveryId, now)) {
            return Optional.empty();
        }
        var pages = stores.pages().list(new PageFilter(PageStatus.SELECTED, null, null));
        var official = delivery.publishedAt() == null ? now : delivery.publishedAt();
        return Optional.of(build(
                item, pages, new Window(now, now.plus(settings.rapidWindow()), true, official), AuditEntry.SYSTEM));
    }

    /** The window and kind of the packs being built. */
    record Window(Instant from, Instant to, boolean rapid, Instant officialPublishedAt) {}

    Built build(ContentItem item, List<PartnerPage> pages, Window window, String by) {
        if (!PACKABLE.contains(item.status())) {
            throw new IllegalTransition(
                    "content item " + item.id(),
                    item.status(),
                    PackStatus.OFFERED,
                    "only approved content goes into packs");
        }
        var now = clock.instant();
        var campaign = stores.campaigns().find(item.campaignId()).orElseThrow();
        var packed = stores.packs().findByContent(item.id()).stream()
                .filter(p -> p.status() != PackStatus.WITHDRAWN)
                .map(ContentPack::pageId)
                .collect(Collectors.toSet());
        var organisations = new HashMap<Long, Organisation>();
        stores.organisations()
                .findAll(pages.stream().map(PartnerPage::organisationId).collect(Collectors.toSet()))
                .forEach(o -> organisations.put(o.id(), o));
        var fresh = new ArrayList<ContentPack>();
        var skipped = new ArrayList<Long>();
        for (var page : pages) {
            if (packed.contains(page.id())) {
                skipped.add(page.id());
                continue;
            }
            fresh.add(pack(item, campaign, page, organisations.get(page.organisationId()), window, by, now));
        }
        var stored = fresh.isEmpty() ? List.<ContentPack>of() : stores.packs().insertAll(fresh);
        for (var p : stored) {
            record(p, by, null, PackStatus.OFFERED, window.rapid() ? "rapid push of a rebuttal" : "offered");
        }
        notifications.send(stored.stream().map(p -> offered(p, item, window)).toList());
        var result = new ArrayList<ContentPack>();
        var pageById = pages.stream().collect(Collectors.toMap(PartnerPage::id, p -> p, (a, b) -> a));
        for (var p : stored) {
            var page = pageById.get(p.pageId());
            result.add(
                    page.autoAccept()
                                    && page.channelId() != null
                                    && item.variant(page.platform()).isPresent()
                            ? accepted(p, page, "accepted automatically (the partner's choice)")
                            : p);
        }
        return new Built(result, skipped);
    }

    private ContentPack pack(
            ContentItem item,
            Campaign campaign,
            PartnerPage page,
            Organisation org,
            Window window,
            String by,
            Instant now) {
        var hasLink = item.link() != null && !item.link().isBlank();
        var code = hasLink ? TrackedLinks.newCode() : null;
        var shortLink = hasLink ? settings.publicUrl().replaceAll("/+$", "") + "/l/" + code : null;
        var hashtags = item.tags().stream()
                .map(t -> t.replaceAll("\\s+", ""))
                .filter(t -> !t.isEmpty())
                .map(t -> t.startsWith("#") ? t : "#" + t)
                .toList();
        var values = new HashMap<String, String>();
        values.put("title", item.title());
        values.put("body", item.body());
        values.put("link", shortLink);
        values.put("hashtags", String.join(" ", hashtags));
        values.put("date", DATE.format(window.from().atZone(settings.cityZone())));
        values.put("district", org == null ? null : org.name());
        values.put("partner", page.displayName());
        values.put("campaign", campaign.name());
        var platforms = new LinkedHashSet<Platform>();
        platforms.add(page.platform());
        platforms.addAll(item.variants().keySet());
        var template = library.packShare();
        var texts = new ArrayList<PackText>();
        for (var platform : platforms) {
            template.body(platform).ifPresent(body -> {
                var text = renderer.render(body, values).text();
                texts.add(new PackText(platform, text.title(), text.body(), text.description()));
            });
        }
        var tracked = hasLink
                ? TrackedLinks.target(
                        item.link(), page.displayName(), page.platform().name(), campaign.name())
                : null;
        return new ContentPack(
                null,
                item.id(),
                item.campaignId(),
                page.id(),
                page.organisationId(),
                page.platform(),
                PackStatus.OFFERED,
                window.from(),
                window.to(),
                window.rapid(),
                window.officialPublishedAt(),
                code,
                tracked,
                texts,
                item.media(),
                hashtags,
                null,
                by,
                now,
                null,
                now);
    }

    private Notice offered(ContentPack p, ContentItem item, Window window) {
        var until =
                DateTimeFormatter.ofPattern("HH:mm dd/MM").format(window.to().atZone(settings.cityZone()));
        return window.rapid()
                ? new Notice(
                        NoticeKind.RAPID_PACK,
                        p.organisationId(),
                        p.id(),
                        "Cần chia sẻ ngay: " + item.title(),
                        "Thông tin cải chính đã đăng trên kênh chính thức. Vui lòng chia sẻ trước " + until + ".")
                : new Notice(
                        NoticeKind.PACK_OFFERED,
                        p.organisationId(),
                        p.id(),
                        "Gói nội dung mới: " + item.title(),
                        "Vui lòng chia sẻ trước " + until + ".");
    }

    /** The partner lets Loa publish the pack on its connected page, inside the window. */
    public ContentPack accept(long packId, Actor actor) {
        requireAny(actor, "accept content packs", Role.PARTNER_ADMIN, Role.PLANNER, Role.ADMIN);
        var pack = getPack(packId, actor);
        if (pack.status() != PackStatus.OFFERED) {
            throw new IllegalTransition(
                    "pack " + packId,
                    pack.status(),
                    PackStatus.ACCEPTED,
                    pack.status() == PackStatus.WITHDRAWN
                            ? "the office withdrew it"
                            : "it is already " + pack.status().name().toLowerCase());
        }
        if (pack.isLate(clock.instant())) {
            throw new IllegalTransition("pack " + packId, pack.status(), PackStatus.ACCEPTED, "its window has closed");
        }
        var page = stores.pages().find(pack.pageId()).orElseThrow();
        new Checks()
                .that(
                        page.channelId() != null,
                        "pack",
                        page.label()
                                + " is not connected: Loa cannot publish on it; share it by hand and confirm the address")
                .throwIfAny();
        return accepted(pack, page, "accepted by " + actor.username());
    }

    /** Schedules the pack on the page's channel through the engine, once, at the window's start (or now). */
    private ContentPack accepted(ContentPack pack, PartnerPage page, String why) {
        var at = pack.windowFrom().isAfter(clock.instant()) ? pack.windowFrom() : clock.instant();
        var delivery = scheduling.schedulePartnerShare(pack.contentId(), page.channelId(), at, SYSTEM, why);
        var moved = pack.moved(PackStatus.ACCEPTED, delivery.id(), clock.instant());
        move(pack, moved, AuditEntry.SYSTEM, why);
        return moved;
    }

    /** The office takes a pack back: partners are told not to share it, and Loa will not publish it. */
    public ContentPack withdraw(long packId, String reason, Actor actor) {
        requireAny(actor, "withdraw content packs", Role.PLANNER, Role.ADMIN);
        new Checks().maxLength("reason", reason, 2_000).throwIfAny();
        var pack = getPack(packId);
        if (!pack.status().canMoveTo(PackStatus.WITHDRAWN)) {
            throw new IllegalTransition(
                    "pack " + packId,
                    pack.status(),
                    PackStatus.WITHDRAWN,
                    pack.status() == PackStatus.SHARED
                            ? "the partner has shared it; remove the post on the platform instead"
                            : "it is already withdrawn");
        }
        var why = reason == null || reason.isBlank() ? "withdrawn" : reason.strip();
        if (pack.deliveryId() != null) {
            var delivery = scheduling.getDelivery(pack.deliveryId());
            if (delivery.status().isPending()) {
                scheduling.cancelDelivery(delivery.id(), actor, "pack withdrawn: " + why);
            }
        }
        var moved = pack.moved(PackStatus.WITHDRAWN, pack.deliveryId(), clock.instant());
        move(pack, moved, actor.username(), why);
        notifications.send(List.of(new Notice(
                NoticeKind.PACK_WITHDRAWN,
                pack.organisationId(),
                pack.id(),
                "Gói nội dung đã bị thu hồi",
                "Vui lòng không chia sẻ nội dung này. Lý do: " + why)));
        return moved;
    }

    @ReadOnly
    public ContentPack getPack(long id) {
        return stores.packs().find(id).orElseThrow(() -> new NotFound("pack", id));
    }

    /** A partner admin sees the packs of their organisation and those under it. */
    @ReadOnly
    public ContentPack getPack(long id, Actor actor) {
        var pack = getPack(id);
        scope.require(actor, pack.organisationId(), "pack", id);
        return pack;
    }

    @ReadOnly
    public Page<ContentPack> findPacks(PackFilter filter, PageRequest page, Actor actor) {
        var visible = scope.visibleTo(actor);
        var f = filter;
        if (visible.isPresent()) {
            var ids = visible.get();
            if (filter.organisationIds() != null) {
                ids = filter.organisationIds().stream().filter(ids::contains).collect(Collectors.toSet());
            }
            if (ids.isEmpty()) {
                return new Page<>(List.of(), page.page(), page.size(), 0);
            }
            f = filter.within(ids);
        }
        return stores.packs().search(f, clock.instant(), page);
    }

    /** Reminds partners whose pack is still not shared shortly before its window closes; returns how many. */
    public int sendReminders() {
        var now = clock.instant();
        var due = stores.packs().dueReminder(now, now.plus(settings.remindBefore()), 1_000);
        if (due.isEmpty()) {
            return 0;
        }
        var claimed = Set.copyOf(
                stores.packs().markReminded(due.stream().map(ContentPack::id).toList(), now));
        var titles = new HashMap<Long, String>();
        var notices = new ArrayList<Notice>();
        for (var p : due) {
            if (!claimed.contains(p.id())) {
                continue;
            }
            var title = titles.computeIfAbsent(
                    p.contentId(),
                    id -> stores.contents()
                            .findHeader(id)
                            .map(ContentItem::title)
                            .orElse(""));
            var until = DateTimeFormatter.ofPattern("HH:mm dd/MM")
                    .format(p.windowTo().atZone(settings.cityZone()));
            notices.add(new Notice(
                    NoticeKind.REMINDER,
                    p.organisationId(),
                    p.id(),
                    "Nhắc: chưa chia sẻ " + title,
                    "Thời hạn chia sẻ kết thúc lúc " + until
                            + ". Sau khi đăng, hãy xác nhận bằng đường dẫn bài viết."));
        }
        notifications.send(notices);
        return notices.size();
    }

    private void move(ContentPack before, ContentPack after, String by, String why) {
        if (!stores.packs().move(after, before.status())) {
            throw new ConcurrentChange("pack " + before.id());
        }
        record(after, by, before.status(), after.status(), why);
    }

    void record(ContentPack p, String by, PackStatus from, PackStatus to, String why) {
        stores.audit()
                .append(new AuditEntry(
                        null,
                        AuditEntry.Subject.PACK,
                        p.id(),
                        by,
                        clock.instant(),
                        from == null ? null : from.name(),
                        to.name(),
                        why));
    }

    private ContentItem item(long id) {
        return stores.contents().find(id).orElseThrow(() -> new NotFound("content item", id));
    }

    Map<Long, PartnerPage> pagesOf(List<Long> ids) {
        return stores.pages().findAll(ids).stream().collect(Collectors.toMap(PartnerPage::id, p -> p));
    }
}
