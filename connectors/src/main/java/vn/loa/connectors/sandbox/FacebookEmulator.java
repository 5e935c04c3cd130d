package vn.loa.connectors.sandbox;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.loa.connectors.Platform;

/** Answers as the Graph API does for Pages: feed, photos, videos, scheduled posts, edits, deletes, batch reads. */
final class FacebookEmulator {

    /** Insights metrics retired by Meta: asking for one fails the whole request, as on the real Graph API. */
    static final Set<String> RETIRED_METRICS = Set.of(
            "post_impressions",
            "post_impressions_unique",
            "post_impressions_paid_unique",
            "post_impressions_fan_unique",
            "post_impressions_organic_unique",
            "post_impressions_viral_unique",
            "page_impressions_unique",
            "page_fans");

    private static final Pattern VERSION = Pattern.compile("^/v\\d+\\.\\d+");
    private static final Pattern METRICS = Pattern.compile("insights\\.metric\\(([^)]*)\\)");
    private static final DateTimeFormatter GRAPH_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);

    private final SandboxState state;
    /** The app's use of its rate budget the X-App-Usage header reports, in percent (Meta: call_count, total_cputime, total_time). */
    private volatile int appUsage = 3;

    FacebookEmulator(SandboxState state) {
        this.state = state;
    }

    void appUsage(int percent) {
        appUsage = percent;
    }

    static boolean handles(String path) {
        return VERSION.matcher(path).find() && !path.startsWith("/v2.0/");
    }

    void handle(SandboxExchange ex, Fault fault) throws IOException {
        int usage = appUsage;
        ex.setHeader(
                "x-app-usage",
                "{\"call_count\":" + usage + ",\"total_cputime\":" + Math.max(1, usage / 3) + ",\"total_time\":"
                        + Math.max(2, usage / 2) + "}");
        if (ex.token() == null || ex.token().isBlank()) {
            error(
                    ex,
                    400,
                    "An active access token must be used to query information about the current user.",
                    "OAuthException",
                    2500,
                    null,
                    false);
            return;
        }
        if (fault == Fault.TOKEN_EXPIRED) {
            error(ex, 400, "Error validating access token: Session has expired.", "OAuthException", 190, 463, false);
            return;
        }
        if (fault == Fault.RATE_LIMIT) {
            ex.setHeader("x-app-usage", "{\"call_count\":100,\"total_cputime\":40,\"total_time\":60}");
            ex.setHeader(
                    "x-business-use-case-usage",
                    "{\"1\":[{\"type\":\"pages\",\"call_count\":100,"
                            + "\"total_cputime\":30,\"total_time\":40,\"estimated_time_to_regain_access\":7}]}");
            error(ex, 400, "(#4) Application request limit reached", "OAuthException", 4, null, true);
            return;
        }
        if (fault == Fault.SERVER_ERROR) {
            error(
                    ex,
                    500,
                    "An unexpected error has occurred. Please retry your request later.",
                    "OAuthException",
                    2,
                    null,
                    true);
            return;
        }
        stallAfterWrite.set(fault == Fault.TIMEOUT_AFTER_WRITE);
        try {
            route(ex, VERSION.matcher(ex.path()).replaceFirst(""));
        } finally {
            stallAfterWrite.remove();
        }
    }

    private final ThreadLocal<Boolean> stallAfterWrite = ThreadLocal.withInitial(() -> false);

    private void route(SandboxExchange ex, String path) throws IOException {
        var parts = path.replaceAll("^/+|/+$", "").split("/");
        var method = ex.method();
        if (path.replaceAll("/", "").isEmpty() && method.equals("POST") && ex.param("batch") != null) {
            batch(ex);
        } else if (parts.length == 2 && method.equals("POST") && parts[1].equals("feed")) {
            feedPost(ex, parts[0]);
        } else if (parts.length == 2 && method.equals("POST") && parts[1].equals("photos")) {
            photo(ex, parts[0]);
        } else if (parts.length == 2 && method.equals("POST") && parts[1].equals("videos")) {
            created(ex, parts[0], "video", ex.param("title"), ex.param("description"), null);
        } else if (parts.length == 2 && method.equals("GET") && parts[1].equals("feed")) {
            feed(ex, parts[0]);
        } else if (parts.length == 2 && method.equals("GET") && parts[1].equals("comments")) {
            comments(ex, parts[0]);
        } else if (parts.length == 2 && method.equals("GET") && parts[1].equals("scheduled_posts")) {
            scheduled(ex, parts[0]);
        } else if (parts.length == 1 && method.equals("GET")) {
            object(ex, parts[0]);
        } else if (parts.length == 1 && method.equals("POST")) {
            edit(ex, parts[0]);
        } else if (parts.length == 1 && method.equals("DELETE")) {
            delete(ex, parts[0]);
        } else {
            error(ex, 400, "Unknown path components: " + path, "OAuthException", 2500, null, false);
        }
    }

    private void feedPost(SandboxExchange ex, String page) throws IOException {
        var text = ex.param("message");
        if ((text == null || text.isBlank()) && ex.param("link") == null && ex.param("attached_media[0]") == null) {
            error(ex, 400, "(#100) The status you are trying to publish is empty", "OAuthException", 100, null, false);
            return;
        }
        var duplicate = state.postsOf(Platform.FACEBOOK, page).stream()
                .anyMatch(p -> text != null && text.equals(p.text()) && p.kind().equals("status"));
        if (duplicate) {
            error(ex, 400, "(#506) Duplicate status message", "OAuthException", 506, null, false);
            return;
        }
        created(ex, page, "status", null, text, null);
    }

    private void photo(SandboxExchange ex, String page) throws IOException {
        if (ex.param("url") == null) {
            error(ex, 400, "(#324) Requires upload file", "OAuthException", 324, null, false);
            return;
        }
        var published = !"false".equals(ex.param("published"));
        if (!published && ex.param("scheduled_publish_time") == null) {
            // An unpublished photo is an attachment waiting for a feed post, not a post.
            ex.json(200, Map.of("id", state.nextId()));
            return;
        }
        created(ex, page, "photo", null, ex.param("message"), state.nextId());
    }

    private void created(SandboxExchange ex, String page, String kind, String title, String text, String photoId)
            throws IOException {
        var now = state.now();
        var liveAt = now;
        var scheduledTime = ex.param("scheduled_publish_time");
        if (scheduledTime != null) {
            liveAt = Instant.ofEpochSecond(Long.parseLong(scheduledTime));
            if (liveAt.isBefore(now.plusSeconds(600))) {
                error(
                        ex,
                        400,
                        "(#100) The specified scheduled publish time is invalid.",
                        "OAuthException",
                        100,
                        1_363_003,
                        false);
                return;
            }
        }
        var id = page + "_" + state.nextId();
        state.add(new SandboxPost(Platform.FACEBOOK, page, id, kind, title, text, now, liveAt, false));
        if (stallAfterWrite.get()) {
            PlatformSandbox.stall();
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("id", photoId != null ? photoId : id);
        if (photoId != null) {
            body.put("post_id", id);
        }
        ex.json(200, body);
    }

    private void feed(SandboxExchange ex, String page) throws IOException {
        var since =
                ex.param("since") == null ? Instant.EPOCH : Instant.ofEpochSecond(Long.parseLong(ex.param("since")));
        var data = new ArrayList<Map<String, Object>>();
        for (var p : state.postsOf(Platform.FACEBOOK, page)) {
            if (p.isLive(state.now()) && !p.createdAt().isBefore(since)) {
                data.add(Map.of(
                        "id",
                        p.id(),
                        "message",
                        p.text() == null ? "" : p.text(),
                        "created_time",
                        GRAPH_TIME.format(p.createdAt())));
            }
        }
        ex.json(200, Map.of("data", data));
    }

    /**
     * A post's comments as Graph gives them: {@code since} (epoch seconds, inclusive), {@code order}
     * chronological or reverse_chronological, {@code limit} up to 100 (25 by default), the
     * {@code after} cursor, and {@code paging.next} only while more follow.
     */
    private void comments(SandboxExchange ex, String postId) throws IOException {
        if (state.find(postId).isEmpty()) {
            error(
                    ex,
                    400,
                    "Unsupported get request. Object with ID '" + postId + "' does not exist",
                    "GraphMethodException",
                    100,
                    33,
                    false);
            return;
        }
        int limit = ex.param("limit") == null ? 25 : Math.min(100, Integer.parseInt(ex.param("limit")));
        var since = ex.param("since") == null ? null : Instant.ofEpochSecond(Long.parseLong(ex.param("since")));
        var all = new ArrayList<SandboxComment>();
        for (var c : state.commentsOf(postId)) {
            if (since == null || !c.createdAt().isBefore(since)) {
                all.add(c);
            }
        }
        if ("reverse_chronological".equals(ex.param("order"))) {
            Collections.reverse(all);
        }
        int from = ex.param("after") == null ? 0 : SandboxExchange.offset(ex.param("after"));
        var fields = ex.param("fields") == null ? "id,message,created_time" : ex.param("fields");
        var data = new ArrayList<Map<String, Object>>();
        for (int i = from; i < Math.min(all.size(), from + limit); i++) {
            var c = all.get(i);
            var comment = new LinkedHashMap<String, Object>();
            comment.put("id", c.id());
            comment.put("message", c.text());
            comment.put("created_time", GRAPH_TIME.format(c.createdAt()));
            if (fields.contains("like_count")) {
                comment.put("like_count", c.likeCount());
            }
            if (fields.contains("from") && c.authorId() != null) {
                comment.put("from", Map.of("id", c.authorId()));
            }
            data.add(comment);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("data", data);
        if (!data.isEmpty()) {
            var paging = new LinkedHashMap<String, Object>();
            int end = from + data.size();
            paging.put("cursors", Map.of("before", SandboxExchange.token(from), "after", SandboxExchange.token(end)));
            if (end < all.size()) {
                paging.put(
                        "next",
                        ex.baseUrl() + "/v24.0/" + postId + "/comments?limit=" + limit + "&after="
                                + SandboxExchange.token(end));
            }
            body.put("paging", paging);
        }
        ex.json(200, body);
    }

    private void scheduled(SandboxExchange ex, String page) throws IOException {
        var data = new ArrayList<Map<String, Object>>();
        for (var p : state.postsOf(Platform.FACEBOOK, page)) {
            if (!p.isLive(state.now())) {
                data.add(Map.of(
                        "id",
                        p.id(),
                        "message",
                        p.text() == null ? "" : p.text(),
                        "scheduled_publish_time",
                        p.liveAt().getEpochSecond()));
            }
        }
        ex.json(200, Map.of("data", data));
    }

    private void object(SandboxExchange ex, String id) throws IOException {
        var fields = ex.param("fields") == null ? "" : ex.param("fields");
        if (!id.contains("_")) {
            ex.json(200, Map.of("id", id, "name", "Sandbox page " + id, "followers_count", state.followers(id)));
            return;
        }
        var post = state.find(id);
        if (post.isEmpty()) {
            error(
                    ex,
                    400,
                    "Unsupported get request. Object with ID '" + id + "' does not exist",
                    "GraphMethodException",
                    100,
                    33,
                    false);
            return;
        }
        var counts = state.counts(post.get());
        var body = new LinkedHashMap<String, Object>();
        body.put("id", id);
        body.put("reactions", Map.of("data", List.of(), "summary", Map.of("total_count", counts.reactions())));
        body.put("comments", Map.of("data", List.of(), "summary", Map.of("total_count", counts.comments())));
        if (counts.shares() > 0) {
            body.put("shares", Map.of("count", counts.shares()));
        }
        var metrics = METRICS.matcher(fields);
        if (metrics.find()) {
            var data = new ArrayList<Map<String, Object>>();
            for (var name : SandboxExchange.split(metrics.group(1))) {
                if (RETIRED_METRICS.contains(name)) {
                    error(
                            ex,
                            400,
                            "(#100) The value must be a valid insights metric",
                            "OAuthException",
                            100,
                            null,
                            false);
                    return;
                }
                long value = switch (name) {
                    case "post_media_view" -> counts.views();
                    case "post_total_media_view_unique" -> counts.reach();
                    case "post_clicks" -> counts.reach() / 25;
                    default -> 0;
                };
                data.add(Map.of("name", name, "period", "lifetime", "values", List.of(Map.of("value", value))));
            }
            body.put("insights", Map.of("data", data));
        }
        ex.json(200, body);
    }

    private void edit(SandboxExchange ex, String id) throws IOException {
        var post = state.find(id);
        if (post.isEmpty()) {
            error(ex, 400, "(#100) Invalid post id", "OAuthException", 100, null, false);
            return;
        }
        state.replace(post.get().edited(null, ex.param("message")));
        ex.json(200, Map.of("success", true));
    }

    private void delete(SandboxExchange ex, String id) throws IOException {
        var post = state.find(id);
        if (post.isEmpty()) {
            error(ex, 400, "(#100) Invalid post id", "OAuthException", 100, null, false);
            return;
        }
        state.replace(post.get().asDeleted());
        ex.json(200, Map.of("success", true));
    }

    /** Graph batch: at most 50 requests, each answered as if made alone. */
    private void batch(SandboxExchange ex) throws IOException {
        var requests = SandboxExchange.JSON.readTree(ex.param("batch"));
        if (requests.size() > 50) {
            error(
                    ex,
                    400,
                    "(#100) Too many requests in batch message. Maximum batch size is 50",
                    "GraphBatchException",
                    100,
                    null,
                    false);
            return;
        }
        var answers = new ArrayList<Map<String, Object>>();
        for (var request : requests) {
            var relative = request.path("relative_url").asString();
            var inner = new SandboxExchange(request.path("method").asString("GET"), "/" + relative, Map.of());
            route(inner, inner.path());
            answers.add(Map.of("code", inner.batchStatus(), "headers", List.of(), "body", inner.batchBody()));
        }
        ex.json(200, answers);
    }

    private static void error(
            SandboxExchange ex, int status, String message, String type, int code, Integer subcode, boolean isTransient)
            throws IOException {
        var error = new LinkedHashMap<String, Object>();
        error.put("message", message);
        error.put("type", type);
        error.put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        error.put("is_transient", isTransient);
        error.put("fbtrace_id", "SANDBOX" + code);
        ex.json(status, Map.of("error", error));
    }
}
