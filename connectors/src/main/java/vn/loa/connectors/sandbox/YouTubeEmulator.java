package vn.loa.connectors.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import vn.loa.connectors.Platform;

/**
 * Answers as the YouTube Data API v3 and Google's token endpoint do: resumable uploads (start, then
 * chunks answered 308 until the last), videos.list/update/delete, channels and uploads playlist.
 * Access tokens it issues name the channel they act for, so uploads land on the right channel.
 */
final class YouTubeEmulator {

    private record Upload(String channel, JsonNode metadata, ByteArrayOutputStream bytes) {}

    private final SandboxState state;
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final Map<String, String> privacy = new ConcurrentHashMap<>();
    /** Videos locked private, as uploads of a Google project not yet audited are, whatever was asked. */
    private final Set<String> lockedPrivate = ConcurrentHashMap.newKeySet();

    /** Sessions whose file is whole, and the video each became: a status query answers it. */
    private final Map<String, String> completed = new ConcurrentHashMap<>();

    private final Map<String, Long> videoBytes = new ConcurrentHashMap<>();
    private final Map<String, Long> thumbnails = new ConcurrentHashMap<>();
    /** Channels not verified: YouTube refuses them custom thumbnails. */
    private final Set<String> unverified = ConcurrentHashMap.newKeySet();

    private final AtomicLong opened = new AtomicLong();

    private volatile boolean uploadsStayPrivate;
    private final AtomicLong sessions = new AtomicLong();

    YouTubeEmulator(SandboxState state) {
        this.state = state;
    }

    /** Uploads from now on stay private, as they do for a Google Cloud project created after 2020-07-28 and not audited. */
    void uploadsStayPrivate(boolean value) {
        uploadsStayPrivate = value;
    }

    static boolean handles(String path) {
        return path.startsWith("/youtube/v3/") || path.startsWith("/upload/youtube/v3/") || path.equals("/token");
    }

    /** The refresh token to give a channel in the sandbox; its access tokens then act for that channel. */
    static String refreshTokenFor(String channelId) {
        return "sandbox-refresh." + channelId;
    }

    void handle(SandboxExchange ex, Fault fault) throws IOException {
        if (ex.path().equals("/token")) {
            token(ex, fault);
            return;
        }
        var token = ex.token();
        if (token == null || fault == Fault.TOKEN_EXPIRED) {
            error(ex, 401, "authError", "Invalid Credentials");
            return;
        }
        if (fault == Fault.RATE_LIMIT) {
            error(
                    ex,
                    403,
                    "rateLimitExceeded",
                    "The request cannot be completed because you have exceeded your quota.");
            return;
        }
        if (fault == Fault.SERVER_ERROR) {
            error(ex, 503, "backendError", "Backend Error");
            return;
        }
        var channel = token.startsWith("ya29.") ? token.substring(5, token.lastIndexOf('.')) : "UCsandbox";
        var path = ex.path();
        var method = ex.method();
        if (path.equals("/upload/youtube/v3/videos") && method.equals("POST")) {
            startUpload(ex, channel);
        } else if (path.equals("/upload/youtube/v3/videos") && method.equals("PUT")) {
            chunk(ex, fault);
        } else if (path.equals("/upload/youtube/v3/thumbnails/set") && method.equals("POST")) {
            thumbnail(ex, channel);
        } else if (path.equals("/youtube/v3/videos") && method.equals("GET")) {
            list(ex);
        } else if (path.equals("/youtube/v3/videos") && method.equals("PUT")) {
            update(ex);
        } else if (path.equals("/youtube/v3/videos") && method.equals("DELETE")) {
            delete(ex);
        } else if (path.equals("/youtube/v3/channels")) {
            channels(ex);
        } else if (path.equals("/youtube/v3/commentThreads") && method.equals("GET")) {
            commentThreads(ex);
        } else if (path.equals("/youtube/v3/playlistItems")) {
            playlist(ex);
        } else {
            error(ex, 404, "notFound", "Not Found");
        }
    }

    private void token(SandboxExchange ex, Fault fault) throws IOException {
        var refresh = ex.param("refresh_token");
        if (fault == Fault.TOKEN_EXPIRED || refresh == null || refresh.isBlank()) {
            ex.json(400, Map.of("error", "invalid_grant", "error_description", "Token has been expired or revoked."));
            return;
        }
        var channel =
                refresh.startsWith("sandbox-refresh.") ? refresh.substring("sandbox-refresh.".length()) : "UCsandbox";
        ex.json(
                200,
                Map.of(
                        "access_token",
                        "ya29." + channel + "." + sessions.incrementAndGet(),
                        "expires_in",
                        3599,
                        "token_type",
                        "Bearer",
                        "scope",
                        "https://www.googleapis.com/auth/youtube"));
    }

    private void startUpload(SandboxExchange ex, String channel) throws IOException {
        var metadata = ex.json();
        var title = metadata.path("snippet").path("title").asString("");
        if (title.isBlank() || title.length() > 100) {
            error(ex, 400, "invalidTitle", "The request metadata specifies an invalid or empty video title.");
            return;
        }
        var session = "upload-" + sessions.incrementAndGet();
        opened.incrementAndGet();
        uploads.put(session, new Upload(channel, metadata, new ByteArrayOutputStream()));
        ex.setHeader("Location", ex.baseUrl() + "/upload/youtube/v3/videos?uploadType=resumable&upload_id=" + session);
        ex.send(200, null, new byte[0]);
    }

    /**
     * A PUT to an upload session, as YouTube's guide "Resumable uploads" describes it: a chunk
     * ({@code Content-Range: bytes a-b/total}, or {@code /*} while the total is unknown) is kept only
     * if it starts at the first byte not yet held, and answered 308 with {@code Range: bytes=0-n}
     * (no Range header when nothing is held) until the file is whole; a status query ({@code bytes
     * *}{@code /total}, no body) answers where the upload stands, or the video once it is complete
     * (again and again: the session remembers it). An unknown session is 404, as an expired one.
     */
    private void chunk(SandboxExchange ex, Fault fault) throws IOException {
        var sessionId = ex.param("upload_id");
        var done = completed.get(sessionId == null ? "" : sessionId);
        if (done != null) {
            ex.json(200, video(state.find(done).orElseThrow(), List.of("snippet", "status")));
            return;
        }
        var upload = sessionId == null ? null : uploads.get(sessionId);
        if (upload == null) {
            error(ex, 404, "notFound", "Upload session expired");
            return;
        }
        var range = ex.header("Content-Range");
        if (range == null || !range.startsWith("bytes ") || !range.contains("/")) {
            error(ex, 400, "badContent", "Content-Range is required on an upload session: bytes a-b/total");
            return;
        }
        var span = range.substring("bytes ".length(), range.indexOf('/'));
        var totalText = range.substring(range.indexOf('/') + 1);
        long total = totalText.equals("*") ? -1 : Long.parseLong(totalText);
        long received = upload.bytes().size();
        if (!span.equals("*")) {
            long start = Long.parseLong(span.substring(0, span.indexOf('-')));
            if (start != received) {
                // Not where the upload stands: nothing is kept; the answer says where to go on from.
                held(ex, received);
                return;
            }
            var body = ex.body();
            if (fault == Fault.UPLOAD_CUT_SHORT) {
                upload.bytes().write(body, 0, body.length / 2);
                error(ex, 503, "backendError", "Backend Error");
                return;
            }
            upload.bytes().write(body);
            received = upload.bytes().size();
        }
        if (total < 0 || received < total) {
            held(ex, received);
            return;
        }
        var now = state.now();
        var status = upload.metadata().path("status");
        var publishAt = status.path("publishAt").asString(null);
        var liveAt = publishAt == null ? now : Instant.parse(publishAt);
        var id = "yt" + state.nextId();
        privacy.put(id, status.path("privacyStatus").asString("public"));
        if (uploadsStayPrivate) {
            lockedPrivate.add(id);
        }
        var snippet = upload.metadata().path("snippet");
        state.add(new SandboxPost(
                Platform.YOUTUBE,
                upload.channel(),
                id,
                "video",
                snippet.path("title").asString(),
                snippet.path("description").asString(""),
                now,
                liveAt,
                false));
        videoBytes.put(id, received);
        completed.put(sessionId, id);
        uploads.remove(sessionId);
        if (fault == Fault.TIMEOUT_AFTER_WRITE) {
            PlatformSandbox.stall();
        }
        ex.json(200, video(state.find(id).orElseThrow(), List.of("snippet", "status")));
    }

    /**
     * thumbnails.set as its reference documents it: {@code videoId} required, the image as the body
     * (image/jpeg, image/png or application/octet-stream, at most 50 MB); refused as YouTube does:
     * no video (404 videoNotFound), another channel's video (403 forbidden), a channel not allowed
     * custom thumbnails (403 forbidden: only verified channels are), no body (400
     * mediaBodyRequired), not an accepted image (400 invalidImage).
     */
    private void thumbnail(SandboxExchange ex, String channel) throws IOException {
        var videoId = ex.param("videoId");
        var video = videoId == null ? null : state.find(videoId).orElse(null);
        if (video == null || video.platform() != Platform.YOUTUBE || video.deleted()) {
            error(ex, 404, "videoNotFound", "The video that you are trying to set a thumbnail for cannot be found.");
            return;
        }
        if (!video.channelId().equals(channel)) {
            error(
                    ex,
                    403,
                    "forbidden",
                    "The thumbnail can't be set for the specified video. The request might not be properly authorized.");
            return;
        }
        if (!thumbnailsAllowed(channel)) {
            error(
                    ex,
                    403,
                    "forbidden",
                    "The authenticated user doesn't have permissions to upload and set custom video thumbnails.");
            return;
        }
        var body = ex.body();
        if (body.length == 0) {
            error(ex, 400, "mediaBodyRequired", "The request does not include the image content.");
            return;
        }
        var type = ex.header("Content-Type");
        if (type == null
                || !(type.startsWith("image/jpeg")
                        || type.startsWith("image/png")
                        || type.startsWith("application/octet-stream"))
                || body.length > 50L * 1024 * 1024) {
            error(ex, 400, "invalidImage", "The provided image content is invalid.");
            return;
        }
        thumbnails.put(videoId, (long) body.length);
        var url = ex.baseUrl() + "/media/thumb-" + videoId + ".jpg";
        ex.json(
                200,
                Map.of(
                        "kind",
                        "youtube#thumbnailSetResponse",
                        "items",
                        List.of(Map.of("default", Map.of("url", url, "width", 120, "height", 90)))));
    }

    private boolean thumbnailsAllowed(String channel) {
        return !unverified.contains(channel);
    }

    /** Whether a channel may set custom thumbnails (YouTube allows them on verified channels only). */
    void channelVerified(String channel, boolean verified) {
        if (verified) {
            unverified.remove(channel);
        } else {
            unverified.add(channel);
        }
    }

    /** The size of the thumbnail set on a video; null when none was. */
    Long thumbnailOf(String videoId) {
        return thumbnails.get(videoId);
    }

    private static void held(SandboxExchange ex, long received) throws IOException {
        if (received > 0) {
            ex.setHeader("Range", "bytes=0-" + (received - 1));
        }
        ex.send(308, null, new byte[0]);
    }

    /** Upload sessions opened (each one a videos.insert). */
    long sessionsOpened() {
        return opened.get();
    }

    /** The bytes a video was made of; null for an unknown video. */
    Long bytesOf(String videoId) {
        return videoBytes.get(videoId);
    }

    private void list(SandboxExchange ex) throws IOException {
        var parts = SandboxExchange.split(ex.param("part"));
        var ids = SandboxExchange.split(ex.param("id"));
        if (ids.size() > 50) {
            error(ex, 400, "invalidParameter", "Too many ids: at most 50");
            return;
        }
        // The reference: maxResults "is not supported for use in conjunction with the id parameter".
        if (!ids.isEmpty() && ex.param("maxResults") != null) {
            error(ex, 400, "invalidParameter", "maxResults is not supported in conjunction with id");
            return;
        }
        var items = new ArrayList<Map<String, Object>>();
        for (var id : ids) {
            state.find(id).filter(p -> p.platform() == Platform.YOUTUBE).ifPresent(p -> items.add(video(p, parts)));
        }
        ex.json(
                200,
                Map.of(
                        "kind",
                        "youtube#videoListResponse",
                        "items",
                        items,
                        "pageInfo",
                        Map.of("totalResults", items.size(), "resultsPerPage", items.size())));
    }

    private void update(SandboxExchange ex) throws IOException {
        var body = ex.json();
        var post = state.find(body.path("id").asString(""));
        if (post.isEmpty()) {
            error(ex, 404, "videoNotFound", "The video that you are trying to update cannot be found.");
            return;
        }
        var snippet = body.path("snippet");
        if (snippet.path("title").asString("").isBlank()
                || snippet.path("categoryId").asString("").isBlank()) {
            error(ex, 400, "invalidVideoMetadata", "The request metadata is invalid: resend title and categoryId.");
            return;
        }
        state.replace(post.get()
                .edited(
                        snippet.path("title").asString(),
                        snippet.path("description").asString("")));
        ex.json(200, video(state.find(post.get().id()).orElseThrow(), List.of("snippet")));
    }

    private void delete(SandboxExchange ex) throws IOException {
        var post = state.find(ex.param("id") == null ? "" : ex.param("id"));
        if (post.isEmpty()) {
            error(ex, 404, "videoNotFound", "The video that you are trying to delete cannot be found.");
            return;
        }
        state.replace(post.get().asDeleted());
        ex.send(204, null, new byte[0]);
    }

    private void channels(SandboxExchange ex) throws IOException {
        var items = new ArrayList<Map<String, Object>>();
        for (var id : SandboxExchange.split(ex.param("id"))) {
            items.add(Map.of(
                    "kind",
                    "youtube#channel",
                    "id",
                    id,
                    "statistics",
                    Map.of(
                            "subscriberCount",
                            String.valueOf(state.followers(id)),
                            "videoCount",
                            String.valueOf(state.postsOf(Platform.YOUTUBE, id).size())),
                    "contentDetails",
                    Map.of("relatedPlaylists", Map.of("uploads", "UU" + id))));
        }
        ex.json(200, Map.of("kind", "youtube#channelListResponse", "items", items));
    }

    private void playlist(SandboxExchange ex) throws IOException {
        var playlist = ex.param("playlistId") == null ? "" : ex.param("playlistId");
        var channel = playlist.startsWith("UU") ? playlist.substring(2) : playlist;
        var items = new ArrayList<Map<String, Object>>();
        for (var p : state.postsOf(Platform.YOUTUBE, channel)) {
            if (items.size() >= 50) {
                break;
            }
            items.add(Map.of(
                    "kind",
                    "youtube#playlistItem",
                    "id",
                    "PI" + p.id(),
                    "snippet",
                    Map.of(
                            "title",
                            p.title(),
                            "publishedAt",
                            p.createdAt().toString(),
                            "resourceId",
                            Map.of("kind", "youtube#video", "videoId", p.id()))));
        }
        ex.json(200, Map.of("kind", "youtube#playlistItemListResponse", "items", items));
    }

    /**
     * commentThreads.list as documented: part=snippet required, videoId, maxResults 1-100 (20 by
     * default), order time (newest first, the default) or relevance, pageToken; nextPageToken only
     * while more follow.
     */
    private void commentThreads(SandboxExchange ex) throws IOException {
        if (!SandboxExchange.split(ex.param("part")).contains("snippet")) {
            error(ex, 400, "missingRequiredParameter", "No filter selected. Expected one of: part=snippet");
            return;
        }
        var videoId = ex.param("videoId");
        var video = videoId == null ? null : state.find(videoId).orElse(null);
        if (video == null || video.platform() != Platform.YOUTUBE) {
            error(ex, 404, "videoNotFound", "The video identified by the videoId parameter could not be found.");
            return;
        }
        int max = ex.param("maxResults") == null ? 20 : Integer.parseInt(ex.param("maxResults"));
        if (max < 1 || max > 100) {
            error(ex, 400, "invalidParameter", "maxResults must be between 1 and 100");
            return;
        }
        var all = new ArrayList<>(state.commentsOf(videoId));
        Collections.reverse(all);
        int from = ex.param("pageToken") == null ? 0 : SandboxExchange.offset(ex.param("pageToken"));
        var items = new ArrayList<Map<String, Object>>();
        for (int i = from; i < Math.min(all.size(), from + max); i++) {
            var c = all.get(i);
            var snippet = new LinkedHashMap<String, Object>();
            snippet.put("channelId", video.channelId());
            snippet.put("videoId", videoId);
            snippet.put("textDisplay", c.text());
            snippet.put("textOriginal", c.text());
            snippet.put("authorDisplayName", c.authorName());
            snippet.put("authorChannelId", Map.of("value", c.authorId()));
            snippet.put("canRate", true);
            snippet.put("viewerRating", "none");
            snippet.put("likeCount", c.likeCount());
            snippet.put("publishedAt", c.createdAt().toString());
            snippet.put("updatedAt", c.createdAt().toString());
            items.add(Map.of(
                    "kind",
                    "youtube#commentThread",
                    "id",
                    c.id(),
                    "snippet",
                    Map.of(
                            "channelId",
                            video.channelId(),
                            "videoId",
                            videoId,
                            "topLevelComment",
                            Map.of("kind", "youtube#comment", "id", c.id(), "snippet", snippet),
                            "canReply",
                            true,
                            "totalReplyCount",
                            0,
                            "isPublic",
                            true)));
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("kind", "youtube#commentThreadListResponse");
        if (from + items.size() < all.size()) {
            body.put("nextPageToken", SandboxExchange.token(from + items.size()));
        }
        body.put("pageInfo", Map.of("totalResults", items.size(), "resultsPerPage", max));
        body.put("items", items);
        ex.json(200, body);
    }

    private Map<String, Object> video(SandboxPost p, List<String> parts) {
        var video = new LinkedHashMap<String, Object>();
        video.put("kind", "youtube#video");
        video.put("id", p.id());
        if (parts.contains("snippet")) {
            video.put(
                    "snippet",
                    Map.of(
                            "title",
                            p.title(),
                            "description",
                            p.text(),
                            "channelId",
                            p.channelId(),
                            "publishedAt",
                            p.createdAt().toString(),
                            "categoryId",
                            "25"));
        }
        if (parts.contains("status")) {
            var live = p.isLive(state.now());
            var status = new LinkedHashMap<String, Object>();
            status.put("uploadStatus", "processed");
            status.put(
                    "privacyStatus",
                    lockedPrivate.contains(p.id())
                            ? "private"
                            : live ? "public" : privacy.getOrDefault(p.id(), "private"));
            if (!live) {
                status.put("publishAt", p.liveAt().toString());
            }
            video.put("status", status);
        }
        if (parts.contains("statistics")) {
            var c = state.counts(p);
            // The Data API sends counts as strings.
            video.put(
                    "statistics",
                    Map.of(
                            "viewCount",
                            String.valueOf(c.views()),
                            "likeCount",
                            String.valueOf(c.reactions()),
                            "favoriteCount",
                            "0",
                            "commentCount",
                            String.valueOf(c.comments())));
        }
        return video;
    }

    private static void error(SandboxExchange ex, int status, String reason, String message) throws IOException {
        ex.json(
                status,
                Map.of(
                        "error",
                        Map.of(
                                "code",
                                status,
                                "message",
                                message,
                                "errors",
                                List.of(Map.of("message", message, "domain", "youtube.api", "reason", reason)))));
    }
}
