package vn.loa.app.web.partner;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.app.web.Flash;
import vn.loa.app.web.WebUser;
import vn.loa.campaigns.amplify.ContentPacks;
import vn.loa.campaigns.shared.DomainException;
import vn.loa.campaigns.shared.InvalidInput;

/** From an approved item's page, the office sends it to every selected partner page, through ContentPacks. */
@Controller
class ItemPacksController {

    private final ContentPacks packs;
    private final Flash flash;
    private final Clock clock;

    ItemPacksController(ContentPacks packs, Flash flash, Clock clock) {
        this.packs = packs;
        this.flash = flash;
        this.clock = clock;
    }

    /** {@code hours}: how long partners have to share, from now (24 by default). */
    @PostMapping("/content/{id}/packs")
    String send(
            @PathVariable long id,
            @RequestParam(required = false) Integer hours,
            WebUser me,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            int h = hours == null ? 24 : hours;
            if (h < 1 || h > 24 * 14) {
                throw InvalidInput.of("hours", "must be between 1 and 336 hours");
            }
            var now = clock.instant();
            var built = packs.buildPacks(
                    id,
                    new ContentPacks.BuildRequest(
                            now.atOffset(ZoneOffset.UTC),
                            now.plus(Duration.ofHours(h)).atOffset(ZoneOffset.UTC),
                            null),
                    me.actor());
            flash.ok(
                    redirect,
                    locale,
                    "packs.sent",
                    built.packs().size(),
                    built.alreadyPacked().size());
        } catch (DomainException e) {
            flash.refused(redirect, locale, e);
        }
        return "redirect:/content/" + id + "#packs";
    }
}
