package vn.loa.app.content;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.app.api.ApiTimes;
import vn.loa.app.api.AuditView;
import vn.loa.app.api.PageView;
import vn.loa.app.delivery.DeliveryViews;
import vn.loa.app.delivery.DeliveryViews.DeliveryView;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.content.ContentDraft;
import vn.loa.campaigns.content.ContentFilter;
import vn.loa.campaigns.content.ContentItem;
import vn.loa.campaigns.content.ContentStatus;
import vn.loa.campaigns.content.ContentVariant;
import vn.loa.campaigns.shared.FieldProblem;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.PageRequest;
import vn.loa.campaigns.workflow.ContentReview;
import vn.loa.campaigns.workflow.ContentWriting;
import vn.loa.campaigns.workflow.Correction;
import vn.loa.campaigns.workflow.PublishedPosts;
import vn.loa.campaigns.workflow.Scheduling;

@RestController
@RequestMapping("/api/content")
class ContentController {

    record ContentView(
            long id,
            long campaignId,
            String title,
            String body,
            String link,
            List<String> media,
            List<String> tags,
            List<ContentVariant> variants,
            ContentStatus status,
            String author,
            String rejectionReason,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            long version,
            boolean rebuttal) {}

    /** An edit names the version it was made from, so a concurrent edit is refused rather than lost. */
    record ContentEdit(
            Long version,
            String title,
            String body,
            String link,
            List<String> media,
            List<String> tags,
            List<ContentVariant> variants,
            Long campaignId,
            Boolean rebuttal) {}

    record Note(String note) {}

    record CorrectionView(
            long id,
            long contentId,
            ContentVariant variant,
            Correction.Status status,
            String proposedBy,
            OffsetDateTime proposedAt,
            String decidedBy,
            OffsetDateTime decidedAt,
            String note) {}

    record Reason(String reason) {}

    record ScheduleRequest(List<Long> channelIds, OffsetDateTime at) {}

    private final ContentWriting writing;
    private final ContentReview review;
    private final Scheduling scheduling;
    private final DeliveryViews deliveryViews;
    private final ApiTimes times;
    private final PublishedPosts published;

    ContentController(
            ContentWriting writing,
            ContentReview review,
            Scheduling scheduling,
            DeliveryViews deliveryViews,
            ApiTimes times,
            PublishedPosts published) {
        this.published = published;
        this.writing = writing;
        this.review = review;
        this.scheduling = scheduling;
        this.deliveryViews = deliveryViews;
        this.times = times;
    }

    @GetMapping
    PageView<ContentView> find(
            @RequestParam(required = false) Long campaignId,
            @RequestParam(required = false) Long themeId,
            @RequestParam(required = false) Long channelId,
            @RequestParam(required = false) ContentStatus status,
            @RequestParam(required = false) String author,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Actor actor) {
        requireReader(actor);
        var filter = new ContentFilter(campaignId, themeId, channelId, status, author, ApiTimes.range(from, to));
        return PageView.of(
                writing.findContent(filter, PageRequest.of(page, size)).map(this::view));
    }

    @GetMapping("/{id}")
    ContentView get(@PathVariable long id, Actor actor) {
        requireReader(actor);
        return view(writing.getContent(id));
    }

    @GetMapping("/{id}/history")
    List<AuditView> history(@PathVariable long id, Actor actor) {
        requireReader(actor);
        return writing.contentHistory(id).stream()
                .map(e -> AuditView.of(e, times))
                .toList();
    }

    /** What each variant breaks of its platform's limits; empty when the item can be submitted and approved. */
    @GetMapping("/{id}/checks")
    List<FieldProblem> checks(@PathVariable long id, Actor actor) {
        requireReader(actor);
        return review.findLimitProblems(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ContentView write(@RequestBody ContentDraft body, Actor actor) {
        return view(writing.writeContent(body, actor));
    }

    @PutMapping("/{id}")
    ContentView edit(@PathVariable long id, @RequestBody ContentEdit body, Actor actor) {
        if (body.version() == null) {
            throw InvalidInput.of("version", "is required: send the version you edited");
        }
        var draft = new ContentDraft(
                body.campaignId(),
                body.title(),
                body.body(),
                body.link(),
                body.media(),
                body.tags(),
                body.variants(),
                body.rebuttal());
        return view(writing.editContent(id, body.version(), draft, actor));
    }

    @PostMapping("/{id}/submit")
    ContentView submit(@PathVariable long id, Actor actor) {
        return view(review.submitForReview(id, actor));
    }

    @PostMapping("/{id}/approve")
    ContentView approve(@PathVariable long id, @RequestBody(required = false) Note body, Actor actor) {
        return view(review.approve(id, actor, body == null ? null : body.note()));
    }

    @PostMapping("/{id}/reject")
    ContentView reject(@PathVariable long id, @RequestBody(required = false) Reason body, Actor actor) {
        return view(review.reject(id, actor, body == null ? null : body.reason()));
    }

    @PostMapping("/{id}/schedule")
    @ResponseStatus(HttpStatus.CREATED)
    List<DeliveryView> schedule(
            @PathVariable long id, @RequestBody(required = false) ScheduleRequest body, Actor actor) {
        var request = body == null ? new ScheduleRequest(null, null) : body;
        return deliveryViews.of(scheduling.schedule(id, request.channelIds(), request.at(), actor));
    }

    /**
     * After publishing: proposes a corrected variant for one platform (202). It reaches the posts
     * once an approver other than its author approves it ({@code POST /api/corrections/{id}/approve}).
     */
    @PutMapping("/{id}/published-variant")
    @ResponseStatus(HttpStatus.ACCEPTED)
    CorrectionView correctPublished(@PathVariable long id, @RequestBody ContentVariant body, Actor actor) {
        return correctionView(published.proposeCorrection(id, body, actor));
    }

    @GetMapping("/{id}/corrections")
    List<CorrectionView> corrections(@PathVariable long id, Actor actor) {
        requireReader(actor);
        return published.corrections(id).stream().map(this::correctionView).toList();
    }

    @PostMapping("/corrections/{correctionId}/approve")
    CorrectionView approveCorrection(
            @PathVariable long correctionId, @RequestBody(required = false) Note body, Actor actor) {
        return correctionView(published.approveCorrection(correctionId, actor, body == null ? null : body.note()));
    }

    @PostMapping("/corrections/{correctionId}/reject")
    CorrectionView rejectCorrection(
            @PathVariable long correctionId, @RequestBody(required = false) Reason body, Actor actor) {
        return correctionView(published.rejectCorrection(correctionId, actor, body == null ? null : body.reason()));
    }

    @PostMapping("/{id}/cancel")
    ContentView cancel(@PathVariable long id, @RequestBody(required = false) Reason body, Actor actor) {
        return view(scheduling.cancelContent(id, actor, body == null ? null : body.reason()));
    }

    /** Partner admins work from content packs, not from the editorial pipeline. */
    private static void requireReader(Actor actor) {
        Permissions.requireAny(
                actor, "read the editorial pipeline", Role.ADMIN, Role.PLANNER, Role.APPROVER, Role.LEADERSHIP);
    }

    private CorrectionView correctionView(Correction c) {
        return new CorrectionView(
                c.id(),
                c.contentId(),
                c.variant(),
                c.status(),
                c.proposedBy(),
                times.inCity(c.proposedAt()),
                c.decidedBy(),
                times.inCity(c.decidedAt()),
                c.note());
    }

    private ContentView view(ContentItem i) {
        return new ContentView(
                i.id(),
                i.campaignId(),
                i.title(),
                i.body(),
                i.link(),
                i.media(),
                i.tags(),
                List.copyOf(i.variants().values()),
                i.status(),
                i.author(),
                i.rejectionReason(),
                times.inCity(i.createdAt()),
                times.inCity(i.updatedAt()),
                i.version(),
                i.rebuttal());
    }
}
