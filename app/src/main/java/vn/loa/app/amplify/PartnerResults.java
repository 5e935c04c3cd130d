package vn.loa.app.amplify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.app.amplify.PartnerResultsStore.PackOutcome;
import vn.loa.app.config.LoaProperties;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.partner.Organisation;
import vn.loa.campaigns.partner.OrganisationKind;
import vn.loa.campaigns.partner.OrganisationRepository;
import vn.loa.campaigns.partner.PartnerPage;
import vn.loa.campaigns.partner.PartnerPageRepository;
import vn.loa.campaigns.partner.PartnerScope;
import vn.loa.campaigns.shared.Checks;
import vn.loa.campaigns.shared.NotFound;
import vn.loa.connectors.Platform;

/**
 * Results per partner: packs received, packs shared, how long partners took to share (median), the
 * reach and interactions of their shares and the clicks on their tracked links; per organisation and
 * per page. A partner admin sees their own organisation and those under it, and is answered 404 for
 * any other; everyone else sees the whole network.
 *
 * <p>The share delay of a pack is the time from the moment it could be shared to its first share:
 * from the official post for a rebuttal pushed at once, otherwise from the window's start (a share
 * made before the window opened counts as no delay).
 */
@Service
@Transactional(readOnly = true)
public class PartnerResults {

    /** Which packs: offered between {@code from} and {@code to} (city days), of a campaign, of an organisation's subtree. */
    public record Query(LocalDate from, LocalDate to, Long campaignId, Long organisationId) {

        public static final Query ALL = new Query(null, null, null, null);

        public static Query campaign(long campaignId) {
            return new Query(null, null, campaignId, null);
        }

        public static Query period(LocalDate from, LocalDate to) {
            return new Query(from, to, null, null);
        }
    }

    /**
     * What a set of packs led to. {@code late} are packs still unshared after their window closed;
     * {@code reach} is the reach of the shares where the platform reports one, otherwise their views.
     */
    public record Figures(
            long packs,
            long shared,
            long late,
            Double medianShareDelayMinutes,
            long reach,
            long views,
            long interactions,
            long clicks,
            long botClicks) {

        public static final Figures NONE = new Figures(0, 0, 0, null, 0, 0, 0, 0, 0);

        public double shareRate() {
            return packs == 0 ? 0 : (double) shared / packs;
        }
    }

    public record OrganisationLine(
            long organisationId, String name, OrganisationKind kind, Long parentId, int depth, Figures figures) {}

    public record PageLine(
            long pageId,
            String displayName,
            Platform platform,
            long organisationId,
            String organisation,
            Figures figures) {}

    public record Results(
            LocalDate from,
            LocalDate to,
            Long campaignId,
            Long organisationId,
            Figures total,
            List<OrganisationLine> organisations,
            List<PageLine> pages) {}

    private final PartnerResultsStore store;
    private final OrganisationRepository organisations;
    private final PartnerPageRepository pages;
    private final PartnerScope scope;
    private final LoaProperties loa;
    private final Clock clock;

    public PartnerResults(
            PartnerResultsStore store,
            OrganisationRepository organisations,
            PartnerPageRepository pages,
            LoaProperties loa,
            Clock clock) {
        this.store = store;
        this.organisations = organisations;
        this.pages = pages;
        this.scope = new PartnerScope(organisations);
        this.loa = loa;
        this.clock = clock;
    }

    /** The results the actor may see: the whole network, or a partner admin's own part of it. */
    public Results results(Query query, Actor actor) {
        var checks = new Checks();
        checks.that(
                query.from() == null || query.to() == null || !query.to().isBefore(query.from()),
                "to",
                "must not be before 'from'");
        checks.throwIfAny();
        Set<Long> within = scope.visibleTo(actor).orElse(null);
        if (query.organisationId() != null) {
            var root = organisations
                    .find(query.organisationId())
                    .orElseThrow(() -> new NotFound("organisation", query.organisationId()));
            scope.require(actor, root.id(), "organisation", root.id());
            within = organisations.list(root).stream().map(Organisation::id).collect(Collectors.toSet());
        }
        return compute(query, within);
    }

    /** For the reports, which only the office and leadership read: the whole network. */
    public Results forReport(Query query) {
        return compute(query, null);
    }

    private Results compute(Query query, Set<Long> within) {
        var zone = loa.cityZone();
        var outcomes = store.outcomes(new PartnerResultsStore.Selection(
                query.from() == null ? null : query.from().atStartOfDay(zone).toInstant(),
                query.to() == null
                        ? null
                        : query.to().plusDays(1).atStartOfDay(zone).toInstant(),
                query.campaignId(),
                within));
        var now = clock.instant();
        var byOrganisation = group(outcomes, PackOutcome::organisationId);
        var byPage = group(outcomes, PackOutcome::pageId);
        var orgs = organisations.findAll(byOrganisation.keySet()).stream()
                .collect(Collectors.toMap(Organisation::id, o -> o));
        var pageById = pages.findAll(byPage.keySet()).stream().collect(Collectors.toMap(PartnerPage::id, p -> p));
        var orgLines = new ArrayList<OrganisationLine>();
        byOrganisation.forEach((id, packs) -> {
            var o = orgs.get(id);
            orgLines.add(new OrganisationLine(
                    id,
                    o == null ? "#" + id : o.name(),
                    o == null ? null : o.kind(),
                    o == null ? null : o.parentId(),
                    o == null ? 1 : o.depth(),
                    figures(packs, now)));
        });
        var pageLines = new ArrayList<PageLine>();
        byPage.forEach((id, packs) -> {
            var p = pageById.get(id);
            var orgId = packs.get(0).organisationId();
            var o = orgs.get(orgId);
            pageLines.add(new PageLine(
                    id,
                    p == null ? "#" + id : p.displayName(),
                    packs.get(0).platform(),
                    orgId,
                    o == null ? null : o.name(),
                    figures(packs, now)));
        });
        Comparator<Figures> best = Comparator.comparingLong(Figures::shared)
                .thenComparingLong(Figures::interactions)
                .reversed();
        orgLines.sort(Comparator.comparing(OrganisationLine::figures, best).thenComparing(OrganisationLine::name));
        pageLines.sort(Comparator.comparing(PageLine::figures, best).thenComparing(PageLine::displayName));
        return new Results(
                query.from(),
                query.to(),
                query.campaignId(),
                query.organisationId(),
                figures(outcomes, now),
                orgLines,
                pageLines);
    }

    private static <K> Map<K, List<PackOutcome>> group(List<PackOutcome> outcomes, Function<PackOutcome, K> key) {
        var groups = new LinkedHashMap<K, List<PackOutcome>>();
        outcomes.forEach(o ->
                groups.computeIfAbsent(key.apply(o), k -> new ArrayList<>()).add(o));
        return groups;
    }

    static Figures figures(List<PackOutcome> packs, Instant now) {
        if (packs.isEmpty()) {
            return Figures.NONE;
        }
        var delays = new ArrayList<Long>();
        long shared = 0;
        long late = 0;
        for (var p : packs) {
            if (p.firstSharedAt() != null) {
                shared++;
                var start = p.rapid() && p.officialPublishedAt() != null ? p.officialPublishedAt() : p.windowFrom();
                delays.add(
                        Math.max(0, Duration.between(start, p.firstSharedAt()).getSeconds()));
            } else if (p.status().isOpen() && !now.isBefore(p.windowTo())) {
                late++;
            }
        }
        return new Figures(
                packs.size(),
                shared,
                late,
                medianMinutes(delays),
                packs.stream().mapToLong(PackOutcome::reach).sum(),
                packs.stream().mapToLong(PackOutcome::views).sum(),
                packs.stream().mapToLong(PackOutcome::interactions).sum(),
                packs.stream().mapToLong(PackOutcome::clicks).sum(),
                packs.stream().mapToLong(PackOutcome::botClicks).sum());
    }

    /** The median of the delays in seconds, as minutes to one decimal; null without any share. */
    static Double medianMinutes(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return null;
        }
        var sorted = seconds.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return Math.round(median / 6.0) / 10.0;
    }
}
