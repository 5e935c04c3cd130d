package vn.loa.connectors.youtube;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.InputStreamContent;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.util.DateTime;
import com.google.api.services.youtube.YouTube;
import com.google.api.services.youtube.model.CommentThread;
import com.google.api.services.youtube.model.CommentThreadListResponse;
import com.google.api.services.youtube.model.PlaylistItem;
import com.google.api.services.youtube.model.Video;
import com.google.api.services.youtube.model.VideoSnippet;
import com.google.api.services.youtube.model.VideoStatus;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.UserCredentials;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.loa.connectors.Capabilities;
import vn.loa.connectors.ChannelAccess;
import vn.loa.connectors.Comment;
import vn.loa.connectors.CommentPage;
import vn.loa.connectors.Connector;
import vn.loa.connectors.EngagementSnapshot;
import vn.loa.connectors.KeptAliveConnections;
import vn.loa.connectors.MediaFetcher;
import vn.loa.connectors.Platform;
import vn.loa.connectors.PostKind;
import vn.loa.connectors.PublishRequest;
import vn.loa.connectors.PublishWarning;
import vn.loa.connectors.PublishedPost;
import vn.loa.connectors.Violation;
import vn.loa.connectors.Visibility;
import vn.loa.connectors.WriteReceipts;
import vn.loa.connectors.credentials.YouTubeOAuth;
import vn.loa.connectors.error.ConnectorException;
import vn.loa.connectors.error.FailureKind;

/**
 * YouTube through Google's Data API client: resumable uploads, scheduled publishing with
 * status.publishAt (private until then), statistics of up to 50 videos a call, and quota counted
 * before each call.
 */
public final class YouTubeConnector implements Connector {

    static {
        // Its calls go through HttpURLConnection: enough kept-alive connections for the publish threads.
        KeptAliveConnections.ensure();
    }

    static final int BATCH_SIZE = 50;
    /** Comment threads per page (the API's most). */
    static final int COMMENT_PAGE = 100;
    /** Reasons that mean a video has no comments to read: turned off, or the video is gone. */
    private static final Set<String> NO_COMMENTS = Set.of("commentsDisabled", "videoNotFound");

    private final YouTubeSettings settings;
    private final YouTubeQuota quota;
    private final MediaFetcher media;
    private final UploadProgress progress;
    private final WriteReceipts receipts;
    private final Clock clock;
    private final YouTubeLimits limits = new YouTubeLimits();
    private final NetHttpTransport transport = new NetHttpTransport();
    private final Map<String, Authorised> authorised = new ConcurrentHashMap<>();

    private record Authorised(YouTubeOAuth source, UserCredentials credentials) {}

    private interface Call<T> {
        T run(YouTube api) throws IOException;
    }

    /** Which of the project's quota buckets a call draws on, and so which one Google's "quotaExceeded" empties. */
    private enum Bucket {
        UNITS,
        UPLOADS
    }

    public YouTubeConnector(
            YouTubeSettings settings, YouTubeQuota quota, MediaFetcher media, UploadProgress progress, Clock clock) {
        this(settings, quota, media, progress, WriteReceipts.NONE, clock);
    }

    /** {@code receipts} keeps each upload's session URI with its attempt, so that an interrupted upload resumes. */
    public YouTubeConnector(
            YouTubeSettings settings,
            YouTubeQuota quota,
            MediaFetcher media,
            UploadProgress progress,
            WriteReceipts receipts,
            Clock clock) {
        this.settings = settings;
        this.quota = quota;
        this.media = media;
        this.progress = progress;
        this.receipts = receipts;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.YOUTUBE;
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.publishing(EnumSet.of(PostKind.VIDEO))
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
        return upload(request, null);
    }

    @Override
    public PublishedPost scheduleNatively(PublishRequest request, Instant at) {
        if (!at.isAfter(clock.instant())) {
            throw ConnectorException.of(
                    Platform.YOUTUBE,
                    FailureKind.REJECTED,
                    "invalidPublishAt",
                    "a scheduled YouTube video needs a publish time in the future");
        }
        return upload(request, at);
    }

    private PublishedPost upload(PublishRequest r, Instant publishAt) {
        var project = oauth(r.channel()).projectId();
        var kept = ResumableUpload.Session.of(r.receipt());
        // A kept session is the same videos.insert going on: the upload bucket was charged when it opened.
        if (kept.isEmpty()) {
            quota.spendUpload(project);
        }
        var video = new Video().setSnippet(snippet(r)).setStatus(status(publishAt));
        var uploaded = call(r.channel(), true, Bucket.UPLOADS, api -> {
            var upload = new ResumableUpload(api.getRequestFactory(), settings.chunkSize());
            var file = media.fetch(r.media().get(0));
            try (var stream = file.stream()) {
                long from = 0;
                ResumableUpload.Session session = null;
                if (kept.isPresent()) {
                    var standing = upload.standing(kept.get());
                    if (standing instanceof ResumableUpload.Standing.Complete complete) {
                        return complete.video();
                    }
                    if (standing instanceof ResumableUpload.Standing.Received received) {
                        session = kept.get();
                        from = received.bytes();
                    } else {
                        // The session expired before the file was whole: no video came of it.
                        quota.spendUpload(project);
                    }
                }
                if (session == null) {
                    session = upload.start(settings.rootUrl(), video, file.length(), file.contentType());
                }
                // Kept before the first byte goes, so that whatever cuts the upload off, the next
                // attempt (or the settler) asks this session where it stands instead of uploading anew.
                receipts.accepted(r.idempotencyKey(), session.receipt());
                stream.skipNBytes(from);
                return upload.send(
                        session,
                        stream,
                        from,
                        file.contentType(),
                        held -> progress.progressed(r.idempotencyKey(), held, file.length()));
            }
        });
        // The insert answer says who can see the video: a video kept private when it should be
        // public now is no success, whatever Loa asked for.
        var hidden = notAsAsked(uploaded.getStatus(), publishAt == null);
        if (hidden.isPresent()) {
            throw new ConnectorException(
                    Platform.YOUTUBE,
                    FailureKind.NOT_PUBLIC,
                    uploaded.getStatus().getPrivacyStatus() + "/"
                            + uploaded.getStatus().getUploadStatus(),
                    null,
                    null,
                    hidden.get() + "; the video is on the channel as " + uploaded.getId(),
                    "uploaded as " + uploaded.getId() + " but not public",
                    null);
        }
        // The video exists and is as asked: from here nothing may fail it or upload it again.
        var warnings = r.cover() == null ? List.<PublishWarning>of() : thumbnail(r, project, uploaded.getId());
        return new PublishedPost(
                uploaded.getId(),
                "https://www.youtube.com/watch?v=" + uploaded.getId(),
                publishAt == null ? clock.instant() : publishAt,
                publishAt != null,
                warnings);
    }

    /** A video found by settling gets its thumbnail as an answered upload would have. */
    @Override
    public List<PublishWarning> completeFound(PublishRequest request, PublishedPost found) {
        return request.cover() == null
                ? List.of()
                : thumbnail(request, oauth(request.channel()).projectId(), found.externalId());
    }

    /**
     * Sets the variant's cover as the video's custom thumbnail: {@code thumbnails.set} (about 50
     * units, image/jpeg, image/png or application/octet-stream, sent in one request), once the video
     * exists. Any refusal — the channel not verified for custom thumbnails (403 forbidden), an image
     * YouTube cannot use (invalidImage, mediaBodyRequired), too many thumbnails lately
     * (uploadRateLimitExceeded), no quota left, no answer — becomes a warning on the published post,
     * never a failure: the video is out and a retry would upload it again.
     */
    private List<PublishWarning> thumbnail(PublishRequest r, String project, String videoId) {
        try {
            quota.spendUnits(project, "thumbnails");
            call(r.channel(), true, api -> {
                var image = media.fetch(r.cover());
                try (var stream = image.stream()) {
                    var content = new InputStreamContent(image.contentType(), stream);
                    if (image.length() >= 0) {
                        content.setLength(image.length());
                    }
                    var set = api.thumbnails().set(videoId, content);
                    // One request (the image is small), not gzipped (a JPEG or PNG is compressed already).
                    set.getMediaHttpUploader().setDirectUploadEnabled(true);
                    set.setDisableGZipContent(true);
                    return set.execute();
                }
            });
            return List.of();
        } catch (ConnectorException e) {
            return List.of(new PublishWarning(
                    PublishWarning.Kind.THUMBNAIL_NOT_SET,
                    e.platformCode(),
                    "YouTube published the video without its thumbnail (" + thumbnailRefusal(e)
                            + "); set it in YouTube Studio",
                    // An unverified channel is refused every thumbnail: its people are told.
                    "forbidden".equals(e.platformCode())));
        }
    }

    /** What a thumbnails.set refusal means for the people who asked for the cover. */
    private static String thumbnailRefusal(ConnectorException e) {
        var code = e.platformCode() == null ? "" : e.platformCode();
        return switch (code) {
            case "forbidden" ->
                "the channel may not set custom thumbnails: YouTube allows them only on verified channels";
            case "invalidImage" -> "YouTube could not use the cover image";
            case "mediaBodyRequired" -> "the cover image arrived empty";
            case "uploadRateLimitExceeded" -> "the channel has set too many thumbnails recently";
            case "videoNotFound" -> "YouTube did not find the video to set it on";
            default -> e.userMessage() != null ? e.userMessage() + ", " + code : e.getMessage();
        };
    }

    /**
     * Why a video is not as it should be, from its {@code status} (YouTube Data API reference,
     * videos resource: {@code uploadStatus} deleted/failed/processed/rejected/uploaded with
     * {@code failureReason} or {@code rejectionReason}; {@code privacyStatus}); empty when it is.
     * {@code publicNow} is true for an immediate publish and for a scheduled one past its instant.
     */
    static Optional<String> notAsAsked(VideoStatus status, boolean publicNow) {
        if (status == null) {
            return Optional.empty();
        }
        if ("rejected".equals(status.getUploadStatus())) {
            return Optional.of(
                    "YouTube rejected the video (" + or(status.getRejectionReason(), "no reason given") + ")");
        }
        if ("failed".equals(status.getUploadStatus())) {
            return Optional.of(
                    "YouTube could not process the video (" + or(status.getFailureReason(), "no reason given") + ")");
        }
        if ("deleted".equals(status.getUploadStatus())) {
            return Optional.of("YouTube deleted the video");
        }
        if (publicNow && status.getPrivacyStatus() != null && !"public".equals(status.getPrivacyStatus())) {
            return Optional.of("YouTube made the video " + status.getPrivacyStatus()
                    + " though it should be public: uploads from a Google Cloud project created after"
                    + " 2020-07-28 stay private until the project passes Google's API audit");
        }
        return Optional.empty();
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Changes title, description and tags; update overwrites the whole snippet, so title and category are resent. */
    @Override
    public void edit(String externalId, PublishRequest changes) {
        quota.spendUnits(oauth(changes.channel()).projectId(), "update");
        var video = new Video().setId(externalId).setSnippet(snippet(changes));
        call(
                changes.channel(),
                true,
                api -> api.videos().update(List.of("snippet"), video).execute());
    }

    @Override
    public void delete(ChannelAccess channel, String externalId) {
        quota.spendUnits(oauth(channel).projectId(), "delete");
        call(channel, true, api -> {
            api.videos().delete(externalId).execute();
            return null;
        });
    }

    /**
     * An attempt that kept an upload session asks that session first: complete, the video is the
     * post; still partial, there is no video yet (the next attempt resumes the same session); only an
     * expired session falls back to the channel's uploads.
     */
    @Override
    public Optional<PublishedPost> findPublished(PublishRequest request, Instant since, String receipt) {
        var kept = ResumableUpload.Session.of(receipt);
        if (kept.isPresent()) {
            var standing = call(
                    request.channel(),
                    false,
                    api -> new ResumableUpload(api.getRequestFactory(), settings.chunkSize()).standing(kept.get()));
            if (standing instanceof ResumableUpload.Standing.Complete complete) {
                var id = complete.video().getId();
                return Optional.of(
                        new PublishedPost(id, "https://www.youtube.com/watch?v=" + id, clock.instant(), false));
            }
            if (standing instanceof ResumableUpload.Standing.Received) {
                return Optional.empty();
            }
        }
        return findPublished(request, since);
    }

    /** Looks among the channel's uploads since {@code since} for a video with the request's title. */
    @Override
    public Optional<PublishedPost> findPublished(PublishRequest request, Instant since) {
        for (var upload : recentUploads(request.channel())) {
            if (upload.title().equals(request.title()) && !upload.uploadedAt().isBefore(since.minusSeconds(60))) {
                return Optional.of(new PublishedPost(
                        upload.id(), "https://www.youtube.com/watch?v=" + upload.id(), upload.uploadedAt(), false));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<PublishedPost> listNativelyScheduled(ChannelAccess channel) {
        var ids = recentUploads(channel).stream().map(Upload::id).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        quota.spendUnits(oauth(channel).projectId(), "list");
        var videos = call(
                channel,
                false,
                api -> api.videos().list(List.of("status")).setId(ids).execute().getItems());
        var scheduled = new ArrayList<PublishedPost>();
        for (var v : videos) {
            if (v.getStatus() != null
                    && v.getStatus().getPublishAt() != null
                    && "private".equals(v.getStatus().getPrivacyStatus())) {
                scheduled.add(new PublishedPost(
                        v.getId(),
                        "https://www.youtube.com/watch?v=" + v.getId(),
                        Instant.ofEpochMilli(v.getStatus().getPublishAt().getValue()),
                        true));
            }
        }
        return scheduled;
    }

    /** Views, likes (as reactions) and comments of up to 50 videos per videos.list call; YouTube gives no shares. */
    @Override
    public Map<String, EngagementSnapshot> readEngagement(ChannelAccess channel, List<String> ids) {
        var result = new LinkedHashMap<String, EngagementSnapshot>();
        var now = clock.instant();
        for (var v : videos(channel, ids, "statistics")) {
            var s = v.getStatistics();
            result.put(
                    v.getId(),
                    new EngagementSnapshot(
                            v.getId(),
                            now,
                            count(s.getLikeCount()),
                            count(s.getCommentCount()),
                            null,
                            count(s.getViewCount()),
                            null));
        }
        return result;
    }

    /**
     * videos.list of one part, up to 50 ids a call (1 unit each). No maxResults: the reference says
     * it "is not supported for use in conjunction with the id parameter".
     */
    private List<Video> videos(ChannelAccess channel, List<String> ids, String part) {
        var all = new ArrayList<Video>();
        var project = oauth(channel).projectId();
        for (int from = 0; from < ids.size(); from += BATCH_SIZE) {
            var slice = ids.subList(from, Math.min(ids.size(), from + BATCH_SIZE));
            quota.spendUnits(project, "list");
            var videos = call(
                    channel,
                    false,
                    api -> api.videos()
                            .list(List.of(part))
                            .setId(slice)
                            .execute()
                            .getItems());
            if (videos != null) {
                all.addAll(videos);
            }
        }
        return all;
    }

    /**
     * {@code commentThreads.list} (part=snippet, order=time, 100 a page, 1 quota unit a call): the
     * top-level comments, newest first. Reading stops at the first comment older than {@code since}:
     * everything after it was read before. A video with comments turned off, or gone, has none.
     */
    @Override
    public CommentPage readComments(ChannelAccess channel, String videoId, Instant since, String pageToken) {
        quota.spendUnits(oauth(channel).projectId(), "commentThreads");
        CommentThreadListResponse response;
        try {
            response = call(
                    channel,
                    false,
                    api -> api.commentThreads()
                            .list(List.of("snippet"))
                            .setVideoId(videoId)
                            .setOrder("time")
                            .setTextFormat("plainText")
                            .setMaxResults((long) COMMENT_PAGE)
                            .setPageToken(pageToken)
                            .execute());
        } catch (ConnectorException e) {
            if (NO_COMMENTS.contains(e.platformCode())) {
                return CommentPage.EMPTY;
            }
            throw e;
        }
        var comments = new ArrayList<Comment>();
        boolean reachedSince = false;
        for (var thread : response.getItems() == null ? List.<CommentThread>of() : response.getItems()) {
            var top = thread.getSnippet().getTopLevelComment();
            var s = top.getSnippet();
            var at = Instant.ofEpochMilli(s.getPublishedAt().getValue());
            if (since != null && at.isBefore(since)) {
                reachedSince = true;
                break;
            }
            var author = s.getAuthorChannelId() == null
                    ? null
                    : s.getAuthorChannelId().getValue();
            comments.add(new Comment(
                    top.getId(),
                    s.getTextOriginal() != null ? s.getTextOriginal() : s.getTextDisplay(),
                    at,
                    s.getLikeCount() == null ? 0 : s.getLikeCount(),
                    author));
        }
        return new CommentPage(comments, reachedSince ? null : response.getNextPageToken());
    }

    /**
     * videos.list {@code part=status}, up to 50 ids a call (1 unit each): a video is public when its
     * {@code privacyStatus} is public and its upload was neither rejected nor failed.
     */
    @Override
    public Map<String, Visibility> readVisibility(ChannelAccess channel, List<String> ids) {
        var result = new LinkedHashMap<String, Visibility>();
        for (var v : videos(channel, ids, "status")) {
            var hidden = notAsAsked(v.getStatus(), true);
            result.put(v.getId(), new Visibility(v.getId(), hidden.isEmpty(), hidden.orElse(null)));
        }
        return result;
    }

    @Override
    public long followerCount(ChannelAccess channel) {
        quota.spendUnits(oauth(channel).projectId(), "channels");
        var channels = call(
                channel,
                false,
                api -> api.channels()
                        .list(List.of("statistics"))
                        .setId(List.of(channel.externalId()))
                        .execute()
                        .getItems());
        if (channels == null || channels.isEmpty()) {
            throw ConnectorException.of(
                    Platform.YOUTUBE,
                    FailureKind.AUTH_EXPIRED,
                    "channelNotFound",
                    "YouTube does not know channel " + channel.externalId());
        }
        return count(channels.get(0).getStatistics().getSubscriberCount());
    }

    private record Upload(String id, String title, Instant uploadedAt) {}

    private List<Upload> recentUploads(ChannelAccess channel) {
        var project = oauth(channel).projectId();
        quota.spendUnits(project, "channels");
        var channels = call(
                channel,
                false,
                api -> api.channels()
                        .list(List.of("contentDetails"))
                        .setId(List.of(channel.externalId()))
                        .execute()
                        .getItems());
        if (channels == null || channels.isEmpty()) {
            return List.of();
        }
        var playlist = channels.get(0).getContentDetails().getRelatedPlaylists().getUploads();
        quota.spendUnits(project, "playlistItems");
        var items = call(
                channel,
                false,
                api -> api.playlistItems()
                        .list(List.of("snippet"))
                        .setPlaylistId(playlist)
                        .setMaxResults(50L)
                        .execute()
                        .getItems());
        var uploads = new ArrayList<Upload>();
        for (var item : items == null ? List.<PlaylistItem>of() : items) {
            var s = item.getSnippet();
            uploads.add(new Upload(
                    s.getResourceId().getVideoId(),
                    s.getTitle(),
                    Instant.ofEpochMilli(s.getPublishedAt().getValue())));
        }
        return uploads;
    }

    private VideoSnippet snippet(PublishRequest r) {
        return new VideoSnippet()
                .setTitle(r.title())
                .setDescription(r.text() == null ? "" : r.text())
                .setTags(r.tags().isEmpty() ? null : r.tags())
                .setCategoryId(settings.categoryId())
                .setDefaultLanguage("vi");
    }

    private static VideoStatus status(Instant publishAt) {
        var status = new VideoStatus().setSelfDeclaredMadeForKids(false).setEmbeddable(true);
        if (publishAt == null) {
            return status.setPrivacyStatus("public");
        }
        // publishAt is honoured only while the video is private and was never published.
        return status.setPrivacyStatus("private").setPublishAt(new DateTime(publishAt.toEpochMilli()));
    }

    private static long count(BigInteger value) {
        return value == null ? 0 : value.longValue();
    }

    private YouTubeOAuth oauth(ChannelAccess channel) {
        if (channel.credentials().current() instanceof YouTubeOAuth oauth) {
            return oauth;
        }
        throw ConnectorException.of(
                Platform.YOUTUBE,
                FailureKind.AUTH_EXPIRED,
                "no-credentials",
                "the channel has no YouTube authorisation");
    }

    private <T> T call(ChannelAccess channel, boolean write, Call<T> work) {
        return call(channel, write, Bucket.UNITS, work);
    }

    private <T> T call(ChannelAccess channel, boolean write, Bucket bucket, Call<T> work) {
        var oauth = oauth(channel);
        var entry = authorised.compute(
                channel.key(),
                (key, cached) -> cached != null && cached.source().equals(oauth)
                        ? cached
                        : new Authorised(oauth, credentials(oauth)));
        var adapter = new HttpCredentialsAdapter(entry.credentials());
        HttpRequestInitializer init = request -> {
            request.setConnectTimeout((int) settings.connectTimeout().toMillis());
            request.setReadTimeout((int) settings.readTimeout().toMillis());
            adapter.initialize(request);
        };
        var api = new YouTube.Builder(transport, GsonFactory.getDefaultInstance(), init)
                .setRootUrl(settings.rootUrl())
                .setApplicationName("Loa")
                .build();
        try {
            return work.run(api);
        } catch (IOException e) {
            var failure = YouTubeErrors.map(e, write, quota.untilReset());
            // Google counts uploads in a bucket of their own: a refused upload empties that bucket,
            // not the general units engagement reads live on (and the reverse).
            if ("quotaExceeded".equals(failure.platformCode())
                    || "uploadLimitExceeded".equals(failure.platformCode())) {
                if (bucket == Bucket.UPLOADS) {
                    quota.exhaustUploads(oauth.projectId());
                } else {
                    quota.exhaust(oauth.projectId());
                }
            }
            throw failure;
        }
    }

    private UserCredentials credentials(YouTubeOAuth oauth) {
        return UserCredentials.newBuilder()
                .setClientId(oauth.clientId())
                .setClientSecret(oauth.clientSecret())
                .setRefreshToken(oauth.refreshToken())
                .setTokenServerUri(URI.create(settings.tokenUrl()))
                .setHttpTransportFactory(() -> transport)
                .build();
    }
}
