package vn.loa.campaigns.workflow;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.audit.AuditTrail;
import vn.loa.campaigns.campaign.Campaign;
import vn.loa.campaigns.campaign.CampaignFilter;
import vn.loa.campaigns.campaign.CampaignRepository;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.channel.ChannelRole;
import vn.loa.campaigns.content.ContentDraft;
import vn.loa.campaigns.content.ContentFilter;
import vn.loa.campaigns.content.ContentItem;
import vn.loa.campaigns.content.ContentRepository;
import vn.loa.campaigns.content.ContentVariant;
import vn.loa.campaigns.delivery.Delivery;
import vn.loa.campaigns.delivery.DeliveryFilter;
import vn.loa.campaigns.delivery.DeliveryRepository;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.delivery.PlatformPosts;
import vn.loa.campaigns.shared.AlreadyExists;
import vn.loa.campaigns.shared.ConcurrentChange;
import vn.loa.campaigns.shared.Page;
import vn.loa.campaigns.shared.PageRequest;
import vn.loa.connectors.Connector;
import vn.loa.connectors.ConnectorRegistry;
import vn.loa.connectors.Platform;
import vn.loa.connectors.Violation;
import vn.loa.testsupport.MutableClock;

/**
 * The workflow use cases over in-memory repositories, with a clock the test moves: a domain rule
 * runs in milliseconds, without Spring or a database. The repositories keep the stores' contracts
 * that the rules rely on (compare-and-set on versions and statuses, one live delivery per item and
 * channel).
 */
final class InMemoryWorkflow {

    static final Instant START = Instant.parse("2026-11-20T01:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final Contents contents = new Contents();
    final Deliveries deliveries = new Deliveries();
    final Channels channels = new Channels();
    final Campaigns campaigns = new Campaigns();
    final Audit audit = new Audit();
    final List<Instant> wakeUps = new ArrayList<>();
    final List<Long> withdrawn = new ArrayList<>();
    /** Violations the fake connectors report on validation, per platform. */
    final Map<Platform, List<Violation>> violations = new EnumMap<>(Platform.class);

    final PlatformPosts posts = new PlatformPosts() {
        @Override
        public void withdraw(Delivery delivery) {
            withdrawn.add(delivery.id());
        }

        @Override
        public void edit(Delivery delivery, ContentItem item) {}
    };
    final PlatformLimits limits = new PlatformLimits(new ConnectorRegistry(
            List.of(connector(Platform.FACEBOOK), connector(Platform.YOUTUBE), connector(Platform.ZALO))));
    final ContentWriting writing = new ContentWriting(contents, campaigns, channels, deliveries, audit, posts, clock);
    final ContentReview review = new ContentReview(contents, deliveries, audit, limits, channels, wakeUps::add, clock);
    final Scheduling scheduling = new Scheduling(contents, deliveries, channels, audit, wakeUps::add, posts, clock);
    final DeliveryProgress progress = new DeliveryProgress(contents, deliveries, audit, clock);

    static final Actor PLANNER = new Actor("planner", Set.of(Role.PLANNER), null, false);
    static final Actor APPROVER = new Actor("approver", Set.of(Role.APPROVER), null, false);
    static final Actor ON_DUTY = new Actor("duty", Set.of(Role.APPROVER), null, true);
    static final Actor LEADER = new Actor("leader", Set.of(Role.LEADERSHIP), null, false);

    /** A Facebook page and a Zalo OA of the city, and a campaign that uses both. */
    final Channel page;

    final Channel oa;
    final Campaign campaign;

    InMemoryWorkflow() {
        page = channels.insert(channel(Platform.FACEBOOK, "page-1", ChannelRole.OFFICIAL));
        oa = channels.insert(channel(Platform.ZALO, "oa-1", ChannelRole.PARTNER));
        campaign = campaigns.insert(new Campaign(
                null,
                1,
                1,
                "An toàn giao thông",
                null,
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 31),
                null,
                Set.of(page.id(), oa.id()),
                START));
    }

    static Channel channel(Platform platform, String externalId, ChannelRole role) {
        return Channel.from(
                null,
                new Channel.Details(platform, externalId, "Kênh " + externalId, role, 1000L, "Thành phố", null, true));
    }

    ContentDraft draft(String title) {
        return new ContentDraft(
                campaign.id(),
                title,
                "Đội mũ bảo hiểm khi đi xe máy.",
                null,
                List.of(),
                List.of("giaothong"),
                List.of(
                        new ContentVariant(
                                Platform.FACEBOOK, null, "Đội mũ bảo hiểm.", null, null, null, List.of(), List.of()),
                        new ContentVariant(
                                Platform.ZALO, title, "Đội mũ bảo hiểm.", "Mô tả", null, null, List.of(), List.of())));
    }

    ContentItem written(String title) {
        return writing.writeContent(draft(title), PLANNER);
    }

    ContentItem approved(String title) {
        var item = written(title);
        review.submitForReview(item.id(), PLANNER);
        return review.approve(item.id(), APPROVER, null);
    }

    /** An approved item scheduled to the page an hour from now; returns its delivery. */
    Delivery scheduledOnPage(String title) {
        var item = approved(title);
        return scheduling
                .schedule(
                        item.id(),
                        List.of(page.id()),
                        clock.instant().plusSeconds(3600).atOffset(ZoneOffset.UTC),
                        PLANNER)
                .get(0);
    }

    ContentItem item(long id) {
        return contents.find(id).orElseThrow();
    }

    Delivery delivery(long id) {
        return deliveries.find(id).orElseThrow();
    }

    private Connector connector(Platform platform) {
        return (Connector) Proxy.newProxyInstance(
                Connector.class.getClassLoader(), new Class<?>[] {Connector.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "platform":
                            return platform;
                        case "validate":
                            return violations.getOrDefault(platform, List.of());
                        case "toString":
                            return "fake " + platform;
                        default:
                            throw new UnsupportedOperationException(
                                    "the workflow tests only validate: " + method.getName());
                    }
                });
    }

    private static <T> Page<T> page(List<T> all, PageRequest request) {
        var from = Math.min(all.size(), request.page() * request.size());
        var to = Math.min(all.size(), from + request.size());
        return new Page<>(all.subList(from, to), request.page(), request.size(), all.size());
    }

    static final class Contents implements ContentRepository {
        private final Map<Long, ContentItem> rows = new TreeMap<>();
        private final AtomicLong ids = new AtomicLong();

        @Override
        public ContentItem insert(ContentItem item) {
            var stored = item.withId(ids.incrementAndGet());
            rows.put(stored.id(), stored);
            return stored;
        }

        @Override
        public ContentItem update(ContentItem item) {
            var current = rows.get(item.id());
            if (current == null || current.version() != item.version()) {
                throw new ConcurrentChange("content item " + item.id());
            }
            var stored = new ContentItem(
                    item.id(),
                    item.campaignId(),
                    item.title(),
                    item.body(),
                    item.link(),
                    item.media(),
                    item.tags(),
                    item.variants(),
                    item.status(),
                    item.author(),
                    item.rejectionReason(),
                    item.createdAt(),
                    item.updatedAt(),
                    item.version() + 1,
                    item.rebuttal());
            rows.put(stored.id(), stored);
            return stored;
        }

        @Override
        public ContentItem updateStatus(ContentItem item) {
            var current = rows.get(item.id());
            if (current == null || current.version() != item.version()) {
                throw new ConcurrentChange("content item " + item.id());
            }
            return update(new ContentItem(
                    current.id(),
                    current.campaignId(),
                    current.title(),
                    current.body(),
                    current.link(),
                    current.media(),
                    current.tags(),
                    current.variants(),
                    item.status(),
                    current.author(),
                    item.rejectionReason(),
                    current.createdAt(),
                    item.updatedAt(),
                    current.version(),
                    current.rebuttal()));
        }

        @Override
        public Optional<ContentItem> find(long id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public Optional<ContentItem> findHeader(long id) {
            return find(id);
        }

        /** By campaign and status only (what the cadences ask); the store's full search is tested over PostgreSQL. */
        @Override
        public Page<ContentItem> search(ContentFilter filter, PageRequest page) {
            if (filter.themeId() != null
                    || filter.channelId() != null
                    || filter.author() != null
                    || filter.created() != null) {
                throw new UnsupportedOperationException("searching by more is the store's, tested over PostgreSQL");
            }
            var found = rows.values().stream()
                    .filter(i -> filter.campaignId() == null || i.campaignId() == filter.campaignId())
                    .filter(i -> filter.status() == null || i.status() == filter.status())
                    .toList();
            return page(found, page);
        }
    }

    static final class Deliveries implements DeliveryRepository {
        private final Map<Long, Delivery> rows = new TreeMap<>();
        private final AtomicLong ids = new AtomicLong();

        @Override
        public Delivery insert(Delivery delivery) {
            boolean live = rows.values().stream()
                    .anyMatch(d -> d.contentId() == delivery.contentId()
                            && d.channelId() == delivery.channelId()
                            && (d.status().isPending() || d.status() == DeliveryStatus.PUBLISHED));
            if (live) {
                throw new AlreadyExists("a live delivery of item " + delivery.contentId() + " to this channel");
            }
            var stored = delivery.withId(ids.incrementAndGet());
            rows.put(stored.id(), stored);
            return stored;
        }

        @Override
        public boolean update(Delivery delivery, DeliveryStatus expected) {
            var current = rows.get(delivery.id());
            if (current == null || current.status() != expected) {
                return false;
            }
            rows.put(delivery.id(), delivery);
            return true;
        }

        @Override
        public Optional<Delivery> find(long id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public List<Delivery> findByContent(long contentId) {
            return rows.values().stream()
                    .filter(d -> d.contentId() == contentId)
                    .toList();
        }

        @Override
        public List<Delivery> findAll(Collection<Long> ids) {
            return ids.stream().map(rows::get).filter(d -> d != null).toList();
        }

        /** By channel, status and instant only (what the cadences ask); the store's full search is tested over PostgreSQL. */
        @Override
        public Page<Delivery> search(DeliveryFilter filter, PageRequest page) {
            if (filter.campaignId() != null
                    || filter.themeId() != null
                    || filter.contentId() != null
                    || filter.organisation() != null) {
                throw new UnsupportedOperationException("searching by more is the store's, tested over PostgreSQL");
            }
            var range = filter.scheduled();
            var found = rows.values().stream()
                    .filter(d -> filter.channelId() == null || d.channelId() == filter.channelId())
                    .filter(d -> filter.status() == null || d.status() == filter.status())
                    .filter(d -> range == null
                            || range.from() == null
                            || !d.scheduledAt().isBefore(range.from()))
                    .filter(d -> range == null
                            || range.to() == null
                            || d.scheduledAt().isBefore(range.to()))
                    .toList();
            return page(found, page);
        }
    }

    static final class Channels implements ChannelRepository {
        private final Map<Long, Channel> rows = new TreeMap<>();
        private final AtomicLong ids = new AtomicLong();

        @Override
        public Channel insert(Channel channel) {
            var stored = channel.withId(ids.incrementAndGet());
            rows.put(stored.id(), stored);
            return stored;
        }

        @Override
        public void update(Channel channel) {
            rows.put(channel.id(), channel);
        }

        @Override
        public Optional<Channel> find(long id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public List<Channel> findAll(Collection<Long> ids) {
            return ids.stream().map(rows::get).filter(c -> c != null).toList();
        }

        @Override
        public Optional<Channel> findByExternalId(Platform platform, String externalId) {
            return rows.values().stream()
                    .filter(c -> c.platform() == platform && c.externalId().equals(externalId))
                    .findFirst();
        }

        @Override
        public List<Channel> list(String organisation) {
            return rows.values().stream()
                    .filter(c -> organisation == null || organisation.equals(c.organisation()))
                    .toList();
        }
    }

    static final class Campaigns implements CampaignRepository {
        private final Map<Long, Campaign> rows = new TreeMap<>();
        private final AtomicLong ids = new AtomicLong();

        @Override
        public Campaign insert(Campaign c) {
            var stored = new Campaign(
                    ids.incrementAndGet(),
                    c.planId(),
                    c.themeId(),
                    c.name(),
                    c.description(),
                    c.startDate(),
                    c.endDate(),
                    c.kpis(),
                    c.channelIds(),
                    c.createdAt());
            rows.put(stored.id(), stored);
            return stored;
        }

        @Override
        public void update(Campaign campaign) {
            rows.put(campaign.id(), campaign);
        }

        @Override
        public Optional<Campaign> find(long id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public Page<Campaign> search(CampaignFilter filter, PageRequest page) {
            throw new UnsupportedOperationException("searching is the store's, tested over PostgreSQL");
        }
    }

    static final class Audit implements AuditTrail {
        final List<AuditEntry> entries = new ArrayList<>();

        @Override
        public void append(AuditEntry entry) {
            entries.add(entry);
        }

        @Override
        public List<AuditEntry> history(AuditEntry.Subject subject, long subjectId) {
            return entries.stream()
                    .filter(e -> e.subject() == subject && e.subjectId() == subjectId)
                    .toList();
        }
    }
}
