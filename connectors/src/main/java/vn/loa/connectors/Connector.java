package vn.loa.connectors;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.loa.connectors.error.ConnectorException;
import vn.loa.connectors.error.FailureKind;

/**
 * One platform behind one small interface. Every failure is a
 * {@link vn.loa.connectors.error.ConnectorException} whose {@link vn.loa.connectors.error.FailureKind}
 * tells the caller what to do next.
 */
public interface Connector {

    Platform platform();

    Capabilities capabilities();

    /** The platform limits a draft breaks; empty when it can be approved. Makes no network call. */
    List<Violation> validate(PublishRequest draft);

    /** Publishes now. */
    PublishedPost publish(PublishRequest request);

    /** Hands the post to the platform's own scheduler, to go live at {@code at}. */
    PublishedPost scheduleNatively(PublishRequest request, Instant at);

    /** Changes a published or natively scheduled post, where the platform allows it. */
    void edit(String externalId, PublishRequest changes);

    void delete(ChannelAccess channel, String externalId);

    /**
     * Settles an attempt whose outcome is unknown: the post this request made, if the platform has
     * it, looked for among the channel's posts made since {@code since}.
     */
    Optional<PublishedPost> findPublished(PublishRequest request, Instant since);

    /**
     * As {@link #findPublished(PublishRequest, Instant)}, following up first what the platform gave
     * when it accepted the write ({@link WriteReceipts}); {@code receipt} may be null. A connector
     * that cannot tell yet (the platform is still processing) throws an UNKNOWN_OUTCOME
     * {@link vn.loa.connectors.error.ConnectorException} rather than answer "not there".
     */
    default Optional<PublishedPost> findPublished(PublishRequest request, Instant since, String receipt) {
        return findPublished(request, since);
    }

    /**
     * Finishes a post that settling found on the platform (the write went through, its answer was
     * lost): what the platform takes only once the post exists and publishing would have done next
     * (YouTube: the cover as thumbnail). Never fails: answers what it could not do.
     */
    default List<PublishWarning> completeFound(PublishRequest request, PublishedPost found) {
        return List.of();
    }

    /** Posts the platform's scheduler holds for the channel, for reconciliation. */
    List<PublishedPost> listNativelyScheduled(ChannelAccess channel);

    /** Engagement of many posts, read in the platform's batch size; posts the platform no longer has are left out. */
    Map<String, EngagementSnapshot> readEngagement(ChannelAccess channel, List<String> externalIds);

    long followerCount(ChannelAccess channel);

    /**
     * Whether each post is visible to the public; posts the platform no longer has are left out.
     * Where the platform shows whatever it holds, holding it is being visible: the engagement read
     * answers that.
     */
    default Map<String, Visibility> readVisibility(ChannelAccess channel, List<String> externalIds) {
        var result = new LinkedHashMap<String, Visibility>();
        for (var id : readEngagement(channel, externalIds).keySet()) {
            result.put(id, Visibility.shown(id));
        }
        return result;
    }

    /**
     * One page of the comments under a post made at or after {@code since} (null: all of them),
     * starting at {@code pageToken} (null: the first page). The page is in the platform's order; the
     * caller keeps its own mark and de-duplicates by comment id. Only where
     * {@link Capabilities#comments()} says so; elsewhere refused as REJECTED.
     */
    default CommentPage readComments(ChannelAccess channel, String postExternalId, Instant since, String pageToken) {
        throw ConnectorException.of(
                platform(), FailureKind.REJECTED, "no-comment-api", platform() + " gives no API to read comments");
    }
}
