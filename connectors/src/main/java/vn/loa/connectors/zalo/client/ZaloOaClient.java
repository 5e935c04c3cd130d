package vn.loa.connectors.zalo.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.connectors.zalo.client.ZaloRecords.ArticleSlice;
import vn.loa.connectors.zalo.client.ZaloRecords.ArticleSummary;
import vn.loa.connectors.zalo.client.ZaloRecords.TokenPair;
import vn.loa.connectors.zalo.client.ZaloRecords.VideoState;
import vn.loa.connectors.zalo.client.ZaloRecords.VideoStatus;

/**
 * A small, typed client for the Zalo Official Account Open API ("zalo-java-sdk-wrapper"). It keeps
 * no state between calls: the access token is an argument of each call, so one instance serves every
 * OA from every thread (the official SDK shares headers through a static map instead).
 * Network failures surface as {@link IOException}; Zalo's own refusals as {@link ZaloApiException}.
 */
public final class ZaloOaClient {

    /** Zalo's "article is still being processed" answer to article/verify. */
    public static final int ARTICLE_PROCESSING = -214;

    private final URI openApi;
    private final URI oauth;
    private final HttpClient http;
    private final Duration timeout;
    private final JsonMapper json = JsonMapper.builder().build();

    public ZaloOaClient(URI openApi, URI oauth, Duration connectTimeout, Duration timeout) {
        this.openApi = openApi;
        this.oauth = oauth;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    /** Starts creating an article; returns the token to verify. */
    public String createArticle(String accessToken, ZaloArticle article) throws IOException {
        return postJson(accessToken, "/v2.0/article/create", articleBody(article, null))
                .path("token")
                .asString();
    }

    /** The article id once Zalo has processed the article; empty while it is still processing. */
    public Optional<String> verifyArticle(String accessToken, String token) throws IOException {
        try {
            var data = postJson(accessToken, "/v2.0/article/verify", Map.of("token", token));
            var id = data.has("id")
                    ? data.path("id").asString()
                    : data.path("article_id").asString();
            return Optional.of(id);
        } catch (ZaloApiException e) {
            if (e.error() == ARTICLE_PROCESSING) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Starts updating an article; returns the token to verify. */
    public String updateArticle(String accessToken, String articleId, ZaloArticle article) throws IOException {
        return postJson(accessToken, "/v2.0/article/update", articleBody(article, articleId))
                .path("token")
                .asString();
    }

    public void removeArticle(String accessToken, String articleId) throws IOException {
        postJson(accessToken, "/v2.0/article/remove", Map.of("id", articleId));
    }

    public JsonNode articleDetail(String accessToken, String articleId) throws IOException {
        return get(accessToken, "/v2.0/article/getdetail?id=" + encode(articleId));
    }

    /** One page of the OA's articles of a type ("normal" or "video"), newest first. */
    public ArticleSlice listArticles(String accessToken, int offset, int limit, String type) throws IOException {
        var data = get(
                accessToken, "/v2.0/article/getslice?offset=" + offset + "&limit=" + limit + "&type=" + encode(type));
        var articles = new ArrayList<ArticleSummary>();
        for (var m : data.path("medias")) {
            articles.add(new ArticleSummary(
                    m.path("id").asString(),
                    m.path("type").asString(),
                    m.path("title").asString(),
                    m.path("status").asString(),
                    m.path("total_view").asLong(),
                    m.path("total_share").asLong(),
                    epochMillis(m.path("create_date").asLong()),
                    epochMillis(m.path("update_date").asLong()),
                    m.path("link_view").asString(null)));
        }
        return new ArticleSlice(data.path("total").asLong(articles.size()), articles);
    }

    /** Uploads a video file for a video article; returns the token to verify. */
    public String prepareVideo(String accessToken, String fileName, String contentType, byte[] file)
            throws IOException {
        var boundary = "loa-" + UUID.randomUUID();
        var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + fileName.replace("\"", "") + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        var body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        var request = HttpRequest.newBuilder(openApi.resolve("/v2.0/article/upload_video/preparevideo"))
                .timeout(timeout)
                .header("access_token", accessToken)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return data(send(request)).path("token").asString();
    }

    /**
     * The processing state of an uploaded video. The video token goes in a {@code token} header, as
     * Zalo's SDK sample CheckStatusVideo sends it, not in the query.
     */
    public VideoStatus verifyVideo(String accessToken, String token) throws IOException {
        var request = HttpRequest.newBuilder(openApi.resolve("/v2.0/article/upload_video/verify"))
                .timeout(timeout)
                .header("access_token", accessToken)
                .header("token", token)
                .GET()
                .build();
        var data = data(send(request));
        return new VideoStatus(
                data.path("video_id").asString(null),
                VideoState.of(data.path("status").asInt()),
                data.path("status_message").asString(null));
    }

    /** The OA's follower count. */
    public long followers(String accessToken) throws IOException {
        return get(accessToken, "/v2.0/oa/getoa").path("num_follower").asLong();
    }

    /**
     * Exchanges a refresh token for a new pair. The refresh token given is spent whatever happens
     * next: store the returned one before using the new access token.
     */
    public TokenPair refreshAccessToken(String appId, String secretKey, String refreshToken) throws IOException {
        var form = "refresh_token=" + encode(refreshToken) + "&app_id=" + encode(appId) + "&grant_type=refresh_token";
        var request = HttpRequest.newBuilder(oauth.resolve("/v4/oa/access_token"))
                .timeout(timeout)
                .header("secret_key", secretKey)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        var response = send(request);
        var node = json.readTree(response.body());
        if (response.statusCode() != 200 || !node.has("access_token")) {
            throw new ZaloApiException(
                    node.path("error").asInt(0),
                    response.statusCode(),
                    node.path("error_name").asString(node.path("message").asString("token refresh refused")));
        }
        // expires_in arrives as a string ("90000").
        return new TokenPair(
                node.path("access_token").asString(),
                node.path("refresh_token").asString(),
                Long.parseLong(node.path("expires_in").asString("90000")));
    }

    private Map<String, Object> articleBody(ZaloArticle article, String id) {
        var body = new LinkedHashMap<String, Object>();
        if (id != null) {
            body.put("id", id);
        }
        if (article instanceof ZaloArticle.Normal n) {
            body.put("type", "normal");
            body.put("title", n.title());
            body.put("author", n.author());
            var cover = new LinkedHashMap<String, Object>();
            cover.put("cover_type", "photo");
            cover.put("photo_url", n.coverPhotoUrl());
            cover.put("status", "show");
            body.put("cover", cover);
            body.put("description", n.description());
            var blocks = new ArrayList<Map<String, Object>>();
            for (var b : n.body()) {
                var block = new LinkedHashMap<String, Object>();
                block.put("type", b.type());
                if (b.content() != null) {
                    block.put("content", b.content());
                }
                if (b.url() != null) {
                    block.put("url", b.url());
                }
                if (b.caption() != null) {
                    block.put("caption", b.caption());
                }
                blocks.add(block);
            }
            body.put("body", blocks);
            body.put("status", n.visible() ? "show" : "hide");
            body.put("comment", n.comments() ? "show" : "hide");
        } else if (article instanceof ZaloArticle.Video v) {
            body.put("type", "video");
            body.put("title", v.title());
            body.put("description", v.description());
            body.put("video_id", v.videoId());
            body.put("avatar", v.avatarUrl());
            body.put("comment", v.comments() ? "show" : "hide");
        }
        return body;
    }

    private JsonNode postJson(String accessToken, String path, Object body) throws IOException {
        var request = HttpRequest.newBuilder(openApi.resolve(path))
                .timeout(timeout)
                .header("access_token", accessToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        return data(send(request));
    }

    private JsonNode get(String accessToken, String pathAndQuery) throws IOException {
        var request = HttpRequest.newBuilder(openApi.resolve(pathAndQuery))
                .timeout(timeout)
                .header("access_token", accessToken)
                .GET()
                .build();
        return data(send(request));
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Unwraps {"error":0,"message":…,"data":…}; a non-zero error or a non-2xx status is a ZaloApiException. */
    private JsonNode data(HttpResponse<String> response) {
        JsonNode node;
        try {
            node = json.readTree(response.body());
        } catch (RuntimeException e) {
            throw new ZaloApiException(0, response.statusCode(), "unreadable answer");
        }
        int error = node.path("error").asInt(0);
        if (error != 0 || response.statusCode() / 100 != 2) {
            throw new ZaloApiException(
                    error, response.statusCode(), node.path("message").asString("error"));
        }
        return node.path("data");
    }

    /**
     * Zalo's reference gives getslice's {@code create_date} as a timestamp without stating its unit.
     * A value below 10^11 cannot be milliseconds of any date since 1973 (and as seconds it reaches
     * the year 5138), so it is read as seconds: either way the result is epoch milliseconds.
     */
    static long epochMillis(long timestamp) {
        return timestamp != 0 && Math.abs(timestamp) < 100_000_000_000L ? timestamp * 1000 : timestamp;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
