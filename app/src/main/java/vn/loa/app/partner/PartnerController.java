package vn.loa.app.partner;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.app.api.ApiTimes;
import vn.loa.app.api.AuditView;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.partner.Criterion;
import vn.loa.campaigns.partner.Evaluation;
import vn.loa.campaigns.partner.Organisation;
import vn.loa.campaigns.partner.OrganisationKind;
import vn.loa.campaigns.partner.PageFilter;
import vn.loa.campaigns.partner.PageStatus;
import vn.loa.campaigns.partner.PartnerPage;
import vn.loa.campaigns.partner.PartnerRegistry;
import vn.loa.campaigns.partner.Selection;
import vn.loa.campaigns.partner.SelectionRule;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.connectors.Platform;

/** The partner registry: organisations, their pages, evaluations and the selection of plan 3550. */
@RestController
@RequestMapping("/api/partners")
class PartnerController {

    record OrganisationView(
            long id,
            String name,
            OrganisationKind kind,
            Long parentId,
            int depth,
            String notes,
            OffsetDateTime createdAt) {}

    record PageView(
            long id,
            long organisationId,
            String organisation,
            Platform platform,
            String externalId,
            String url,
            String displayName,
            long followerCount,
            OffsetDateTime followersAt,
            boolean meetsThreshold,
            String audienceNotes,
            PageStatus status,
            String statusReason,
            Long channelId,
            boolean autoAccept,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    record StatusChange(PageStatus status, String reason) {}

    record AutoAccept(Boolean autoAccept) {}

    record ChannelLink(Long channelId) {}

    record EvaluationView(
            long id,
            long pageId,
            String reviewer,
            OffsetDateTime evaluatedAt,
            Map<Criterion, Integer> scores,
            double average,
            String notes) {}

    record FollowersView(LocalDate day, long followers) {}

    record SelectionView(
            SelectionRule rule,
            int selected,
            Map<Platform, Integer> selectedByPlatform,
            Selection.Target target,
            List<PageView> selectedBelowThreshold,
            List<PageView> candidatesMeetingThreshold) {}

    private final PartnerRegistry registry;
    private final ApiTimes times;

    PartnerController(PartnerRegistry registry, ApiTimes times) {
        this.registry = registry;
        this.times = times;
    }

    @GetMapping("/organisations")
    List<OrganisationView> organisations(Actor actor) {
        return registry.listOrganisations(actor).stream().map(this::view).toList();
    }

    @GetMapping("/organisations/{id}")
    OrganisationView organisation(@PathVariable long id, Actor actor) {
        return view(registry.getOrganisation(id, actor));
    }

    @PostMapping("/organisations")
    @ResponseStatus(HttpStatus.CREATED)
    OrganisationView addOrganisation(@RequestBody Organisation.Details body, Actor actor) {
        return view(registry.addOrganisation(body, actor));
    }

    @PutMapping("/organisations/{id}")
    OrganisationView changeOrganisation(@PathVariable long id, @RequestBody Organisation.Details body, Actor actor) {
        return view(registry.changeOrganisation(id, body, actor));
    }

    @GetMapping("/pages")
    List<PageView> pages(
            @RequestParam(required = false) PageStatus status,
            @RequestParam(required = false) Platform platform,
            @RequestParam(required = false) Long organisationId,
            Actor actor) {
        var filter = new PageFilter(status, platform, organisationId == null ? null : Set.of(organisationId));
        var names = names(actor);
        return registry.listPages(filter, actor).stream()
                .map(p -> view(p, names))
                .toList();
    }

    @GetMapping("/pages/{id}")
    PageView page(@PathVariable long id, Actor actor) {
        return view(registry.getPage(id, actor), names(actor));
    }

    @PostMapping("/pages")
    @ResponseStatus(HttpStatus.CREATED)
    PageView register(@RequestBody PartnerPage.Details body, Actor actor) {
        return view(registry.registerPage(body, actor), names(actor));
    }

    @PutMapping("/pages/{id}")
    PageView change(@PathVariable long id, @RequestBody PartnerPage.Details body, Actor actor) {
        return view(registry.changePage(id, body, actor), names(actor));
    }

    @PostMapping("/pages/{id}/status")
    PageView status(@PathVariable long id, @RequestBody StatusChange body, Actor actor) {
        return view(registry.changeStatus(id, body.status(), body.reason(), actor), names(actor));
    }

    @PutMapping("/pages/{id}/auto-accept")
    PageView autoAccept(@PathVariable long id, @RequestBody AutoAccept body, Actor actor) {
        return view(registry.setAutoAccept(id, Boolean.TRUE.equals(body.autoAccept()), actor), names(actor));
    }

    @PutMapping("/pages/{id}/channel")
    PageView link(@PathVariable long id, @RequestBody ChannelLink body, Actor actor) {
        if (body.channelId() == null) {
            throw InvalidInput.of("channelId", "is required");
        }
        return view(registry.linkChannel(id, body.channelId(), actor), names(actor));
    }

    @GetMapping("/pages/{id}/followers")
    List<FollowersView> followers(@PathVariable long id, Actor actor) {
        return registry.followerHistory(id, actor).stream()
                .map(f -> new FollowersView(f.day(), f.followers()))
                .toList();
    }

    @GetMapping("/pages/{id}/history")
    List<AuditView> history(@PathVariable long id, Actor actor) {
        return registry.pageHistory(id, actor).stream()
                .map(e -> AuditView.of(e, times))
                .toList();
    }

    @PostMapping("/pages/{id}/evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    EvaluationView evaluate(@PathVariable long id, @RequestBody Evaluation.Input body, Actor actor) {
        return view(registry.evaluate(id, body, actor));
    }

    @GetMapping("/pages/{id}/evaluations")
    List<EvaluationView> evaluations(@PathVariable long id, Actor actor) {
        return registry.listEvaluations(id, actor).stream().map(this::view).toList();
    }

    @GetMapping("/selection")
    SelectionView selection(Actor actor) {
        var s = registry.getSelection(actor);
        var names = names(actor);
        return new SelectionView(
                s.rule(),
                s.selected(),
                s.selectedByPlatform(),
                s.target(),
                s.selectedBelowThreshold().stream().map(p -> view(p, names)).toList(),
                s.candidatesMeetingThreshold().stream().map(p -> view(p, names)).toList());
    }

    private Map<Long, String> names(Actor actor) {
        var names = new HashMap<Long, String>();
        registry.listOrganisations(actor).forEach(o -> names.put(o.id(), o.name()));
        return names;
    }

    private OrganisationView view(Organisation o) {
        return new OrganisationView(
                o.id(), o.name(), o.kind(), o.parentId(), o.depth(), o.notes(), times.inCity(o.createdAt()));
    }

    private PageView view(PartnerPage p, Map<Long, String> names) {
        return new PageView(
                p.id(),
                p.organisationId(),
                names.get(p.organisationId()),
                p.platform(),
                p.externalId(),
                p.url(),
                p.displayName(),
                p.followerCount(),
                times.inCity(p.followersAt()),
                p.followerCount() >= registry.getRule().minFollowers(),
                p.audienceNotes(),
                p.status(),
                p.statusReason(),
                p.channelId(),
                p.autoAccept(),
                times.inCity(p.createdAt()),
                times.inCity(p.updatedAt()));
    }

    private EvaluationView view(Evaluation e) {
        return new EvaluationView(
                e.id(), e.pageId(), e.reviewer(), times.inCity(e.evaluatedAt()), e.scores(), e.average(), e.notes());
    }
}
