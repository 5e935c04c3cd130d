package vn.loa.app.web.composer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
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
import vn.loa.campaigns.campaign.Campaign;
import vn.loa.campaigns.campaign.CampaignFilter;
import vn.loa.campaigns.campaign.CampaignPlanning;
import vn.loa.campaigns.content.ContentItem;
import vn.loa.campaigns.content.ContentStatus;
import vn.loa.campaigns.shared.DomainException;
import vn.loa.campaigns.shared.FieldProblem;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.NotFound;
import vn.loa.campaigns.shared.PageRequest;
import vn.loa.campaigns.workflow.ContentReview;
import vn.loa.campaigns.workflow.ContentWriting;

/**
 * Page 3, the composer: master text once, a variant per platform (drafted or the author's own), live
 * previews with the platform limits checked as the author types, media by address or upload. Saving
 * and submitting go through ContentWriting and ContentReview, the same use cases as the API.
 */
@Controller
class ComposerController {

    private static final Pattern VARIANT_INDEX = Pattern.compile("^variants\\[(\\d+)](.*)$");

    private final ContentWriting writing;
    private final ContentReview review;
    private final CampaignPlanning campaigns;
    private final Previews previews;
    private final DomainMessages messages;
    private final Flash flash;

    ComposerController(
            ContentWriting writing,
            ContentReview review,
            CampaignPlanning campaigns,
            Previews previews,
            DomainMessages messages,
            Flash flash) {
        this.writing = writing;
        this.review = review;
        this.campaigns = campaigns;
        this.previews = previews;
        this.messages = messages;
        this.flash = flash;
    }

    @GetMapping("/compose")
    String blank(@RequestParam(required = false) Long campaignId, Model model) {
        return form(ComposeForm.empty(campaignId), null, FormErrors.NONE, model);
    }

    @GetMapping("/content/{id}/edit")
    String edit(@PathVariable long id, WebUser me, Model model) {
        var item = writing.getContent(id);
        return form(ComposeForm.of(item), item, FormErrors.NONE, model);
    }

    /** The previews and limit checks, re-rendered as the author types (htmx). */
    @PostMapping("/compose/preview")
    String preview(@ModelAttribute ComposeForm form, Model model, Locale locale) {
        var campaign = campaign(form.campaignId());
        model.addAttribute("previews", previews.of(form, campaign));
        model.addAttribute("messages", messages);
        return "compose :: previews";
    }

    @PostMapping("/compose")
    String create(
            @ModelAttribute ComposeForm form,
            @RequestParam(defaultValue = "save") String action,
            WebUser me,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        ContentItem saved;
        try {
            saved = writing.writeContent(form.draft(), me.actor());
        } catch (DomainException e) {
            return form(form, null, errors(e, form, locale), model);
        }
        return afterSave(saved, action, me, locale, redirect);
    }

    @PostMapping("/content/{id}/edit")
    String update(
            @PathVariable long id,
            @ModelAttribute ComposeForm form,
            @RequestParam(defaultValue = "save") String action,
            WebUser me,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        var item = writing.getContent(id);
        ContentItem saved;
        try {
            if (form.version() == null) {
                throw InvalidInput.of("version", "is required");
            }
            saved = writing.editContent(id, form.version(), form.draft(), me.actor());
        } catch (DomainException e) {
            return form(form, item, errors(e, form, locale), model);
        }
        return afterSave(saved, action, me, locale, redirect);
    }

    private String afterSave(ContentItem saved, String action, WebUser me, Locale locale, RedirectAttributes redirect) {
        if ("submit".equals(action) && saved.status().canMoveTo(ContentStatus.IN_REVIEW)) {
            try {
                review.submitForReview(saved.id(), me.actor());
                flash.ok(redirect, locale, "compose.submitted");
            } catch (DomainException e) {
                flash.refused(redirect, locale, e);
            }
        } else {
            flash.ok(redirect, locale, "compose.saved");
        }
        return "redirect:/content/" + saved.id();
    }

    private String form(ComposeForm form, ContentItem item, FormErrors errors, Model model) {
        var campaign = campaign(form.campaignId());
        model.addAttribute("form", form);
        model.addAttribute("item", item);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "campaigns",
                campaigns
                        .findCampaigns(
                                new CampaignFilter(null, null, null, null, null),
                                PageRequest.of(0, PageRequest.MAX_SIZE))
                        .items());
        model.addAttribute("previews", previews.of(form, campaign));
        model.addAttribute("messages", messages);
        return "compose";
    }

    private Campaign campaign(Long id) {
        if (id == null) {
            return null;
        }
        try {
            return campaigns.getCampaign(id);
        } catch (NotFound e) {
            return null;
        }
    }

    /** The domain numbers variants by their place in the request; the form shows them by platform. */
    private FormErrors errors(DomainException e, ComposeForm form, Locale locale) {
        if (!(e instanceof InvalidInput invalid)) {
            return FormErrors.of(e, messages, locale);
        }
        var variants = form.variants();
        var renamed = new ArrayList<FieldProblem>();
        for (var p : invalid.problems()) {
            var m = VARIANT_INDEX.matcher(p.field());
            if (m.matches() && Integer.parseInt(m.group(1)) < variants.size()) {
                var platform = variants.get(Integer.parseInt(m.group(1))).platform();
                renamed.add(new FieldProblem("variants[" + platform + "]" + m.group(2), p.message()));
            } else {
                renamed.add(p);
            }
        }
        return FormErrors.of(new InvalidInput(List.copyOf(renamed)), messages, locale);
    }
}
