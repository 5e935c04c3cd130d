package vn.loa.app.web.calendar;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.app.web.Flash;
import vn.loa.app.web.WebTimes;
import vn.loa.app.web.WebUser;
import vn.loa.campaigns.shared.DomainException;
import vn.loa.campaigns.workflow.Scheduling;

/** The keyboard's way to move or cancel one delivery (the calendar panel and the item page). */
@Controller
class DeliveryPages {

    private final Scheduling scheduling;
    private final WebTimes times;
    private final Flash flash;

    DeliveryPages(Scheduling scheduling, WebTimes times, Flash flash) {
        this.scheduling = scheduling;
        this.times = times;
        this.flash = flash;
    }

    @PostMapping("/deliveries/{id}/reschedule")
    String reschedule(
            @PathVariable long id,
            @RequestParam(required = false) String at,
            @RequestParam(required = false) String back,
            WebUser me,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            var moved = scheduling.reschedule(id, times.parse("at", at), me.actor());
            flash.ok(redirect, locale, "delivery.moved", times.show(moved.scheduledAt()));
        } catch (DomainException e) {
            flash.refused(redirect, locale, e);
        }
        return "redirect:" + back(back);
    }

    @PostMapping("/deliveries/{id}/cancel")
    String cancel(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String back,
            WebUser me,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            scheduling.cancelDelivery(id, me.actor(), reason);
            flash.ok(redirect, locale, "delivery.cancelled");
        } catch (DomainException e) {
            flash.refused(redirect, locale, e);
        }
        return "redirect:" + back(back);
    }

    /** Only paths of Loa itself. */
    static String back(String back) {
        return back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/calendar";
    }
}
