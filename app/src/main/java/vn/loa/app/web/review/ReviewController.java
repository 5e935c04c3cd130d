package vn.loa.app.web.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.app.content.ReviewSnapshots;
import vn.loa.app.security.UserAccounts;
import vn.loa.app.web.DomainMessages;
import vn.loa.app.web.Flash;
import vn.loa.app.web.FormErrors;
import vn.loa.app.web.WebUser;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.campaign.Campaign;
import vn.loa.campaigns.campaign.CampaignPlanning;
import vn.loa.campaigns.content.ContentFilter;
import vn.loa.campaigns.content.ContentItem;
import vn.loa.campaigns.content.ContentStatus;
import vn.loa.campaigns.shared.DomainException;
import vn.loa.campaigns.shared.FieldProblem;
import vn.loa.campaigns.shared.PageRequest;
import vn.loa.campaigns.workflow.ContentReview;
import vn.loa.campaigns.workflow.ContentWriting;

/**
 * Page 4, the approval queue: items waiting, rebuttals first (with an alert for the on-duty approver),
 * what changed since the last review as a difference, and approve or reject-with-a-reason, through
 * ContentReview like the API (nobody approves their own item).
 */
@Controller
class ReviewController {

    /** One waiting item with what the approver needs to decide. */
    record Waiting(
            ContentItem item,
            Campaign campaign,
            boolean firstReview,
            ContentStatus lastOutcome,
            String lastReason,
            List<Changes.Change> changes,
            List<FieldProblem> limits) {}

    private final ContentWriting writing;
    private final ContentReview review;
    private final CampaignPlanning campaigns;
    private final ReviewSnapshots snapshots;
    private final UserAccounts accounts;
    private final DomainMessages messages;
    private final Flash flash;

    ReviewController(
            ContentWriting writing,
            ContentReview review,
            CampaignPlanning campaigns,
            ReviewSnapshots snapshots,
            UserAccounts accounts,
            DomainMessages messages,
            Flash flash) {
        this.writing = writing;
        this.review = review;
        this.campaigns = campaigns;
        this.snapshots = snapshots;
        this.accounts = accounts;
        this.messages = messages;
        this.flash = flash;
    }

    @GetMapping("/review")
    String queue(WebUser me, Model model) {
        Permissions.requireAny(me.actor(), "review content", Role.APPROVER, Role.ADMIN);
        var items = new ArrayList<>(writing.findContent(
                        new ContentFilter(null, null, null, ContentStatus.IN_REVIEW, null, null),
                        PageRequest.of(0, PageRequest.MAX_SIZE))
                .items());
        items.sort(Comparator.comparing((ContentItem i) -> !i.rebuttal())
                .thenComparing(ContentItem::updatedAt)
                .thenComparing(ContentItem::id));
        var waiting = new ArrayList<Waiting>();
        for (var item : items) {
            var last = snapshots.last(item.id());
            waiting.add(new Waiting(
                    item,
                    campaigns.getCampaign(item.campaignId()),
                    last.isEmpty(),
                    last.map(ReviewSnapshots.Snapshot::outcome).orElse(null),
                    last.isPresent() && last.get().outcome() == ContentStatus.REJECTED ? item.rejectionReason() : null,
                    last.map(s -> Changes.since(s, item)).orElse(List.of()),
                    review.findLimitProblems(item.id())));
        }
        model.addAttribute("waiting", waiting);
        model.addAttribute(
                "rebuttals", waiting.stream().filter(w -> w.item().rebuttal()).count());
        model.addAttribute("messages", messages);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.NONE);
            model.addAttribute("errorItem", -1L);
        }
        return "review";
    }

    @PostMapping("/review/{id}/approve")
    String approve(
            @PathVariable long id,
            @RequestParam(required = false) String note,
            WebUser me,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            var approved = review.approve(id, me.actor(), note == null || note.isBlank() ? null : note.strip());
            flash.ok(
                    redirect,
                    locale,
                    approved.status() == ContentStatus.SCHEDULED ? "review.approved-scheduled" : "review.approved",
                    approved.title());
        } catch (DomainException e) {
            refused(id, e, locale, redirect);
        }
        return "redirect:/review";
    }

    @PostMapping("/review/{id}/reject")
    String reject(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            WebUser me,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            var rejected = review.reject(id, me.actor(), reason);
            flash.ok(redirect, locale, "review.rejected", rejected.title());
        } catch (DomainException e) {
            refused(id, e, locale, redirect);
        }
        return "redirect:/review";
    }

    /** The on-duty approver approves rebuttals, which then publish at once. */
    @PostMapping("/review/duty")
    String duty(@RequestParam boolean onDuty, WebUser me, Locale locale, RedirectAttributes redirect) {
        Permissions.requireAny(me.actor(), "go on duty", Role.APPROVER, Role.ADMIN);
        accounts.setOnDuty(me.username(), onDuty);
        flash.ok(redirect, locale, onDuty ? "review.on-duty" : "review.off-duty");
        return "redirect:/review";
    }

    private void refused(long id, DomainException e, Locale locale, RedirectAttributes redirect) {
        redirect.addFlashAttribute("errors", FormErrors.of(e, messages, locale));
        redirect.addFlashAttribute("errorItem", id);
    }
}
