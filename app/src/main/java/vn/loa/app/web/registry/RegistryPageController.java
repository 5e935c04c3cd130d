package vn.loa.app.web.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.app.web.DomainMessages;
import vn.loa.app.web.Flash;
import vn.loa.app.web.FormErrors;
import vn.loa.app.web.WebUser;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.partner.Criterion;
import vn.loa.campaigns.partner.Evaluation;
import vn.loa.campaigns.partner.Organisation;
import vn.loa.campaigns.partner.PageFilter;
import vn.loa.campaigns.partner.PageStatus;
import vn.loa.campaigns.partner.PartnerPage;
import vn.loa.campaigns.partner.PartnerRegistry;
import vn.loa.campaigns.shared.DomainException;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.connectors.Platform;

/**
 * The partner registry for coordinators: plan 3550's selection against its target, the
 * organisations as a tree with their pages, and the forms to move a page's status, evaluate it and
 * register a page. Everything goes through {@link PartnerRegistry}, the use case of the API, so the
 * threshold, the reasons and the audit trail are the API's.
 */
@Controller
class RegistryPageController {

    /** A page as its row shows it: the statuses it may move to come from the domain's own transitions. */
    record PageRow(PartnerPage page, boolean meetsThreshold, Evaluation last, List<PageStatus> next) {}

    /** An organisation at its depth in the tree, with its pages (after the filters). */
    record OrganisationRow(Organisation organisation, List<PageRow> pages) {}

    /** The register-a-page form; followers are text so that a typo is answered beside the field. */
    record PageForm(
            Platform platform,
            String externalId,
            String url,
            String displayName,
            String followerCount,
            String audienceNotes) {}

    /** The change-of-status form. */
    record StatusForm(PageStatus status, String reason) {}

    /**
     * Followers as people type them: 12000, or with thousands separated (12.000, 12,000, 12 000). A
     * minus sign is let through for the domain to answer ("must be 0 or more").
     */
    private static final Pattern FOLLOWERS = Pattern.compile("-?\\d+|\\d{1,3}([.,\\s]\\d{3})+");

    private final PartnerRegistry registry;
    private final DomainMessages messages;
    private final MessageSource labels;
    private final Flash flash;

    RegistryPageController(PartnerRegistry registry, DomainMessages messages, MessageSource labels, Flash flash) {
        this.registry = registry;
        this.messages = messages;
        this.labels = labels;
        this.flash = flash;
    }

    @GetMapping("/partners")
    String page(
            @RequestParam(required = false) Platform platform,
            @RequestParam(required = false) PageStatus status,
            WebUser me,
            Model model) {
        requireCoordinator(me);
        var actor = me.actor();
        var rule = registry.getRule();
        var byOrganisation = new LinkedHashMap<Long, List<PageRow>>();
        var listed = registry.listPages(new PageFilter(status, platform, null), actor);
        var latest = registry.latestEvaluations(listed, actor);
        for (var p : listed) {
            var last = latest.get(p.id());
            var next = Arrays.stream(PageStatus.values())
                    .filter(p.status()::canMoveTo)
                    .toList();
            byOrganisation
                    .computeIfAbsent(p.organisationId(), id -> new ArrayList<>())
                    .add(new PageRow(p, p.followerCount() >= rule.minFollowers(), last, next));
        }
        var tree = registry.listOrganisations(actor).stream()
                .map(o -> new OrganisationRow(o, byOrganisation.getOrDefault(o.id(), List.of())))
                .toList();
        model.addAttribute("selection", registry.getSelection(actor));
        model.addAttribute("tree", tree);
        model.addAttribute("platforms", Platform.values());
        model.addAttribute("statuses", PageStatus.values());
        model.addAttribute("criteria", Criterion.values());
        model.addAttribute("platform", platform);
        model.addAttribute("status", status);
        model.addAttribute("scoreMin", Evaluation.SCORE_MIN);
        model.addAttribute("scoreMax", Evaluation.SCORE_MAX);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.NONE);
        }
        return "partners";
    }

    @PostMapping("/partners/pages/{id}/status")
    String changeStatus(
            @PathVariable long id,
            @ModelAttribute StatusForm form,
            WebUser me,
            Locale locale,
            RedirectAttributes redirect) {
        requireCoordinator(me);
        var page = registry.getPage(id, me.actor());
        try {
            registry.changeStatus(id, form.status(), form.reason(), me.actor());
            flash.ok(redirect, locale, "registry.status-changed", page.label(), label(form.status(), locale));
        } catch (DomainException e) {
            refused(redirect, e, locale, "status-" + id + "-" + form.status());
            redirect.addFlashAttribute("errorPage", id);
        }
        return "redirect:/partners#page-" + id;
    }

    /** Scores come as {@code scores.CRITERION}; an empty one is left out, one that is no number is refused by the domain. */
    @PostMapping("/partners/pages/{id}/evaluations")
    String evaluate(
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            WebUser me,
            Locale locale,
            RedirectAttributes redirect) {
        requireCoordinator(me);
        var page = registry.getPage(id, me.actor());
        var scores = new EnumMap<Criterion, Integer>(Criterion.class);
        for (var criterion : Criterion.values()) {
            var typed = form.get("scores." + criterion);
            if (typed != null && !typed.isBlank()) {
                scores.put(criterion, wholeNumber(typed));
            }
        }
        try {
            registry.evaluate(id, new Evaluation.Input(scores, form.get("notes")), me.actor());
            flash.ok(redirect, locale, "registry.evaluated", page.label());
        } catch (DomainException e) {
            refused(redirect, e, locale, "evaluate-" + id);
            redirect.addFlashAttribute("errorPage", id);
            redirect.addFlashAttribute("evaluationForm", form);
        }
        return "redirect:/partners#page-" + id;
    }

    @PostMapping("/partners/organisations/{id}/pages")
    String register(
            @PathVariable long id,
            @ModelAttribute PageForm form,
            WebUser me,
            Locale locale,
            RedirectAttributes redirect) {
        requireCoordinator(me);
        registry.getOrganisation(id, me.actor());
        try {
            var page = registry.registerPage(
                    new PartnerPage.Details(
                            id,
                            form.platform(),
                            form.externalId(),
                            form.url(),
                            form.displayName(),
                            followers(form.followerCount()),
                            form.audienceNotes()),
                    me.actor());
            flash.ok(redirect, locale, "registry.registered", page.label());
            return "redirect:/partners#page-" + page.id();
        } catch (DomainException e) {
            refused(redirect, e, locale, "register-" + id);
            redirect.addFlashAttribute("pageForm", form);
            return "redirect:/partners#organisation-" + id;
        }
    }

    /** The form whose errors are shown ({@code errorForm}) opens again with them beside its fields. */
    private void refused(RedirectAttributes redirect, DomainException e, Locale locale, String formId) {
        redirect.addFlashAttribute("errors", FormErrors.of(e, messages, locale));
        redirect.addFlashAttribute("errorForm", formId);
        flash.refused(redirect, locale, e);
    }

    private String label(PageStatus status, Locale locale) {
        return labels.getMessage("registry.status." + status, null, locale);
    }

    /** Not a number: null, which the domain refuses with its own words ("must be a whole number from 1 to 5"). */
    private static Integer wholeNumber(String typed) {
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long followers(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        var plain = typed.strip();
        if (!FOLLOWERS.matcher(plain).matches() || plain.length() > 18) {
            throw InvalidInput.of("followerCount", "must be a whole number");
        }
        return Long.valueOf(plain.replaceAll("[.,\\s]", ""));
    }

    /** Whoever may change the registry in the API (its use cases say ADMIN or PLANNER); not partner admins. */
    private static void requireCoordinator(WebUser me) {
        Permissions.requireAny(me.actor(), "manage the partner registry", Role.ADMIN, Role.PLANNER);
    }
}
