package vn.loa.app.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
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
import vn.loa.app.api.PageView;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.campaign.Campaign;
import vn.loa.campaigns.campaign.CampaignFilter;
import vn.loa.campaigns.campaign.CampaignPlanning;
import vn.loa.campaigns.campaign.Kpis;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.PageRequest;

@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    record CampaignView(
            long id,
            long planId,
            long themeId,
            String name,
            String description,
            LocalDate startDate,
            LocalDate endDate,
            Kpis kpis,
            Set<Long> channelIds,
            OffsetDateTime createdAt) {}

    private final CampaignPlanning planning;
    private final ApiTimes times;

    CampaignController(CampaignPlanning planning, ApiTimes times) {
        this.planning = planning;
        this.times = times;
    }

    @GetMapping
    PageView<CampaignView> find(
            @RequestParam(required = false) Long planId,
            @RequestParam(required = false) Long themeId,
            @RequestParam(required = false) Long channelId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        if (from != null && to != null && to.isBefore(from)) {
            throw InvalidInput.of("to", "must not be before 'from'");
        }
        var filter = new CampaignFilter(planId, themeId, channelId, from, to);
        return PageView.of(
                planning.findCampaigns(filter, PageRequest.of(page, size)).map(this::view));
    }

    @GetMapping("/{id}")
    CampaignView get(@PathVariable long id) {
        return view(planning.getCampaign(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CampaignView start(@RequestBody Campaign.Details body, Actor actor) {
        Permissions.requireAny(actor, "start a campaign", Role.PLANNER, Role.ADMIN);
        return view(planning.startCampaign(body));
    }

    @PutMapping("/{id}")
    CampaignView change(@PathVariable long id, @RequestBody Campaign.Details body, Actor actor) {
        Permissions.requireAny(actor, "change a campaign", Role.PLANNER, Role.ADMIN);
        return view(planning.changeCampaign(id, body));
    }

    private CampaignView view(Campaign c) {
        return new CampaignView(
                c.id(),
                c.planId(),
                c.themeId(),
                c.name(),
                c.description(),
                c.startDate(),
                c.endDate(),
                c.kpis(),
                c.channelIds(),
                times.inCity(c.createdAt()));
    }
}
