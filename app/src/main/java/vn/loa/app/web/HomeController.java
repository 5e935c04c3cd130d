package vn.loa.app.web;

import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.loa.app.alert.Alerts;
import vn.loa.app.delivery.DeliveryViews;
import vn.loa.campaigns.content.ContentFilter;
import vn.loa.campaigns.content.ContentStatus;
import vn.loa.campaigns.delivery.DeliveryFilter;
import vn.loa.campaigns.shared.InstantRange;
import vn.loa.campaigns.shared.PageRequest;
import vn.loa.campaigns.workflow.ContentWriting;
import vn.loa.campaigns.workflow.Scheduling;

/** The first page after signing in: what waits for the person, and what goes out in the next seven days. */
@Controller
class HomeController {

    private final Scheduling scheduling;
    private final ContentWriting writing;
    private final DeliveryViews views;
    private final Alerts alerts;
    private final Clock clock;

    HomeController(Scheduling scheduling, ContentWriting writing, DeliveryViews views, Alerts alerts, Clock clock) {
        this.scheduling = scheduling;
        this.writing = writing;
        this.views = views;
        this.alerts = alerts;
        this.clock = clock;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(WebUser me, Model model) {
        if (me.isPartner() && !me.canRead()) {
            return "redirect:/partner";
        }
        var now = clock.instant();
        var week = new InstantRange(now, now.plus(Duration.ofDays(7)));
        var upcoming = scheduling.findDeliveries(
                new DeliveryFilter(null, null, null, null, null, week, null), PageRequest.of(0, 50), me.actor());
        model.addAttribute("upcoming", views.of(upcoming.items()));
        if (me.canRead()) {
            model.addAttribute(
                    "waiting",
                    writing.findContent(
                                    new ContentFilter(null, null, null, ContentStatus.IN_REVIEW, null, null),
                                    PageRequest.of(0, 1))
                            .totalItems());
            model.addAttribute("alerts", alerts.openCount());
        }
        return "home";
    }
}
