package vn.loa.app.web.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.loa.app.report.ReportExports;
import vn.loa.app.report.Reports;
import vn.loa.app.web.WebTimes;
import vn.loa.app.web.WebUser;
import vn.loa.campaigns.campaign.CampaignFilter;
import vn.loa.campaigns.campaign.CampaignPlanning;
import vn.loa.campaigns.shared.PageRequest;

/**
 * Page 7, the leadership dashboard: a period (6-month, year or any range) per theme beside the period
 * before it, the timeline, and one campaign's report (timeline, platform split, top posts, KPI
 * progress); every view exports as CSV, XLSX or PDF through the same report code as the API.
 */
@Controller
class DashboardController {

    private final Reports reports;
    private final CampaignPlanning campaigns;
    private final Charts charts;
    private final MessageSource messages;
    private final WebTimes times;
    private final Clock clock;

    DashboardController(
            Reports reports,
            CampaignPlanning campaigns,
            Charts charts,
            MessageSource messages,
            WebTimes times,
            Clock clock) {
        this.reports = reports;
        this.campaigns = campaigns;
        this.charts = charts;
        this.messages = messages;
        this.times = times;
        this.clock = clock;
    }

    /** Which period: a half year (the 6-month report), a year, or a range. */
    record Period(String kind, int year, int half, LocalDate from, LocalDate to) {}

    @GetMapping("/dashboard")
    String page(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer half,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long campaignId,
            WebUser me,
            Model model,
            Locale locale) {
        var period = period(kind, year, half, from, to);
        var report = reports.period(period.from(), period.to(), me.actor());
        model.addAttribute("period", period);
        model.addAttribute("report", report);
        var colours = new HashMap<Long, String>();
        report.themes().forEach(t -> colours.put(t.themeId(), charts.colour(t.themeId())));
        model.addAttribute("themeColours", colours);
        model.addAttribute(
                "themesChart",
                charts.themes(report, text("dashboard.current", locale), text("dashboard.previous", locale)));
        model.addAttribute(
                "timelineChart",
                charts.timeline(
                        report.timeline(), text("dashboard.interactions", locale), text("dashboard.views", locale)));
        var all = campaigns
                .findCampaigns(
                        new CampaignFilter(null, null, null, period.from(), period.to()),
                        PageRequest.of(0, PageRequest.MAX_SIZE))
                .items();
        model.addAttribute("campaigns", all);
        var chosen = campaignId != null
                ? campaignId
                : all.isEmpty() ? null : all.get(0).id();
        if (chosen != null) {
            var c = reports.campaign(chosen, me.actor());
            model.addAttribute("campaign", c);
            model.addAttribute(
                    "campaignTimeline",
                    charts.timeline(
                            c.timeline(), text("dashboard.interactions", locale), text("dashboard.views", locale)));
            model.addAttribute("platformChart", charts.split(c.platforms()));
        }
        model.addAttribute(
                "years",
                IntStream.rangeClosed(today().getYear() - 3, today().getYear())
                        .boxed()
                        .toList());
        return "dashboard";
    }

    @GetMapping("/dashboard/export")
    ResponseEntity<byte[]> exportPeriod(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam String format,
            WebUser me) {
        return ReportExports.period(reports.period(from, to, me.actor()), format);
    }

    @GetMapping("/campaigns/{id}/export")
    ResponseEntity<byte[]> exportCampaign(@PathVariable long id, @RequestParam String format, WebUser me) {
        return ReportExports.campaign(reports.campaign(id, me.actor()), format);
    }

    private Period period(String kind, Integer year, Integer half, LocalDate from, LocalDate to) {
        var today = today();
        var y = year == null ? today.getYear() : year;
        if ("range".equals(kind) && from != null && to != null) {
            return new Period("range", y, 0, from, to);
        }
        if ("year".equals(kind)) {
            return new Period("year", y, 0, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
        }
        var h = half == null ? (today.getMonthValue() <= 6 ? 1 : 2) : half;
        var range = ReportExports.half(y, h);
        return new Period("half", y, h, range[0], range[1]);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(times.zone()));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
