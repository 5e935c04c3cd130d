package vn.loa.campaigns.campaign;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.plan.PlanRepository;
import vn.loa.campaigns.shared.Checks;
import vn.loa.campaigns.shared.NotFound;
import vn.loa.campaigns.shared.Page;
import vn.loa.campaigns.shared.PageRequest;
import vn.loa.campaigns.shared.ReadOnly;
import vn.loa.campaigns.theme.ThemeRepository;

/** Use cases of planners keeping per-theme campaigns. */
public class CampaignPlanning {

    private final CampaignRepository campaigns;
    private final PlanRepository plans;
    private final ThemeRepository themes;
    private final ChannelRepository channels;
    private final Clock clock;

    public CampaignPlanning(
            CampaignRepository campaigns,
            PlanRepository plans,
            ThemeRepository themes,
            ChannelRepository channels,
            Clock clock) {
        this.campaigns = campaigns;
        this.plans = plans;
        this.themes = themes;
        this.channels = channels;
        this.clock = clock;
    }

    public Campaign startCampaign(Campaign.Details details) {
        return campaigns.insert(validated(null, details));
    }

    public Campaign changeCampaign(long id, Campaign.Details details) {
        var existing = getCampaign(id);
        var changed = validated(existing, details);
        campaigns.update(changed);
        return changed;
    }

    @ReadOnly
    public Campaign getCampaign(long id) {
        return campaigns.find(id).orElseThrow(() -> new NotFound("campaign", id));
    }

    @ReadOnly
    public Page<Campaign> findCampaigns(CampaignFilter filter, PageRequest page) {
        return campaigns.search(filter, page);
    }

    private Campaign validated(Campaign existing, Campaign.Details d) {
        var checks = new Checks()
                .required("planId", d.planId())
                .required("themeId", d.themeId())
                .requiredText("name", d.name(), Campaign.NAME_MAX)
                .maxLength("description", d.description(), Campaign.DESCRIPTION_MAX)
                .required("startDate", d.startDate())
                .required("endDate", d.endDate())
                .withinCalendar("startDate", d.startDate())
                .withinCalendar("endDate", d.endDate());
        if (d.planId() != null && plans.find(d.planId()).isEmpty()) {
            checks.add("planId", "no plan has id " + d.planId());
        }
        if (d.themeId() != null && themes.find(d.themeId()).isEmpty()) {
            checks.add("themeId", "no theme has id " + d.themeId());
        }
        if (d.startDate() != null && d.endDate() != null && d.endDate().isBefore(d.startDate())) {
            checks.add("endDate", "must not be before startDate");
        }
        var kpis = d.kpis() == null ? Kpis.NONE : d.kpis();
        checks.that(kpis.targetReach() == null || kpis.targetReach() >= 0, "kpis.targetReach", "must be 0 or more")
                .that(
                        kpis.targetInteractions() == null || kpis.targetInteractions() >= 0,
                        "kpis.targetInteractions",
                        "must be 0 or more")
                .that(kpis.targetPosts() == null || kpis.targetPosts() >= 0, "kpis.targetPosts", "must be 0 or more");
        Set<Long> channelIds = d.channelIds() == null ? new HashSet<>() : new HashSet<>(d.channelIds());
        channelIds.remove(null);
        var known = channels.findAll(channelIds).stream().map(Channel::id).toList();
        var unknown = channelIds.stream()
                .filter(id -> !known.contains(id))
                .sorted()
                .map(String::valueOf)
                .toList();
        checks.that(unknown.isEmpty(), "channelIds", "no channel has id " + String.join(", ", unknown));
        checks.throwIfAny();
        return new Campaign(
                existing == null ? null : existing.id(),
                d.planId(),
                d.themeId(),
                d.name().strip(),
                d.description(),
                d.startDate(),
                d.endDate(),
                kpis,
                channelIds,
                existing == null ? clock.instant() : existing.createdAt());
    }
}
