package vn.loa.campaigns.partner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.audit.AuditTrail;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.connectors.Platform;

/** In-memory repositories of the registry, for millisecond domain tests. */
final class InMemoryRegistry {

    private final AtomicLong ids = new AtomicLong();
    final Map<Long, Organisation> organisations = new TreeMap<>();
    final Map<Long, PartnerPage> pages = new TreeMap<>();
    final List<Evaluation> evaluations = new ArrayList<>();
    final List<AuditEntry> audit = new ArrayList<>();
    final Map<Long, Channel> channels = new TreeMap<>();

    final OrganisationRepository organisationRepository = new OrganisationRepository() {
        @Override
        public Organisation insert(Organisation o, String parentPath) {
            long id = ids.incrementAndGet();
            var stored = new Organisation(
                    id, o.name(), o.kind(), o.parentId(), parentPath + id + "/", o.notes(), o.createdAt());
            organisations.put(id, stored);
            return stored;
        }

        @Override
        public void update(Organisation o, String previousName) {
            organisations.put(o.id(), o);
        }

        @Override
        public void move(Organisation o, String newPath, Long newParentId) {
            var old = o.path();
            for (var e : new ArrayList<>(organisations.values())) {
                if (e.path().startsWith(old)) {
                    var parent = e.id().equals(o.id()) ? newParentId : e.parentId();
                    organisations.put(e.id(), e.withPath(newPath + e.path().substring(old.length()), parent));
                }
            }
        }

        @Override
        public Optional<Organisation> find(long id) {
            return Optional.ofNullable(organisations.get(id));
        }

        @Override
        public Optional<Organisation> findByName(String name) {
            return organisations.values().stream()
                    .filter(o -> o.name().equals(name))
                    .findFirst();
        }

        @Override
        public List<Organisation> findAll(Collection<Long> wanted) {
            return organisations.values().stream()
                    .filter(o -> wanted.contains(o.id()))
                    .toList();
        }

        @Override
        public List<Organisation> list(Organisation root) {
            return organisations.values().stream()
                    .filter(o -> root == null || o.path().startsWith(root.path()))
                    .sorted(Comparator.comparing(Organisation::path))
                    .toList();
        }
    };

    final PartnerPageRepository pageRepository = new PartnerPageRepository() {
        @Override
        public PartnerPage insert(PartnerPage p) {
            var stored = p.withId(ids.incrementAndGet());
            pages.put(stored.id(), stored);
            return stored;
        }

        @Override
        public void update(PartnerPage p) {
            pages.put(p.id(), p);
        }

        @Override
        public Optional<PartnerPage> find(long id) {
            return Optional.ofNullable(pages.get(id));
        }

        @Override
        public List<PartnerPage> findAll(Collection<Long> wanted) {
            return pages.values().stream().filter(p -> wanted.contains(p.id())).toList();
        }

        @Override
        public Optional<PartnerPage> findByExternalId(Platform platform, String externalId) {
            return pages.values().stream()
                    .filter(p -> p.platform() == platform && p.externalId().equals(externalId))
                    .findFirst();
        }

        @Override
        public Optional<PartnerPage> findByChannel(long channelId) {
            return pages.values().stream()
                    .filter(p -> p.channelId() != null && p.channelId() == channelId)
                    .findFirst();
        }

        @Override
        public List<PartnerPage> list(PageFilter f) {
            return pages.values().stream()
                    .filter(p -> f.status() == null || p.status() == f.status())
                    .filter(p -> f.platform() == null || p.platform() == f.platform())
                    .filter(p ->
                            f.organisationIds() == null || f.organisationIds().contains(p.organisationId()))
                    .toList();
        }

        @Override
        public void recordFollowers(long pageId, LocalDate day, long followers, Instant at) {
            pages.computeIfPresent(pageId, (k, p) -> p.withFollowers(followers, at));
        }

        @Override
        public List<FollowerCount> followerHistory(long pageId) {
            return List.of();
        }

        @Override
        public List<PartnerPage> followersToRead(Instant since) {
            return List.of();
        }

        @Override
        public void recordFollowersRead(long pageId, LocalDate day, long followers, Instant at) {
            recordFollowers(pageId, day, followers, at);
        }
    };

    final EvaluationRepository evaluationRepository = new EvaluationRepository() {
        @Override
        public Evaluation insert(Evaluation e) {
            var stored = e.withId(ids.incrementAndGet());
            evaluations.add(stored);
            return stored;
        }

        @Override
        public List<Evaluation> listFor(long pageId) {
            return evaluations.stream().filter(e -> e.pageId() == pageId).toList();
        }

        @Override
        public Map<Long, Evaluation> latestFor(Collection<Long> pageIds) {
            var latest = new HashMap<Long, Evaluation>();
            evaluations.stream()
                    .filter(e -> pageIds.contains(e.pageId()))
                    .forEach(e -> latest.merge(
                            e.pageId(), e, (a, b) -> b.evaluatedAt().isBefore(a.evaluatedAt()) ? a : b));
            return latest;
        }
    };

    final AuditTrail auditTrail = new AuditTrail() {
        @Override
        public void append(AuditEntry entry) {
            audit.add(entry);
        }

        @Override
        public List<AuditEntry> history(AuditEntry.Subject subject, long subjectId) {
            return audit.stream()
                    .filter(e -> e.subject() == subject && e.subjectId() == subjectId)
                    .toList();
        }
    };

    final ChannelRepository channelRepository = new ChannelRepository() {
        @Override
        public Channel insert(Channel channel) {
            var stored = channel.withId(ids.incrementAndGet());
            channels.put(stored.id(), stored);
            return stored;
        }

        @Override
        public void update(Channel channel) {
            channels.put(channel.id(), channel);
        }

        @Override
        public Optional<Channel> find(long id) {
            return Optional.ofNullable(channels.get(id));
        }

        @Override
        public List<Channel> findAll(Collection<Long> wanted) {
            return channels.values().stream()
                    .filter(c -> wanted.contains(c.id()))
                    .toList();
        }

        @Override
        public Optional<Channel> findByExternalId(Platform platform, String externalId) {
            return channels.values().stream()
                    .filter(c -> c.platform() == platform && c.externalId().equals(externalId))
                    .findFirst();
        }

        @Override
        public List<Channel> list(String organisation) {
            return channels.values().stream()
                    .filter(c -> organisation == null || c.organisation().equals(organisation))
                    .toList();
        }
    };
}
