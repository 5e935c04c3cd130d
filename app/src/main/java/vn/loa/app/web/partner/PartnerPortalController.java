package vn.loa.app.web.partner;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.app.amplify.AmplifyProperties;
import vn.loa.app.amplify.PartnerResults;
import vn.loa.app.web.DomainMessages;
import vn.loa.app.web.Flash;
import vn.loa.app.web.FormErrors;
import vn.loa.app.web.WebUser;
import vn.loa.campaigns.amplify.ContentPack;
import vn.loa.campaigns.amplify.ContentPacks;
import vn.loa.campaigns.amplify.PackFilter;
import vn.loa.campaigns.amplify.PartnerShare;
import vn.loa.campaigns.amplify.PartnerShares;
import vn.loa.campaigns.content.ContentRepository;
import vn.loa.campaigns.partner.PartnerPage;
import vn.loa.campaigns.partner.PartnerRegistry;
import vn.loa.campaigns.shared.DomainException;
import vn.loa.campaigns.shared.PageRequest;

/**
 * Page 6, the partner portal, phone first: the packs to share (the text for the page's platform with
 * a copy button, the tracked link, the media, the whole pack as a ZIP), confirming a share by pasting
 * its address, and the partner's own results. Through ContentPacks and PartnerShares, the use cases
 * of the amplification API; a partner admin sees their own organisation's packs only.
 */
@Controller
class PartnerPortalController {

    /** One pack as the portal shows it. */
    record Card(
            ContentPack pack,
            String title,
            PartnerPage page,
            boolean late,
            String shortLink,
            List<PartnerShare> shares) {}

    private final ContentPacks packs;
    private final PartnerShares shares;
    private final PartnerRegistry registry;
    private final ContentRepository contents;
    private final PartnerResults results;
    private final DomainMessages messages;
    private final Flash flash;
    private final Clock clock;
    private final AmplifyProperties amplify;

    PartnerPortalController(
            ContentPacks packs,
            PartnerShares shares,
            PartnerRegistry registry,
            ContentRepository contents,
            PartnerResults results,
            DomainMessages messages,
            Flash flash,
            Clock clock,
            AmplifyProperties amplify) {
        this.packs = packs;
        this.shares = shares;
        this.registry = registry;
        this.contents = contents;
        this.results = results;
        this.messages = messages;
        this.flash = flash;
        this.clock = clock;
        this.amplify = amplify;
    }

    @GetMapping("/partner")
    String portal(WebUser me, Model model) {
        var actor = me.actor();
        var all = packs.findPacks(
                        new PackFilter(null, null, null, null, null, null, null), PageRequest.of(0, 200), actor)
                .items();
        var now = clock.instant();
        var linkBase = amplify.publicUrl().replaceAll("/+$", "");
        var titles = new HashMap<Long, String>();
        var pages = new HashMap<Long, PartnerPage>();
        var open = new ArrayList<Card>();
        var done = new ArrayList<Card>();
        for (var p : all) {
            var title = titles.computeIfAbsent(
                    p.contentId(),
                    id -> contents.findHeader(id).map(i -> i.title()).orElse("#" + id));
            var page = pages.computeIfAbsent(p.pageId(), id -> registry.getPage(id, actor));
            var shortLink = p.linkCode() == null ? null : linkBase + "/l/" + p.linkCode();
            var card = new Card(p, title, page, p.isLate(now), shortLink, shares.listShares(p.id(), actor));
            (p.status().isOpen() ? open : done).add(card);
        }
        // Rapid responses first, then the window that closes soonest.
        open.sort(Comparator.comparing((Card c) -> !c.pack().rapid())
                .thenComparing(c -> c.pack().windowTo()));
        model.addAttribute("open", open);
        model.addAttribute("done", done.stream().limit(20).toList());
        model.addAttribute(
                "results", results.results(PartnerResults.Query.ALL, actor).total());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.NONE);
            model.addAttribute("errorPack", -1L);
        }
        return "partner";
    }

    /** The partner pastes the address of their post; Loa checks it is on their page and records it. */
    @PostMapping("/partner/packs/{id}/share")
    String share(
            @PathVariable long id,
            @RequestParam(required = false) String url,
            WebUser me,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            var recorded = shares.confirmShare(id, url, me.actor());
            flash.ok(redirect, locale, recorded.alreadyRecorded() ? "partner.already" : "partner.shared");
        } catch (DomainException e) {
            redirect.addFlashAttribute("errors", FormErrors.of(e, messages, locale));
            redirect.addFlashAttribute("errorPack", id);
            redirect.addFlashAttribute("typedUrl", url);
        }
        return "redirect:/partner#pack-" + id;
    }

    /** Lets Loa post the pack on the partner's connected page inside its window. */
    @PostMapping("/partner/packs/{id}/accept")
    String accept(@PathVariable long id, WebUser me, Locale locale, RedirectAttributes redirect) {
        try {
            packs.accept(id, me.actor());
            flash.ok(redirect, locale, "partner.accepted");
        } catch (DomainException e) {
            flash.refused(redirect, locale, e);
        }
        return "redirect:/partner#pack-" + id;
    }
}
