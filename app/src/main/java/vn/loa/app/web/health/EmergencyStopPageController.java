package vn.loa.app.web.health;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.app.emergency.EmergencyStops;
import vn.loa.app.emergency.StopScope;
import vn.loa.app.web.Flash;
import vn.loa.app.web.WebUser;
import vn.loa.campaigns.shared.DomainException;

/**
 * The emergency controls on the channel health page: stop publishing (every channel, an
 * organisation's, one channel's), resume, send a delivery left late, revoke credentials at once.
 * Same use cases and checks as the API.
 */
@Controller
class EmergencyStopPageController {

    /** The stop (or revoke) form. */
    record StopForm(StopScope scope, String organisation, Long channelId, String reason) {

        EmergencyStops.StopRequest request() {
            return new EmergencyStops.StopRequest(
                    scope,
                    scope == StopScope.ORGANISATION ? organisation : null,
                    scope == StopScope.CHANNEL ? channelId : null,
                    reason);
        }
    }

    private final EmergencyStops stops;
    private final Flash flash;

    EmergencyStopPageController(EmergencyStops stops, Flash flash) {
        this.stops = stops;
        this.flash = flash;
    }

    @PostMapping("/channels/emergency-stop")
    String stop(@ModelAttribute StopForm form, WebUser me, Locale locale, RedirectAttributes redirect) {
        try {
            var stopped = stops.stop(form.request(), me.actor());
            flash.ok(
                    redirect,
                    locale,
                    stopped.notWithdrawn().isEmpty() ? "emergency.stopped" : "emergency.stopped-not-withdrawn",
                    stopped.stop().id(),
                    stopped.withdrawn(),
                    String.join("; ", stopped.notWithdrawn()));
        } catch (DomainException e) {
            flash.refused(redirect, locale, e);
        }
        return "redirect:/channels#emergency";
    }

    @PostMapping("/channels/emergency-stop/{id}/resume")
    String resume(@PathVariable long id, WebUser me, Locale locale, RedirectAttributes redirect) {
        try {
            var resumed = stops.resume(id, me.actor());
            flash.ok(redirect, locale, "emergency.resumed", id, resumed.released(), resumed.awaitingConfirmation());
        } catch (DomainException e) {
            flash.refused(redirect, locale, e);
        }
        return "redirect:/channels#emergency";
    }

    @PostMapping("/channels/emergency-stop/late/{deliveryId}/release")
    String release(@PathVariable long deliveryId, WebUser me, Locale locale, RedirectAttributes redirect) {
        try {
            stops.confirmLate(deliveryId, me.actor());
            flash.ok(redirect, locale, "emergency.late-released", deliveryId);
        } catch (DomainException e) {
            flash.refused(redirect, locale, e);
        }
        return "redirect:/channels#emergency";
    }

    @PostMapping("/channels/revoke-credentials")
    String revoke(@ModelAttribute StopForm form, WebUser me, Locale locale, RedirectAttributes redirect) {
        try {
            var revoked = stops.revokeCredentials(form.request(), me.actor());
            flash.ok(redirect, locale, "emergency.revoked", revoked.channelIds().size());
        } catch (DomainException e) {
            flash.refused(redirect, locale, e);
        }
        return "redirect:/channels#emergency";
    }
}
