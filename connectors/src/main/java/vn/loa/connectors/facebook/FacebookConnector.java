package vn.loa.connectors.facebook;

import com.restfb.DefaultFacebookClient;
import com.restfb.DefaultJsonMapper;
import com.restfb.DefaultWebRequestor;
import com.restfb.FacebookEndpoints;
import com.restfb.Parameter;
import com.restfb.Version;
import com.restfb.batch.BatchRequest;
import com.restfb.exception.FacebookException;
import com.restfb.json.Json;
import com.restfb.json.JsonObject;
import com.restfb.types.GraphResponse;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.loa.connectors.Capabilities;
import vn.loa.connectors.ChannelAccess;
import vn.loa.connectors.Comment;
import vn.loa.connectors.CommentPage;
import vn.loa.connectors.Connector;
import vn.loa.connectors.EngagementSnapshot;
import vn.loa.connectors.KeptAliveConnections;
import vn.loa.connectors.Platform;
import vn.loa.connectors.PostKind;
import vn.loa.connectors.PublishRequest;
import vn.loa.connectors.PublishedPost;
import vn.loa.connectors.UsageObserver;
import vn.loa.connectors.Violation;
import vn.loa.connectors.credentials.FacebookPageToken;
import vn.loa.connectors.error.ConnectorException;
import vn.loa.connectors.error.FailureKind;

/**
 * Facebook Pages through restfb. Each call gets its own client and web requestor: restfb keeps the
 * last response's usage headers on the requestor, which must not be shared between threads.
 */
public final class FacebookConnector implements Connector {

    static {
        // Its calls go through HttpURLConnection: enough kept-alive connections for the publish threads.
        KeptAliveConnections.ensure();
    }

    static final int BATCH_SIZE = 50;
    /** Comments per page read. */
    static final int COMMENT_PAGE = 100;

    private static final Version VERSION = Version.VERSION_24_0;

    private final FacebookSettings settings;
    private final FacebookLimits limits;
    private final UsageObserver usage;
    private final Clock clock;

    public FacebookConnector(FacebookSettings settings, UsageObserver usage, Clock clock) {
        this.settings = settings;
        this.limits = new FacebookLimits(settings);
        this.usage = usage;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.FACEBOOK;
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.publishing(EnumSet.of(PostKind.TEXT, PostKind.LINK, PostKind.PHOTO, PostKind.VIDEO))
                .withEdit()
                .withDelete()
                .withNativeScheduling(settings.scheduleMinLead(), settings.scheduleMaxLead())
                .withEngagementBatchSize(BATCH_SIZE)
                .withComments();
    }

    @Override
    public List<Violation> validate(PublishRequest draft) {
        return limits.check(draft);
    }

    @Override
    public PublishedPost publish(PublishRequest request) {
        return post(request, null);
    }

    @Override
    public PublishedPost scheduleNatively(PublishRequest request, Instant at) {
        var lead = Duration.between(clock.instant(), at);
        if (lead.compareTo(settings.scheduleMinLead()) < 0 || lead.compareTo(settings.scheduleMaxLead()) > 0) {
            throw ConnectorException.of(
                    Platform.FACEBOOK,
                    FailureKind.REJECTED,
                    "schedule-window",
                    "Facebook schedules posts between " + settings.scheduleMinLead() + " and "
                            + settings.scheduleMaxLead() + " ahead");
        }
        return post(request, at);
    }

    private PublishedPost post(PublishRequest r, Instant scheduledAt) {
        var page = r.channel().externalId();
        var params = new ArrayList<Parameter>();
        var isVideo = r.kind() == PostKind.VIDEO;
        if (r.text() != null && !r.text().isBlank()) {
            params.add(Parameter.with(isVideo ? "description" : "message", r.text()));
        }
        if (scheduledAt != null) {
            params.add(Parameter.with("published", false));
            params.add(Parameter.with("scheduled_publish_time", scheduledAt.getEpochSecond()));
        }
        return call(r.channel(), true, client -> {
            GraphResponse response;
            if (isVideo) {
                params.add(Parameter.with("file_url", r.media().get(0).url()));
                if (r.title() != null) {
                    params.add(Parameter.with("title", r.title()));
                }
                response = client.publish(page + "/videos", GraphResponse.class, params.toArray(Parameter[]::new));
            } else if (r.media().size() == 1) {
                params.add(Parameter.with("url", r.media().get(0).url()));
                response = client.publish(page + "/photos", GraphResponse.class, params.toArray(Parameter[]::new));
            } else {
                if (r.link() != null && !r.link().isBlank()) {
                    params.add(Parameter.with("link", r.link()));
                }
                // Several photos: upload each unpublished, then attach them all to one feed post.
                for (int i = 0; i < r.media().size(); i++) {
                    var photo = client.publish(
                            page + "/photos",
                            GraphResponse.class,
                            Parameter.with("url", r.media().get(i).url()),
                            Parameter.with("published", false));
                    params.add(
                            Parameter.with("attached_media[" + i + "]", "{\"media_fbid\":\"" + photo.getId() + "\"}"));
                }
                response = client.publish(page + "/feed", GraphResponse.class, params.toArray(Parameter[]::new));
            }
            var id = response.getPostId() != null ? response.getPostId() : response.getId();
            return new PublishedPost(
                    id,
                    "https://www.facebook.com/" + id,
                    scheduledAt == null ? clock.instant() : scheduledAt,
                    scheduledAt != null);
        });
    }

    @Override
    public void edit(String externalId, PublishRequest changes) {
        call(
                changes.channel(),
                true,
                client -> client.publish(
                        externalId,
                        GraphResponse.class,
                        Parameter.with("message", changes.text() == null ? "" : changes.text())));
    }

    @Override
    public void delete(ChannelAccess channel, String externalId) {
        call(channel, true, client -> client.deleteObject(externalId));
    }

    /** Matches the page's posts since {@code since} by their exact message text. */
    @Override
    public Optional<PublishedPost> findPublished(PublishRequest request, Instant since) {
        var page = request.channel().externalId();
        var wanted = request.text() == null ? "" : request.text();
        return call(request.channel(), false, client -> {
            var feed = client.fetchConnection(
                    page + "/feed",
                    JsonObject.class,
                    Parameter.with("fields", "id,message,created_time"),
                    Parameter.with("since", since.getEpochSecond()),
                    Parameter.withLimit(100));
            for (var post : feed.getData()) {
                if (wanted.equals(post.getString("message", ""))) {
                    var id = post.getString("id", null);
                    return Optional.of(new PublishedPost(
                            id,
                            "https://www.facebook.com/" + id,
                            parseTime(post.getString("created_time", null)),
                            false));
                }
            }
            return Optional.<PublishedPost>empty();
        });
    }

    @Override
    public List<PublishedPost> listNativelyScheduled(ChannelAccess channel) {
        return call(channel, false, client -> {
            var result = new ArrayList<PublishedPost>();
            var posts = client.fetchConnection(
                    channel.externalId() + "/scheduled_posts",
                    JsonObject.class,
                    Parameter.with("fields", "id,message,scheduled_publish_time"),
                    Parameter.withLimit(100));
            for (var post : posts.getData()) {
                var id = post.getString("id", null);
                result.add(new PublishedPost(
                        id,
                        "https://www.facebook.com/" + id,
                        Instant.ofEpochSecond(post.getLong("scheduled_publish_time", 0)),
                        true));
            }
            return result;
        });
    }

    /**
     * Reads reactions, comments, shares and the configured insights of up to 50 posts per batch
     * request (one Graph call per batch), since the root ?ids= lookup is going away.
     */
    @Override
    public Map<String, EngagementSnapshot> readEngagement(ChannelAccess channel, List<String> ids) {
        var result = new LinkedHashMap<String, EngagementSnapshot>();
        var fields = "reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),shares"
                + (settings.insightsMetrics().isEmpty()
                        ? ""
                        : ",insights.metric(" + String.join(",", settings.insightsMetrics()) + "){name,values}");
        for (int from = 0; from < ids.size(); from += BATCH_SIZE) {
            var slice = ids.subList(from, Math.min(ids.size(), from + BATCH_SIZE));
            var requests = slice.stream()
                    .map(id -> new BatchRequest.BatchRequestBuilder(id)
                            .parameters(Parameter.with("fields", fields))
                            .build())
                    .toList();
            var responses = call(channel, false, client -> client.executeBatch(requests));
            var now = clock.instant();
            for (int i = 0; i < slice.size(); i++) {
                var response = responses.get(i);
                var body = response == null || response.getBody() == null ? null : Json.parse(response.getBody());
                if (response == null || response.getCode() != 200) {
                    var error =
                            body != null && body.isObject() && body.asObject().contains("error")
                                    ? body.asObject().get("error").asObject()
                                    : null;
                    int code = error == null ? 0 : error.getInt("code", 0);
                    if (code == 100) {
                        continue; // the post is gone (deleted on the platform)
                    }
                    throw error == null
                            ? ConnectorException.of(
                                    Platform.FACEBOOK, FailureKind.TRANSIENT, "batch", "empty batch answer")
                            : FacebookErrors.map(error, response.getCode(), null);
                }
                result.put(slice.get(i), snapshot(slice.get(i), body.asObject(), now));
            }
        }
        return result;
    }

    private EngagementSnapshot snapshot(String id, JsonObject post, Instant now) {
        Long reactions = summaryCount(post, "reactions");
        Long comments = summaryCount(post, "comments");
        Long shares = post.contains("shares") ? post.get("shares").asObject().getLong("count", 0) : 0L;
        Long views = null;
        Long reach = null;
        if (post.contains("insights")) {
            for (var metric : post.get("insights").asObject().get("data").asArray()) {
                var m = metric.asObject();
                var values = m.get("values").asArray();
                if (values.isEmpty()) {
                    continue;
                }
                long value = values.get(values.size() - 1).asObject().getLong("value", 0);
                var name = m.getString("name", "");
                if (name.equals(settings.reachMetric())) {
                    reach = value;
                } else if (name.equals("post_media_view")) {
                    views = value;
                }
            }
        }
        return new EngagementSnapshot(id, now, reactions, comments, shares, views, reach);
    }

    private static Long summaryCount(JsonObject post, String edge) {
        if (!post.contains(edge)) {
            return 0L;
        }
        var summary = post.get(edge).asObject().get("summary");
        return summary == null ? 0L : summary.asObject().getLong("total_count", 0);
    }

    /**
     * {@code GET /{post-id}/comments} with {@code filter=stream} (replies too, flat),
     * {@code order=chronological}, {@code since} in epoch seconds and the {@code after} cursor: the
     * page's token reads the comments of its own posts. {@code from} is absent where Meta withholds
     * the commenter.
     */
    @Override
    public CommentPage readComments(ChannelAccess channel, String postExternalId, Instant since, String pageToken) {
        var params = new ArrayList<Parameter>();
        params.add(Parameter.with("fields", "id,message,created_time,like_count,from{id}"));
        params.add(Parameter.with("filter", "stream"));
        params.add(Parameter.with("order", "chronological"));
        params.add(Parameter.withLimit(COMMENT_PAGE));
        if (since != null) {
            params.add(Parameter.with("since", since.getEpochSecond()));
        }
        if (pageToken != null) {
            params.add(Parameter.with("after", pageToken));
        }
        return call(channel, false, client -> {
            var page = client.fetchConnection(
                    postExternalId + "/comments", JsonObject.class, params.toArray(Parameter[]::new));
            var comments = new ArrayList<Comment>();
            for (var c : page.getData()) {
                var from = c.contains("from") && c.get("from").isObject()
                        ? c.get("from").asObject().getString("id", null)
                        : null;
                comments.add(new Comment(
                        c.getString("id", null),
                        c.getString("message", ""),
                        parseTime(c.getString("created_time", null)),
                        c.getLong("like_count", 0),
                        from));
            }
            return new CommentPage(comments, page.hasNext() ? page.getAfterCursor() : null);
        });
    }

    @Override
    public long followerCount(ChannelAccess channel) {
        return call(
                channel,
                false,
                client -> client.fetchObject(
                                channel.externalId(), JsonObject.class, Parameter.with("fields", "followers_count"))
                        .getLong("followers_count", 0));
    }

    /** Runs one Graph interaction with a fresh client, maps failures, and reports the usage headers. */
    private <T> T call(ChannelAccess channel, boolean write, Function<DefaultFacebookClient, T> work) {
        if (!(channel.credentials().current() instanceof FacebookPageToken token)) {
            throw ConnectorException.of(
                    Platform.FACEBOOK, FailureKind.AUTH_EXPIRED, "no-token", "the channel has no Facebook page token");
        }
        var requestor = new TimedRequestor(settings);
        var client = new DefaultFacebookClient(
                token.pageToken(), token.appSecret(), requestor, new DefaultJsonMapper(), VERSION);
        client.setHeaderAuthorization(true); // keeps the token out of URLs, and so out of any error message
        client.setFacebookEndpointUrls(new FacebookEndpoints() {
            @Override
            public String getGraphEndpoint() {
                return settings.graphUrl();
            }

            @Override
            public String getGraphVideoEndpoint() {
                return settings.videoUrl();
            }
        });
        try {
            return work.apply(client);
        } catch (FacebookException e) {
            throw FacebookErrors.map(e, write, FacebookUsage.regainAccess(requestor.getDebugHeaderInfo()));
        } catch (ConnectorException e) {
            throw e;
        } catch (RuntimeException e) {
            // restfb itself fails on some malformed answers (an error body without a message, say).
            throw FacebookErrors.unreadable(write, e);
        } finally {
            FacebookUsage.report(requestor.getDebugHeaderInfo(), channel.externalId(), usage);
        }
    }

    private static Instant parseTime(String graphTime) {
        if (graphTime == null) {
            return null;
        }
        // Graph writes 2026-11-24T00:00:00+0000
        var normalised = graphTime.matches(".*[+-]\\d{4}$")
                ? graphTime.substring(0, graphTime.length() - 2) + ":" + graphTime.substring(graphTime.length() - 2)
                : graphTime;
        return OffsetDateTime.parse(normalised).toInstant();
    }

    /** restfb's requestor with connect and read timeouts, so a hung platform is an unknown outcome, not a hung thread. */
    private static final class TimedRequestor extends DefaultWebRequestor {
        private final FacebookSettings settings;

        TimedRequestor(FacebookSettings settings) {
            this.settings = settings;
        }

        @Override
        protected void customizeConnection(HttpURLConnection connection) {
            connection.setConnectTimeout((int) settings.connectTimeout().toMillis());
            connection.setReadTimeout((int) settings.readTimeout().toMillis());
        }
    }
}
