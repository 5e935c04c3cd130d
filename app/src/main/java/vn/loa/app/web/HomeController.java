package vn.loa.app.web;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.loa.app.delivery.DeliveryViews;
import vn.loa.app.security.LoaUser;
import vn.loa.campaigns.delivery.DeliveryFilter;
import vn.loa.campaigns.shared.InstantRange;
import vn.loa.campaigns.shared.PageRequest;
import vn.loa.campaigns.workflow.Scheduling;

/** The first page after signing in: who you are and what goes out in the next seven days. */
@Controller
class HomeController {

    private final Scheduling scheduling;
    private final DeliveryViews views;
    private final Clock clock;

    HomeController(Scheduling scheduling, DeliveryViews views, Clock clock) {
        this.scheduling = scheduling;
        this.views = views;
        this.clock = clock;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal LoaUser user, Model model) {
        var now = clock.instant();
        var week = new InstantRange(now, now.plus(Duration.ofDays(7)));
        var upcoming = scheduling.findDeliveries(
                new DeliveryFilter(null, null, null, null, null, week, null), PageRequest.of(0, 50), user.actor());
        model.addAttribute("user", user);
        model.addAttribute("upcoming", views.of(upcoming.items()));
        model.addAttribute("now", OffsetDateTime.now(clock));
        return "home";
    }
}
