package vn.loa.campaigns.partner;

import static vn.loa.campaigns.access.Permissions.requireAny;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.audit.AuditTrail;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.shared.Checks;
import vn.loa.campaigns.shared.IllegalTransition;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.NotFound;
import vn.loa.campaigns.shared.ReadOnly;
import vn.loa.connectors.Platform;

/**
 * The partner registry: organisations in their hierarchy, their pages on each platform, the
 * evaluations of those pages and their selection under plan 3550's rule. Selecting a page below
 * the follower threshold needs a reason, and every change of status is in the audit trail.
 */
public class PartnerRegistry {

    public static final int REASON_MAX = 2_000;

    private final OrganisationRepository organisations;
    private final PartnerPageRepository pages;
    private final EvaluationRepository evaluations;
    private final ChannelRepository channels;
    private final AuditTrail audit;
    private final SelectionRule rule;
    private final PartnerScope scope;
    private final ZoneId cityZone;
    private final Clock clock;

    /** The settings of the registry: plan 3550's rule and the city's zone (follower counts are per city day). */
    public record Settings(SelectionRule rule, ZoneId cityZone) {}

    public PartnerRegistry(
            OrganisationRepository organisations,
            PartnerPageRepository pages,
            EvaluationRepository evaluations,
            ChannelRepository channels,
            AuditTrail audit,
            Settings settings,
            Clock clock) {
        this.organisations = organisations;
        this.pages = pages;
        this.evaluations = evaluations;
        this.channels = channels;
        this.audit = audit;
        this.rule = settings.rule();
        this.cityZone = settings.cityZone();
        this.scope = new PartnerScope(organisations);
        this.clock = clock;
    }

    // --- organisations ---

    public Organisation addOrganisation(Organisation.Details details, Actor actor) {
        requireAny(actor, "add partner organisations", Role.ADMIN, Role.PLANNER);
        var checks = new Checks();
        Organisation.check(details, checks);
        Organisation parent = null;
        if (details.parentId() != null) {
            parent = organisations.find(details.parentId()).orElse(null);
            checks.that(parent != null, "parentId", "no organisation has id " + details.parentId());
        }
        if (details.name() != null && !details.name().isBlank()) {
            organisations
                    .findByName(details.name().strip())
                    .ifPresent(o -> checks.add("name", "is already the name of organisation " + o.id()));
        }
        checks.throwIfAny();
        var organisation = new Organisation(
                null,
                details.name().strip(),
                details.kind(),
                parent == null ? null : parent.id(),
                null,
                blankToNull(details.notes()),
                clock.instant());
        return organisations.insert(organisation, parent == null ? "/" : parent.path());
    }

    /** Renames, re-kinds or moves an organisation; it cannot move under itself. */
    public Organisation changeOrganisation(long id, Organisation.Details details, Actor actor) {
        requireAny(actor, "change partner organisations", Role.ADMIN, Role.PLANNER);
        var current = getOrganisation(id, actor);
        var checks = new Checks();
        Organisation.check(details, checks);
        Organisation parent = null;
        if (details.parentId() != null) {
            parent = organisations.find(details.parentId()).orElse(null);
            if (parent == null) {
                checks.add("parentId", "no organisation has id " + details.parentId());
            } else if (parent.isWithin(current)) {
                checks.add("parentId", "cannot be the organisation itself or one under it");
            }
        }
        if (details.name() != null && !details.name().isBlank()) {
            organisations
                    .findByName(details.name().strip())
                    .filter(o -> !o.id().equals(id))
                    .ifPresent(o -> checks.add("name", "is already the name of organisation " + o.id()));
        }
        checks.throwIfAny();
        var changed = new Organisation(
                id,
                details.name().strip(),
                details.kind(),
                current.parentId(),
                current.path(),
                blankToNull(details.notes()),
                current.createdAt());
        organisations.update(changed, current.name());
        var newParentId = parent == null ? null : parent.id();
        if (!Objects.equals(newParentId, current.parentId())) {
            var newPath = (parent == null ? "/" : parent.path()) + id + "/";
            organisations.move(changed, newPath, newParentId);
        }
        return getOrganisation(id);
    }

    @ReadOnly
    public Organisation getOrganisation(long id) {
        return organisations.find(id).orElseThrow(() -> new NotFound("organisation", id));
    }

    @ReadOnly
    public Organisation getOrganisation(long id, Actor actor) {
        var organisation = getOrganisation(id);
        scope.require(actor, organisation.id(), "organisation", id);
        return organisation;
    }

    /** Every organisation, or a partner admin's own and those under it; parents before children. */
    @ReadOnly
    public List<Organisation> listOrganisations(Actor actor) {
        if (!actor.isPartnerAdminOnly()) {
            return organisations.list(null);
        }
        return organisations
                .findByName(actor.organisation() == null ? "" : actor.organisation())
                .map(organisations::list)
                .orElse(List.of());
    }

    // --- pages ---

    public PartnerPage registerPage(PartnerPage.Details details, Actor actor) {
        requireAny(actor, "register partner pages", Role.ADMIN, Role.PLANNER);
        checked(details, null);
        var now = clock.instant();
        var page = pages.insert(new PartnerPage(
                null,
                details.organisationId(),
                details.platform(),
                details.externalId().strip(),
                details.url().strip(),
                details.displayName().strip(),
                details.followerCount() == null ? 0 : details.followerCount(),
                details.followerCount() == null ? null : now,
                blankToNull(details.audienceNotes()),
                PageStatus.CANDIDATE,
                null,
                linkedChannel(details),
                false,
                now,
                now));
        if (details.followerCount() != null) {
            pages.recordFollowers(page.id(), today(), details.followerCount(), now);
        }
        record(page.id(), actor, null, PageStatus.CANDIDATE, "registered");
        return page;
    }

    public PartnerPage changePage(long id, PartnerPage.Details details, Actor actor) {
        requireAny(actor, "change partner pages", Role.ADMIN, Role.PLANNER);
        var current = getPage(id);
        checked(details, id);
        var now = clock.instant();
        var followersChanged = details.followerCount() != null && details.followerCount() != current.followerCount();
        var changed = new PartnerPage(
                id,
                details.organisationId(),
                details.platform(),
                details.externalId().strip(),
                details.url().strip(),
                details.displayName().strip(),
                details.followerCount() == null ? current.followerCount() : details.followerCount(),
                followersChanged ? now : current.followersAt(),
                blankToNull(details.audienceNotes()),
                current.status(),
                current.statusReason(),
                current.channelId() != null ? current.channelId() : linkedChannel(details),
                current.autoAccept(),
                current.createdAt(),
                now);
        pages.update(changed);
        if (followersChanged) {
            pages.recordFollowers(id, today(), details.followerCount(), now);
        }
        return changed;
    }

    /**
     * Moves a page to another status. Selecting one below the follower threshold needs a reason;
     * suspending or retiring one needs a reason too. Every move is audited with its reason.
     */
    public PartnerPage changeStatus(long id, PageStatus target, String reason, Actor actor) {
        requireAny(actor, "select, suspend or retire partner pages", Role.ADMIN, Role.PLANNER);
        var page = getPage(id);
        var checks = new Checks().required("status", target).maxLength("reason", reason, REASON_MAX);
        var why = blankToNull(reason);
        if (target == PageStatus.SELECTED && page.followerCount() < rule.minFollowers() && why == null) {
            checks.add(
                    "reason",
                    "the page has " + page.followerCount() + " followers, below the " + rule.minFollowers()
                            + " of the selection rule: say why it is selected anyway");
        }
        if ((target == PageStatus.SUSPENDED || target == PageStatus.RETIRED) && why == null) {
            checks.add("reason", "say why the page is " + target.name().toLowerCase());
        }
        checks.throwIfAny();
        if (!page.status().canMoveTo(target)) {
            throw new IllegalTransition(
                    "partner page " + id,
                    page.status(),
                    target,
                    page.status() == target
                            ? "it is already " + target.name().toLowerCase()
                            : "not a step the registry allows");
        }
        var moved = page.withStatus(target, why, clock.instant());
        pages.update(moved);
        var note = why;
        if (target == PageStatus.SELECTED && page.followerCount() < rule.minFollowers()) {
            note = "selected below the threshold (" + page.followerCount() + " < " + rule.minFollowers() + "): " + why;
        }
        record(id, actor, page.status(), target, note == null ? target.name().toLowerCase() : note);
        return moved;
    }

    /** Lets Loa publish a page's packs without accepting each (the page must be linked to a connected channel). */
    public PartnerPage setAutoAccept(long id, boolean autoAccept, Actor actor) {
        requireAny(actor, "change how packs are accepted", Role.ADMIN, Role.PLANNER, Role.PARTNER_ADMIN);
        var page = getPage(id, actor);
        if (autoAccept && page.channelId() == null) {
            throw InvalidInput.of(
                    "autoAccept", "the page is not linked to a channel Loa can publish to; link and connect it first");
        }
        var changed = page.withChannel(page.channelId(), autoAccept, clock.instant());
        pages.update(changed);
        return changed;
    }

    /** Links a page to the channel through which Loa publishes for it (same platform and platform id). */
    public PartnerPage linkChannel(long id, long channelId, Actor actor) {
        requireAny(actor, "link partner pages to channels", Role.ADMIN);
        var page = getPage(id);
        var channel = channels.find(channelId)
                .orElseThrow(() -> InvalidInput.of("channelId", "no channel has id " + channelId));
        var checks = new Checks()
                .that(
                        channel.platform() == page.platform(),
                        "channelId",
                        "the channel is on " + channel.platform() + ", the page on " + page.platform())
                .that(
                        channel.externalId().equals(page.externalId()),
                        "channelId",
                        "the channel's platform id " + channel.externalId() + " is not the page's "
                                + page.externalId());
        pages.findByChannel(channelId)
                .filter(p -> !p.id().equals(id))
                .ifPresent(p -> checks.add("channelId", "is already linked to partner page " + p.id()));
        checks.throwIfAny();
        var changed = page.withChannel(channelId, page.autoAccept(), clock.instant());
        pages.update(changed);
        return changed;
    }

    @ReadOnly
    public PartnerPage getPage(long id) {
        return pages.find(id).orElseThrow(() -> new NotFound("partner page", id));
    }

    @ReadOnly
    public PartnerPage getPage(long id, Actor actor) {
        var page = getPage(id);
        scope.require(actor, page.organisationId(), "partner page", id);
        return page;
    }

    @ReadOnly
    public List<PartnerPage> listPages(PageFilter filter, Actor actor) {
        var visible = scope.visibleTo(actor);
        if (visible.isEmpty()) {
            return pages.list(filter);
        }
        var ids = visible.get();
        if (filter.organisationIds() != null) {
            ids = filter.organisationIds().stream().filter(ids::contains).collect(Collectors.toSet());
        }
        return ids.isEmpty() ? List.of() : pages.list(filter.within(ids));
    }

    @ReadOnly
    public List<PartnerPageRepository.FollowerCount> followerHistory(long id, Actor actor) {
        getPage(id, actor);
        return pages.followerHistory(id);
    }

    @ReadOnly
    public List<AuditEntry> pageHistory(long id, Actor actor) {
        getPage(id, actor);
        return audit.history(AuditEntry.Subject.PARTNER_PAGE, id);
    }

    // --- evaluations ---

    public Evaluation evaluate(long pageId, Evaluation.Input input, Actor actor) {
        requireAny(actor, "evaluate partner pages", Role.ADMIN, Role.PLANNER, Role.APPROVER);
        getPage(pageId);
        var checks = new Checks().maxLength("notes", input.notes(), Evaluation.NOTES_MAX);
        var scores = input.scores() == null ? Map.<Criterion, Integer>of() : input.scores();
        checks.that(!scores.isEmpty(), "scores", "score at least one criterion");
        var kept = new EnumMap<Criterion, Integer>(Criterion.class);
        scores.forEach((criterion, score) -> {
            if (criterion == null) {
                checks.add("scores", "a score has no criterion");
            } else if (score == null || score < Evaluation.SCORE_MIN || score > Evaluation.SCORE_MAX) {
                checks.add(
                        "scores." + criterion,
                        "must be a whole number from " + Evaluation.SCORE_MIN + " to " + Evaluation.SCORE_MAX);
            } else {
                kept.put(criterion, score);
            }
        });
        checks.throwIfAny();
        return evaluations.insert(
                new Evaluation(null, pageId, actor.username(), clock.instant(), kept, blankToNull(input.notes())));
    }

    @ReadOnly
    public List<Evaluation> listEvaluations(long pageId, Actor actor) {
        getPage(pageId, actor);
        return evaluations.listFor(pageId);
    }

    /**
     * The newest evaluation of each of these pages that has one, in one read for the lot (a page
     * listing all pages must not read them one by one); pages outside the actor's part of the
     * network are left out.
     */
    @ReadOnly
    public Map<Long, Evaluation> latestEvaluations(List<PartnerPage> listed, Actor actor) {
        var visible = scope.visibleTo(actor);
        return evaluations.latestFor(listed.stream()
                .filter(p ->
                        visible.map(ids -> ids.contains(p.organisationId())).orElse(true))
                .map(PartnerPage::id)
                .toList());
    }

    // --- selection ---

    @ReadOnly
    public SelectionRule getRule() {
        return rule;
    }

    @ReadOnly
    public Selection getSelection(Actor actor) {
        requireAny(actor, "see the partner selection", Role.ADMIN, Role.PLANNER, Role.APPROVER, Role.LEADERSHIP);
        var all = pages.list(PageFilter.ALL);
        var selected =
                all.stream().filter(p -> p.status() == PageStatus.SELECTED).toList();
        var byPlatform = new EnumMap<Platform, Integer>(Platform.class);
        for (var p : selected) {
            byPlatform.merge(p.platform(), 1, Integer::sum);
        }
        return new Selection(
                rule,
                selected.size(),
                byPlatform,
                Selection.target(rule, selected.size()),
                selected.stream()
                        .filter(p -> p.followerCount() < rule.minFollowers())
                        .toList(),
                all.stream()
                        .filter(p -> p.status() == PageStatus.CANDIDATE && p.followerCount() >= rule.minFollowers())
                        .toList());
    }

    private void checked(PartnerPage.Details d, Long ownId) {
        var checks = new Checks()
                .required("organisationId", d.organisationId())
                .required("platform", d.platform())
                .requiredText("externalId", d.externalId(), 100)
                .requiredText("displayName", d.displayName(), 200)
                .required("url", d.url())
                .maxLength("url", d.url(), 2048)
                .that(d.followerCount() == null || d.followerCount() >= 0, "followerCount", "must be 0 or more")
                .maxLength("audienceNotes", d.audienceNotes(), PartnerPage.NOTES_MAX);
        if (d.organisationId() != null && organisations.find(d.organisationId()).isEmpty()) {
            checks.add("organisationId", "no organisation has id " + d.organisationId());
        }
        if (d.url() != null && !d.url().isBlank()) {
            var uri = PlatformHosts.parse(d.url());
            if (uri.isEmpty()) {
                checks.add("url", "must be a web address starting with http:// or https://");
            } else if (d.platform() != null
                    && PlatformHosts.platformOf(uri.get().getHost()).orElse(null) != d.platform()) {
                checks.add(
                        "url", "is not a " + d.platform() + " address (" + PlatformHosts.hostsOf(d.platform()) + ")");
            }
        }
        if (d.platform() != null && d.externalId() != null && !d.externalId().isBlank()) {
            pages.findByExternalId(d.platform(), d.externalId().strip())
                    .filter(p -> !p.id().equals(ownId))
                    .ifPresent(p -> checks.add("externalId", "is already registered as partner page " + p.id()));
        }
        checks.throwIfAny();
    }

    /** A page registered with the platform id of a known channel is linked to it at once. */
    private Long linkedChannel(PartnerPage.Details d) {
        return channels.findByExternalId(d.platform(), d.externalId().strip())
                .filter(c -> pages.findByChannel(c.id()).isEmpty())
                .map(c -> c.id())
                .orElse(null);
    }

    private void record(long pageId, Actor actor, PageStatus from, PageStatus to, String reason) {
        audit.append(new AuditEntry(
                null,
                AuditEntry.Subject.PARTNER_PAGE,
                pageId,
                actor.username(),
                clock.instant(),
                from == null ? null : from.name(),
                to.name(),
                reason));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), cityZone);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
