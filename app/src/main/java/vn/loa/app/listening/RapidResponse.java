package vn.loa.app.listening;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.app.amplify.JdbcNotifications;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.amplify.NoticeKind;
import vn.loa.campaigns.content.ContentDraft;
import vn.loa.campaigns.delivery.DeliveryRepository;
import vn.loa.campaigns.listening.Topic;
import vn.loa.campaigns.listening.TopicRepository;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.NotFound;
import vn.loa.campaigns.workflow.ContentWriting;

/**
 * From a signal (a spike, or a comment someone picked) to a rebuttal draft in one action: the
 * draft is written in the source post's campaign, on the rapid-response lane, quoting the post and
 * the comments; the signal keeps it (one rebuttal per signal); the approvers on duty are told.
 * Approval then publishes it at once on the official channels and pushes it to partners.
 */
@Service
public class RapidResponse {

    /** The rebuttal of a signal; {@code created} is false when it had been drafted before. */
    public record Drafted(long signalId, long contentId, boolean created) {}

    static final int QUOTES = 5;
    private static final int QUOTE_MAX = 500;

    private final SignalStore signals;
    private final CommentStore comments;
    private final TopicRepository topics;
    private final DeliveryRepository deliveries;
    private final ContentWriting writing;
    private final JdbcNotifications notifications;
    private final Clock clock;

    public RapidResponse(
            SignalStore signals,
            CommentStore comments,
            TopicRepository topics,
            DeliveryRepository deliveries,
            ContentWriting writing,
            JdbcNotifications notifications,
            Clock clock) {
        this.signals = signals;
        this.comments = comments;
        this.topics = topics;
        this.deliveries = deliveries;
        this.writing = writing;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Drafts the rebuttal of a signal (or returns the one drafted before). */
    @Transactional
    public Drafted fromSignal(long signalId, Actor actor) {
        Permissions.requireAny(actor, "draft a rebuttal", Role.PLANNER, Role.ADMIN);
        var stored = signals.lock(signalId).orElseThrow(() -> new NotFound("signal", signalId));
        if (stored.contentId() != null) {
            return new Drafted(signalId, stored.contentId(), false);
        }
        var signal = stored.what();
        var ids = new LinkedHashSet<Long>();
        if (signal.commentId() != null) {
            ids.add(signal.commentId());
        }
        ids.addAll(signal.examples());
        var quoted = comments.comments(ids);
        Long deliveryId = signal.deliveryId() != null
                ? signal.deliveryId()
                : quoted.isEmpty() ? null : quoted.get(0).deliveryId();
        if (deliveryId == null) {
            throw InvalidInput.of("signal", "this signal has no source post to answer");
        }
        var delivery = deliveries.find(deliveryId).orElseThrow(() -> new NotFound("delivery", deliveryId));
        var source = writing.getContent(delivery.contentId());
        var topic =
                signal.topicId() == null ? null : topics.find(signal.topicId()).orElse(null);
        var title = "Phản bác: " + (topic != null ? topic.name() : source.title());
        if (title.length() > 300) {
            title = title.substring(0, 299) + "…";
        }
        var body = body(source.title(), delivery.externalRef(), topic, quoted);
        var draft =
                new ContentDraft(source.campaignId(), title, body, source.link(), List.of(), source.tags(), null, true);
        var content = writing.writeContent(draft, actor);
        signals.drafted(signalId, content.id(), clock.instant(), actor.username());
        notifications.sendToUsers(
                notifications.onDutyApprovers(),
                NoticeKind.REBUTTAL_DRAFTED,
                "Phản bác cần duyệt sớm: " + title,
                "Một bản phản bác (nội dung #" + content.id() + ") vừa được soạn từ tín hiệu lắng nghe #" + signalId
                        + ". Khi được gửi duyệt, người trực phê duyệt sẽ đăng ngay lên kênh chính thức.");
        return new Drafted(signalId, content.id(), true);
    }

    /** Drafts the rebuttal of one comment: its signal is made (once) and drafted from. */
    @Transactional
    public Drafted fromComment(long commentId, Actor actor) {
        Permissions.requireAny(actor, "draft a rebuttal", Role.PLANNER, Role.ADMIN);
        var found = comments.comments(List.of(commentId));
        if (found.isEmpty()) {
            throw new NotFound("comment", commentId);
        }
        var existing = signals.ofComment(commentId);
        if (existing.isPresent()) {
            return fromSignal(existing.get().id(), actor);
        }
        var comment = found.get(0);
        var id = signals.insert(new SignalStore.NewSignal(
                SignalKind.COMMENT,
                comments.rumourOf(commentId).orElse(null),
                comment.channelId(),
                comment.deliveryId(),
                commentId,
                clock.instant(),
                null,
                null,
                null,
                List.of()));
        return fromSignal(id, actor);
    }

    private static String body(
            String sourceTitle, String postRef, Topic topic, List<CommentStore.StoredComment> quoted) {
        var lines = new ArrayList<String>();
        lines.add("[Bản nháp phản bác: viết thông tin chính thức tại đây, rồi gửi duyệt.]");
        lines.add("");
        if (topic != null) {
            lines.add("Chủ đề: " + topic.name());
        }
        lines.add("Bài gốc: «" + sourceTitle + "» (" + postRef + ")");
        if (!quoted.isEmpty()) {
            lines.add("Bình luận:");
            quoted.stream()
                    .limit(QUOTES)
                    .forEach(c -> lines.add("«" + shorten(c.body()) + "» (" + c.likeCount() + " lượt thích)"));
        }
        return String.join("\n", lines);
    }

    private static String shorten(String text) {
        return text.length() <= QUOTE_MAX ? text : text.substring(0, QUOTE_MAX - 1) + "…";
    }
}
