package vn.loa.app.web.campaign;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.loa.app.delivery.DeliveryViews;
import vn.loa.app.report.Reports;
import vn.loa.app.web.WebUser;
import vn.loa.app.web.dashboard.Charts;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.campaign.CampaignFilter;
import vn.loa.campaigns.campaign.CampaignPlanning;
import vn.loa.campaigns.channel.Channels;
import vn.loa.campaigns.content.ContentFilter;
import vn.loa.campaigns.delivery.DeliveryFilter;
import vn.loa.campaigns.plan.Plans;
import vn.loa.campaigns.shared.PageRequest;
import vn.loa.campaigns.theme.Themes;
import vn.loa.campaigns.workflow.ContentWriting;
import vn.loa.campaigns.workflow.Scheduling;

/** Page 2: the campaigns of the plan, and one campaign with its KPI progress, items, deliveries and report. */
@Controller
class CampaignPagesController {

    private final CampaignPlanning campaigns;
    private final Plans plans;
    private final Themes themes;
    private final Channels channels;
    private final ContentWriting writing;
    private final Scheduling scheduling;
    private final DeliveryViews deliveries;
    private final Reports reports;
    private final Charts charts;
    private final MessageSource messages;

    CampaignPagesController(
            CampaignPlanning campaigns,
            Plans plans,
            Themes themes,
            Channels channels,
            ContentWriting writing,
            Scheduling scheduling,
            DeliveryViews deliveries,
            Reports reports,
            Charts charts,
            MessageSource messages) {
        this.campaigns = campaigns;
        this.plans = plans;
        this.themes = themes;
        this.channels = channels;
        this.writing = writing;
        this.scheduling = scheduling;
        this.deliveries = deliveries;
        this.reports = reports;
        this.charts = charts;
        this.messages = messages;
    }

    @GetMapping("/campaigns")
    String list(@RequestParam(required = false) Long themeId, WebUser me, Model model) {
        requireReader(me);
        model.addAttribute(
                "campaigns",
                campaigns
                        .findCampaigns(
                                new CampaignFilter(null, themeId, null, null, null),
                                PageRequest.of(0, PageRequest.MAX_SIZE))
                        .items());
        model.addAttribute("themeNames", themeNames());
        model.addAttribute("themes", themes.listThemes());
        model.addAttribute("themeId", themeId);
        model.addAttribute("plans", plans.listPlans());
        return "campaigns";
    }

    @GetMapping("/campaigns/{id}")
    String one(@PathVariable long id, WebUser me, Model model, Locale locale) {
        requireReader(me);
        var campaign = campaigns.getCampaign(id);
        var report = reports.campaign(id, me.actor());
        model.addAttribute("c", campaign);
        model.addAttribute("theme", themes.getTheme(campaign.themeId()));
        model.addAttribute("themeColour", charts.colour(campaign.themeId()));
        model.addAttribute(
                "channels",
                channels.listChannels(me.actor()).stream()
                        .filter(ch -> campaign.channelIds().contains(ch.id()))
                        .toList());
        model.addAttribute(
                "items",
                writing.findContent(
                                new ContentFilter(id, null, null, null, null, null),
                                PageRequest.of(0, PageRequest.MAX_SIZE))
                        .items());
        model.addAttribute(
                "deliveries",
                deliveries.of(scheduling
                        .findDeliveries(
                                new DeliveryFilter(id, null, null, null, null, null, null),
                                PageRequest.of(0, 100),
                                me.actor())
                        .items()));
        model.addAttribute("campaign", report);
        model.addAttribute(
                "campaignTimeline",
                charts.timeline(
                        report.timeline(),
                        messages.getMessage("dashboard.interactions", null, locale),
                        messages.getMessage("dashboard.views", null, locale)));
        model.addAttribute("platformChart", charts.split(report.platforms()));
        return "campaign";
    }

    private Map<Long, String> themeNames() {
        var names = new HashMap<Long, String>();
        themes.listThemes().forEach(t -> names.put(t.id(), t.name()));
        return names;
    }

    private static void requireReader(WebUser me) {
        Permissions.requireAny(
                me.actor(), "read campaigns and reports", Role.ADMIN, Role.PLANNER, Role.APPROVER, Role.LEADERSHIP);
    }
}
