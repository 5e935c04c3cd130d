package vn.loa.connectors.sandbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import vn.loa.connectors.Platform;

/**
 * Answers as the Zalo OA Open API and OAuth server do: asynchronous article creation (the first
 * verify says -214, still processing), slices of at most 10 with views and shares, video upload
 * (its status read from the {@code token} header), video articles refused without an avatar, and
 * single-use refresh tokens (a spent one is refused, as Zalo does).
 */
final class ZaloEmulator {

    private record Pending(String oa, String articleId, int checksLeft) {}

    private final SandboxState state;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Integer> videoChecks = new ConcurrentHashMap<>();
    /** The author each article was signed with, as article/getdetail shows it. */
    private final Map<String, String> authors = new ConcurrentHashMap<>();

    private final Set<String> spentRefreshTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> replacedAccessTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, String> lastAccessToken = new ConcurrentHashMap<>();
    private final AtomicLong tokens = new AtomicLong();

    ZaloEmulator(SandboxState state) {
        this.state = state;
    }

    static boolean handles(String path) {
        return path.startsWith("/v2.0/") || path.startsWith("/v4/oa/");
    }

    /** An access token and the single-use refresh token that goes with it. */
    record TokenPair(String access, String refresh) {}

    /** The first token pair to give an OA in the sandbox. */
    static TokenPair tokensFor(String oaId) {
        return new TokenPair("zalo-at." + oaId + ".0", "zalo-rt." + oaId + ".0");
    }

    void handle(SandboxExchange ex, Fault fault) throws IOException {
        if (ex.path().equals("/v4/oa/access_token")) {
            refresh(ex, fault);
            return;
        }
        if (fault == Fault.SERVER_ERROR) {
            ex.send(502, "text/html", "<html>Bad Gateway</html>".getBytes());
            return;
        }
        var token = ex.header("access_token");
        if (token == null || !token.startsWith("zalo-at.") || replacedAccessTokens.contains(token)) {
            fail(ex, -216, "Access token is invalid");
            return;
        }
        if (fault == Fault.TOKEN_EXPIRED) {
            fail(ex, -220, "Access token has expired");
            return;
        }
        if (fault == Fault.RATE_LIMIT) {
            fail(ex, -32, "Request exceeds the rate limit per minute");
            return;
        }
        var oa = token.substring("zalo-at.".length(), token.lastIndexOf('.'));
        if (fault == Fault.TIMEOUT_AFTER_WRITE && !ex.path().equals("/v2.0/article/create")) {
            // A check that answers too late: the client gives up before Zalo says anything.
            PlatformSandbox.stall();
        }
        switch (ex.path()) {
            case "/v2.0/article/create" -> create(ex, oa, fault);
            case "/v2.0/article/verify" -> verify(ex);
            case "/v2.0/article/update" -> update(ex);
            case "/v2.0/article/remove" -> remove(ex);
            case "/v2.0/article/getdetail" -> detail(ex);
            case "/v2.0/article/getslice" -> slice(ex, oa);
            case "/v2.0/article/upload_video/preparevideo" -> prepareVideo(ex);
            case "/v2.0/article/upload_video/verify" -> verifyVideo(ex);
            case "/v2.0/oa/getoa" ->
                ok(ex, Map.of("oa_id", oa, "name", "Sandbox OA " + oa, "num_follower", state.followers(oa)));
            default -> fail(ex, -201, "Invalid parameter: unknown API");
        }
    }

    private void refresh(SandboxExchange ex, Fault fault) throws IOException {
        var refresh = ex.param("refresh_token");
        if (fault == Fault.TOKEN_EXPIRED
                || refresh == null
                || !refresh.startsWith("zalo-rt.")
                || ex.header("secret_key") == null
                || !spentRefreshTokens.add(refresh)) {
            ex.json(
                    200,
                    Map.of(
                            "error",
                            -14014,
                            "error_name",
                            "Invalid refresh token",
                            "error_description",
                            "Refresh token is invalid or was already used"));
            return;
        }
        var oa = refresh.substring("zalo-rt.".length(), refresh.lastIndexOf('.'));
        var n = tokens.incrementAndGet();
        var access = "zalo-at." + oa + "." + n;
        var previous = lastAccessToken.put(oa, access);
        replacedAccessTokens.add(previous != null ? previous : tokensFor(oa).access());
        // Zalo sends expires_in as a string.
        ex.json(200, Map.of("access_token", access, "refresh_token", "zalo-rt." + oa + "." + n, "expires_in", "90000"));
    }

    private void create(SandboxExchange ex, String oa, Fault fault) throws IOException {
        var body = ex.json();
        var title = body.path("title").asString("");
        if (title.isBlank() || title.length() > 150) {
            fail(ex, -201, "Invalid parameter: title");
            return;
        }
        var isVideo = "video".equals(body.path("type").asString());
        if (!isVideo && body.path("cover").path("photo_url").asString("").isBlank()) {
            fail(ex, -201, "Invalid parameter: cover is required");
            return;
        }
        if (isVideo && body.path("avatar").asString("").isBlank()) {
            fail(ex, -201, "Invalid parameter: avatar is invalid");
            return;
        }
        var id = "za" + state.nextId();
        var now = state.now();
        state.add(new SandboxPost(
                Platform.ZALO,
                oa,
                id,
                isVideo ? "video" : "normal",
                title,
                body.path("description").asString(""),
                now,
                now,
                false));
        authors.put(id, body.path("author").asString(""));
        var token = "art-" + state.nextId();
        pending.put(token, new Pending(oa, id, 1));
        if (fault == Fault.TIMEOUT_AFTER_WRITE) {
            PlatformSandbox.stall();
        }
        ok(ex, Map.of("token", token));
    }

    private void verify(SandboxExchange ex) throws IOException {
        var token = ex.json().path("token").asString("");
        var p = pending.get(token);
        if (p == null) {
            fail(ex, -201, "Invalid parameter: token");
            return;
        }
        if (p.checksLeft() > 0) {
            pending.put(token, new Pending(p.oa(), p.articleId(), p.checksLeft() - 1));
            fail(ex, -214, "Article is being processed");
            return;
        }
        ok(ex, Map.of("id", p.articleId()));
    }

    private void update(SandboxExchange ex) throws IOException {
        var body = ex.json();
        var post = state.find(body.path("id").asString(""));
        if (post.isEmpty()) {
            fail(ex, -201, "Invalid parameter: id");
            return;
        }
        state.replace(post.get()
                .edited(
                        body.path("title").asString(null),
                        body.path("description").asString(null)));
        authors.put(post.get().id(), body.path("author").asString(""));
        var token = "art-" + state.nextId();
        pending.put(token, new Pending(post.get().channelId(), post.get().id(), 1));
        ok(ex, Map.of("token", token));
    }

    private void remove(SandboxExchange ex) throws IOException {
        var post = state.find(ex.json().path("id").asString(""));
        if (post.isEmpty()) {
            fail(ex, -201, "Invalid parameter: id");
            return;
        }
        state.replace(post.get().asDeleted());
        ok(ex, Map.of());
    }

    private void detail(SandboxExchange ex) throws IOException {
        var post = state.find(ex.param("id") == null ? "" : ex.param("id"));
        if (post.isEmpty()) {
            fail(ex, -201, "Invalid parameter: id");
            return;
        }
        ok(
                ex,
                Map.of(
                        "id",
                        post.get().id(),
                        "title",
                        post.get().title(),
                        "status",
                        "show",
                        "description",
                        post.get().text(),
                        "author",
                        authors.getOrDefault(post.get().id(), "")));
    }

    /** The author an article was signed with ("" when none was sent); null for an unknown article. */
    String authorOf(String articleId) {
        return authors.get(articleId);
    }

    private void slice(SandboxExchange ex, String oa) throws IOException {
        int offset = Integer.parseInt(ex.param("offset") == null ? "0" : ex.param("offset"));
        int limit = Integer.parseInt(ex.param("limit") == null ? "10" : ex.param("limit"));
        if (limit > 10) {
            fail(ex, -201, "Invalid parameter: maximum limit is 10");
            return;
        }
        var type = ex.param("type") == null ? "normal" : ex.param("type");
        var all = state.postsOf(Platform.ZALO, oa).stream()
                .filter(p -> p.kind().equals(type))
                .toList();
        var medias = new ArrayList<Map<String, Object>>();
        for (int i = offset; i < Math.min(all.size(), offset + limit); i++) {
            var p = all.get(i);
            var c = state.counts(p);
            var m = new LinkedHashMap<String, Object>();
            m.put("id", p.id());
            m.put("type", p.kind());
            m.put("title", p.title());
            m.put("status", "show");
            m.put("total_view", c.views());
            m.put("total_share", c.shares());
            m.put("create_date", p.createdAt().toEpochMilli());
            m.put("update_date", p.createdAt().toEpochMilli());
            m.put("link_view", "https://zalo.me/sandbox/" + p.id());
            medias.add(m);
        }
        ok(ex, Map.of("medias", medias, "total", all.size()));
    }

    private void prepareVideo(SandboxExchange ex) throws IOException {
        var type = ex.header("Content-Type");
        if (type == null || !type.startsWith("multipart/form-data") || ex.body().length == 0) {
            fail(ex, -201, "Invalid parameter: file");
            return;
        }
        var token = "vid-" + state.nextId();
        videoChecks.put(token, 1);
        ok(ex, Map.of("token", token));
    }

    private void verifyVideo(SandboxExchange ex) throws IOException {
        // Zalo's SDK sample sends the video token as a header; a query parameter is not read.
        var token = ex.header("token");
        var checks = token == null ? null : videoChecks.get(token);
        if (checks == null) {
            fail(ex, -201, "Invalid parameter: token");
            return;
        }
        if (checks > 0) {
            videoChecks.put(token, checks - 1);
            ok(ex, Map.of("status", 3, "status_message", "processing"));
            return;
        }
        ok(ex, Map.of("video_id", "v" + token.substring(4), "status", 1, "status_message", "ready"));
    }

    private static void ok(SandboxExchange ex, Object data) throws IOException {
        ex.json(200, Map.of("error", 0, "message", "Success", "data", data));
    }

    private static void fail(SandboxExchange ex, int error, String message) throws IOException {
        ex.json(200, Map.of("error", error, "message", message));
    }
}
