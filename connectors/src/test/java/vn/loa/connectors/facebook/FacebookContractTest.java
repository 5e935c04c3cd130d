package vn.loa.connectors.facebook;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.loa.connectors.ChannelAccess;
import vn.loa.connectors.Media;
import vn.loa.connectors.Platform;
import vn.loa.connectors.PostKind;
import vn.loa.connectors.PublishRequest;
import vn.loa.connectors.credentials.FacebookPageToken;
import vn.loa.connectors.credentials.InMemoryCredentialStore;
import vn.loa.connectors.error.ConnectorException;
import vn.loa.connectors.error.FailureKind;
import vn.loa.connectors.support.WireMockPlatform;
import vn.loa.testsupport.MutableClock;

/** The Facebook connector against WireMock answering with the Graph API's documented shapes. */
class FacebookContractTest extends WireMockPlatform {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    private final List<String> usage = new ArrayList<>();
    private final ChannelAccess page = new ChannelAccess(
            Platform.FACEBOOK, "1001", new InMemoryCredentialStore(new FacebookPageToken("PAGE-TOKEN-abc", null)));

    private FacebookConnector connector() {
        var defaults = FacebookSettings.defaults(baseUrl());
        var settings = new FacebookSettings(
                defaults.graphUrl(),
                defaults.videoUrl(),
                defaults.insightsMetrics(),
                defaults.reachMetric(),
                defaults.scheduleMinLead(),
                defaults.scheduleMaxLead(),
                defaults.messageMaxChars(),
                defaults.photoMaxBytes(),
                defaults.photoTypes(),
                Duration.ofSeconds(2),
                Duration.ofMillis(800));
        return new FacebookConnector(settings, (p, scope, pct, regain) -> usage.add(scope + "=" + pct), clock);
    }

    @Test
    void aLinkPostGoesToTheFeedWithTheTokenInAHeader() {
        wm.stubFor(post("/v24.0/1001/feed")
                .willReturn(okJson("{\"id\":\"1001_55\"}")
                        .withHeader("x-app-usage", "{\"call_count\":85,\"total_cputime\":10,\"total_time\":12}")));

        var post = connector().publish(request(PostKind.LINK, "Tin tốt hôm nay", List.of()));

        assertThat(post.externalId()).isEqualTo("1001_55");
        assertThat(post.scheduledOnPlatform()).isFalse();
        wm.verify(postRequestedFor(urlEqualTo("/v24.0/1001/feed"))
                .withHeader("Authorization", equalTo("Bearer PAGE-TOKEN-abc"))
                .withRequestBody(containing("message=Tin+t%E1%BB%91t+h%C3%B4m+nay"))
                .withRequestBody(containing("link=https%3A%2F%2Fhanoi.gov.vn%2Ftin")));
        assertThat(wm.getAllServeEvents().get(0).getRequest().getUrl()).doesNotContain("PAGE-TOKEN");
        assertThat(usage).contains("app=85");
    }

    @Test
    void onePhotoGoesToPhotosAndSeveralAreAttachedToOneFeedPost() {
        wm.stubFor(post("/v24.0/1001/photos")
                .withRequestBody(containing("one.jpg"))
                .willReturn(okJson("{\"id\":\"901\",\"post_id\":\"1001_901\"}")));
        assertThat(connector()
                        .publish(request(PostKind.PHOTO, "Ảnh", List.of(Media.of("https://cdn.x/one.jpg"))))
                        .externalId())
                .isEqualTo("1001_901");

        wm.resetAll();
        wm.stubFor(
                post("/v24.0/1001/photos").withRequestBody(containing("a.jpg")).willReturn(okJson("{\"id\":\"11\"}")));
        wm.stubFor(
                post("/v24.0/1001/photos").withRequestBody(containing("b.jpg")).willReturn(okJson("{\"id\":\"12\"}")));
        wm.stubFor(post("/v24.0/1001/feed").willReturn(okJson("{\"id\":\"1001_77\"}")));
        var album = connector()
                .publish(request(
                        PostKind.PHOTO,
                        "Hai ảnh",
                        List.of(Media.of("https://cdn.x/a.jpg"), Media.of("https://cdn.x/b.jpg"))));
        assertThat(album.externalId()).isEqualTo("1001_77");
        wm.verify(2, postRequestedFor(urlEqualTo("/v24.0/1001/photos")).withRequestBody(containing("published=false")));
        wm.verify(postRequestedFor(urlEqualTo("/v24.0/1001/feed"))
                .withRequestBody(containing("attached_media%5B0%5D=%7B%22media_fbid%22%3A%2211%22%7D"))
                .withRequestBody(containing("attached_media%5B1%5D=%7B%22media_fbid%22%3A%2212%22%7D")));
    }

    @Test
    void aScheduledPostIsUnpublishedWithItsTimeInEpochSeconds() {
        wm.stubFor(post("/v24.0/1001/feed").willReturn(okJson("{\"id\":\"1001_60\"}")));
        var at = clock.instant().plus(Duration.ofDays(2));
        var post = connector().scheduleNatively(request(PostKind.TEXT, "Hẹn giờ", List.of()), at);
        assertThat(post.scheduledOnPlatform()).isTrue();
        assertThat(post.liveAt()).isEqualTo(at);
        wm.verify(postRequestedFor(urlEqualTo("/v24.0/1001/feed"))
                .withRequestBody(containing("published=false"))
                .withRequestBody(containing("scheduled_publish_time=" + at.getEpochSecond())));

        assertThatThrownBy(() -> connector()
                        .scheduleNatively(
                                request(PostKind.TEXT, "x", List.of()),
                                clock.instant().plus(Duration.ofMinutes(5))))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.REJECTED));
    }

    @Test
    void editsDeletesAndScheduledPostsForReconciliation() {
        wm.stubFor(post("/v24.0/1001_55").willReturn(okJson("{\"success\":true}")));
        wm.stubFor(delete(urlPathEqualTo("/v24.0/1001_55")).willReturn(okJson("{\"success\":true}")));
        wm.stubFor(
                get(urlPathEqualTo("/v24.0/1001/scheduled_posts"))
                        .willReturn(
                                okJson(
                                        "{\"data\":[{\"id\":\"1001_61\",\"message\":\"Hẹn\",\"scheduled_publish_time\":1795000000}]}")));
        var facebook = connector();
        facebook.edit("1001_55", request(PostKind.TEXT, "Đã sửa", List.of()));
        facebook.delete(page, "1001_55");
        assertThat(facebook.listNativelyScheduled(page)).singleElement().satisfies(p -> {
            assertThat(p.externalId()).isEqualTo("1001_61");
            assertThat(p.liveAt()).isEqualTo(Instant.ofEpochSecond(1_795_000_000));
        });
        wm.verify(postRequestedFor(urlEqualTo("/v24.0/1001_55")).withRequestBody(containing("message=%C4%90%C3%A3")));
        wm.verify(deleteRequestedFor(urlPathEqualTo("/v24.0/1001_55")));
    }

    @Test
    void engagementOf120PostsTakesThreeBatchRequestsOfAtMost50() {
        var ids = IntStream.range(0, 120).mapToObj(i -> "1001_" + i).toList();
        wm.stubFor(post(urlMatching("/v24\\.0/?"))
                .willReturn(aResponse().withTransformers().withStatus(200).withBody(batchAnswer(50))));
        // The third batch has 20 requests.
        wm.stubFor(post(urlMatching("/v24\\.0/?"))
                .withRequestBody(notContaining("1001_0%22"))
                .withRequestBody(containing("1001_119"))
                .willReturn(okJson(batchAnswer(20))));

        var engagement = connector().readEngagement(page, ids);

        assertThat(wm.findAll(postRequestedFor(urlMatching("/v24\\.0/?")))).hasSize(3);
        for (var request : wm.findAll(postRequestedFor(urlMatching("/v24\\.0/?")))) {
            // The form body is encoded once, and each relative_url inside it once more.
            var utf8 = StandardCharsets.UTF_8;
            var body = URLDecoder.decode(URLDecoder.decode(request.getBodyAsString(), utf8), utf8);
            assertThat(body.split("relative_url").length - 1).isLessThanOrEqualTo(50);
            assertThat(body).contains("insights.metric(post_media_view,post_total_media_view_unique,post_clicks)");
        }
        assertThat(engagement).hasSize(120);
        var first = engagement.get("1001_0");
        assertThat(first.reactions()).isEqualTo(12);
        assertThat(first.comments()).isEqualTo(3);
        assertThat(first.shares()).isEqualTo(2);
        assertThat(first.views()).isEqualTo(900);
        assertThat(first.reach()).isEqualTo(640);
    }

    @Test
    void aRetiredInsightsMetricInOneBatchItemIsReportedNotSwallowed() {
        wm.stubFor(post(urlMatching("/v24\\.0/?"))
                .willReturn(okJson("[{\"code\":400,\"headers\":[],\"body\":"
                        + quote("{\"error\":{\"message\":\"(#100) The value must be a valid insights metric\","
                                + "\"type\":\"OAuthException\",\"code\":100,\"fbtrace_id\":\"x\"}}")
                        + "}]")));
        // Code 100 in a batch item means the post is gone; it is left out rather than failing the read.
        assertThat(connector().readEngagement(page, List.of("1001_1"))).isEmpty();
    }

    @ParameterizedTest(name = "code {0}/{1} HTTP {2} -> {3}")
    @CsvSource({
        "1, , 500, TRANSIENT",
        "2, , 500, TRANSIENT",
        "4, , 400, RATE_LIMITED",
        "17, , 400, RATE_LIMITED",
        "32, , 400, RATE_LIMITED",
        "613, , 400, RATE_LIMITED",
        "80001, , 400, RATE_LIMITED",
        "190, 463, 400, AUTH_EXPIRED",
        "190, 460, 400, AUTH_EXPIRED",
        "190, 458, 400, AUTH_EXPIRED",
        "10, , 403, AUTH_EXPIRED",
        "200, , 403, AUTH_EXPIRED",
        "299, , 403, AUTH_EXPIRED",
        "100, 1366046, 400, REJECTED",
        "368, , 400, REJECTED",
        "506, , 400, REJECTED"
    })
    void graphErrorCodesMapIntoTheTaxonomy(int code, Integer subcode, int status, FailureKind kind) {
        var error = "{\"error\":{\"message\":\"m\",\"type\":\"OAuthException\",\"code\":" + code
                + (subcode == null ? "" : ",\"error_subcode\":" + subcode)
                + ",\"error_user_msg\":\"Ảnh phải nhỏ hơn 4 MB\",\"fbtrace_id\":\"AbC\"}}";
        wm.stubFor(post("/v24.0/1001/feed")
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(error)));

        assertThatThrownBy(() -> connector().publish(request(PostKind.TEXT, "x", List.of())))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.platformCode()).isEqualTo(subcode == null ? "" + code : code + "/" + subcode);
                    if (kind == FailureKind.REJECTED) {
                        assertThat(e.userMessage()).isEqualTo("Ảnh phải nhỏ hơn 4 MB");
                    }
                    if (kind == FailureKind.RATE_LIMITED) {
                        assertThat(e.retryAfter()).isPositive();
                    }
                });
    }

    @Test
    void theBusinessUseCaseHeaderSaysHowLongToWait() {
        wm.stubFor(post("/v24.0/1001/feed")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withHeader(
                                "x-business-use-case-usage",
                                "{\"1001\":[{\"type\":\"pages\",\"call_count\":100,"
                                        + "\"total_cputime\":25,\"total_time\":25,\"estimated_time_to_regain_access\":7}]}")
                        .withBody(
                                "{\"error\":{\"message\":\"(#32) Page request limit reached\",\"type\":\"OAuthException\","
                                        + "\"code\":32,\"fbtrace_id\":\"x\"}}")));
        assertThatThrownBy(() -> connector().publish(request(PostKind.TEXT, "x", List.of())))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(7));
                });
        assertThat(usage).contains("buc:pages=100");
    }

    @Test
    void aTimeoutOnAWriteIsAnUnknownOutcomeAndOnAReadATransientFailure() {
        wm.stubFor(post("/v24.0/1001/feed")
                .willReturn(okJson("{\"id\":\"1001_1\"}").withFixedDelay(2_000)));
        wm.stubFor(get(urlPathEqualTo("/v24.0/1001"))
                .willReturn(okJson("{\"followers_count\":5}").withFixedDelay(2_000)));
        assertThatThrownBy(() -> connector().publish(request(PostKind.TEXT, "x", List.of())))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.UNKNOWN_OUTCOME));
        assertThatThrownBy(() -> connector().followerCount(page))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.TRANSIENT));
    }

    @Test
    void followerCountAndTheMarkerSearchReadThePage() {
        wm.stubFor(get(urlPathEqualTo("/v24.0/1001"))
                .withQueryParam("fields", equalTo("followers_count"))
                .willReturn(okJson("{\"id\":\"1001\",\"followers_count\":410000}")));
        wm.stubFor(
                get(urlPathEqualTo("/v24.0/1001/feed"))
                        .willReturn(
                                okJson(
                                        "{\"data\":["
                                                + "{\"id\":\"1001_8\",\"message\":\"khác\",\"created_time\":\"2026-11-23T01:00:05+0000\"},"
                                                + "{\"id\":\"1001_9\",\"message\":\"Tin tốt hôm nay\",\"created_time\":\"2026-11-23T01:00:01+0000\"}]}")));
        var facebook = connector();
        assertThat(facebook.followerCount(page)).isEqualTo(410_000);
        var found = facebook.findPublished(request(PostKind.TEXT, "Tin tốt hôm nay", List.of()), clock.instant());
        assertThat(found).hasValueSatisfying(p -> {
            assertThat(p.externalId()).isEqualTo("1001_9");
            assertThat(p.liveAt()).isEqualTo(Instant.parse("2026-11-23T01:00:01Z"));
        });
        wm.verify(getRequestedFor(urlPathEqualTo("/v24.0/1001/feed"))
                .withQueryParam("since", equalTo(String.valueOf(clock.instant().getEpochSecond()))));
    }

    private PublishRequest request(PostKind kind, String text, List<Media> media) {
        return new PublishRequest(
                page, kind, null, text, null, "https://hanoi.gov.vn/tin", null, media, List.of(), null, "key-1");
    }

    private static String batchAnswer(int n) {
        var item = quote(
                "{\"id\":\"x\",\"reactions\":{\"data\":[],\"summary\":{\"total_count\":12}},"
                        + "\"comments\":{\"data\":[],\"summary\":{\"total_count\":3}},\"shares\":{\"count\":2},"
                        + "\"insights\":{\"data\":[{\"name\":\"post_media_view\",\"period\":\"lifetime\",\"values\":[{\"value\":900}]},"
                        + "{\"name\":\"post_total_media_view_unique\",\"period\":\"lifetime\",\"values\":[{\"value\":640}]}]}}");
        return IntStream.range(0, n)
                .mapToObj(i -> "{\"code\":200,\"headers\":[],\"body\":" + item + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String quote(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // Comments (docs/listening.md)

    @Test
    void commentsComeChronologicallySinceTheMarkWithTheAfterCursorWhileMoreFollow() {
        wm.stubFor(get(urlPathEqualTo("/v24.0/1001_55/comments"))
                .withQueryParam("since", equalTo("1795395600"))
                .withQueryParam("after", absent())
                .willReturn(okJson("""
                        {"data":[
                          {"id":"1001_55_901","message":"Thông tin này sai sự thật!","created_time":"2026-11-23T01:00:05+0000",
                           "like_count":12,"from":{"id":"7001"}},
                          {"id":"1001_55_902","message":"sai su that ko the tin duoc","created_time":"2026-11-23T01:02:00+0000",
                           "like_count":0}
                        ],
                        "paging":{"cursors":{"before":"QVFIUmJl","after":"QVFIUk5m"},
                          "next":"https://graph.facebook.com/v24.0/1001_55/comments?after=QVFIUk5m"}}""")));
        wm.stubFor(get(urlPathEqualTo("/v24.0/1001_55/comments"))
                .withQueryParam("after", equalTo("QVFIUk5m"))
                .willReturn(okJson("""
                        {"data":[{"id":"1001_55_903","message":"Cảm ơn thành phố","created_time":"2026-11-23T01:03:00+0000",
                          "like_count":3,"from":{"id":"7002"}}],
                         "paging":{"cursors":{"before":"QVFIUjAx","after":"QVFIUjAy"}}}""")));

        var since = Instant.parse("2026-11-23T01:00:00Z");
        var first = connector().readComments(page, "1001_55", since, null);

        assertThat(first.comments()).hasSize(2);
        var c = first.comments().get(0);
        assertThat(c.externalId()).isEqualTo("1001_55_901");
        assertThat(c.text()).isEqualTo("Thông tin này sai sự thật!");
        assertThat(c.createdAt()).isEqualTo(Instant.parse("2026-11-23T01:00:05Z"));
        assertThat(c.likeCount()).isEqualTo(12);
        assertThat(c.authorId()).isEqualTo("7001");
        assertThat(first.comments().get(1).authorId())
                .as("Meta withheld the commenter")
                .isNull();
        assertThat(first.nextPageToken()).isEqualTo("QVFIUk5m");

        var second = connector().readComments(page, "1001_55", since, first.nextPageToken());
        assertThat(second.comments()).extracting(x -> x.text()).containsExactly("Cảm ơn thành phố");
        assertThat(second.hasMore()).as("no paging.next: nothing more").isFalse();

        wm.verify(
                2,
                getRequestedFor(urlPathEqualTo("/v24.0/1001_55/comments"))
                        .withHeader("Authorization", equalTo("Bearer PAGE-TOKEN-abc"))
                        .withQueryParam("filter", equalTo("stream"))
                        .withQueryParam("order", equalTo("chronological"))
                        .withQueryParam("limit", equalTo("100"))
                        .withQueryParam("fields", equalTo("id,message,created_time,like_count,from{id}")));
    }

    @Test
    void aPostWithNoCommentsHasAnEmptyPageWithoutPaging() {
        wm.stubFor(get(urlPathEqualTo("/v24.0/1001_56/comments")).willReturn(okJson("{\"data\":[]}")));
        var page1 = connector().readComments(page, "1001_56", null, null);
        assertThat(page1.comments()).isEmpty();
        assertThat(page1.hasMore()).isFalse();
        wm.verify(getRequestedFor(urlPathEqualTo("/v24.0/1001_56/comments")).withQueryParam("since", absent()));
    }

    @Test
    void aRateLimitIsRateLimited() {
        wm.stubFor(get(urlPathEqualTo("/v24.0/1001_57/comments")).willReturn(jsonResponse("""
                        {"error":{"message":"(#4) Application request limit reached","type":"OAuthException","code":4,
                          "is_transient":true,"fbtrace_id":"Abc"}}""", 400)));
        assertThatThrownBy(() -> connector().readComments(page, "1001_57", null, null))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED));
    }

    @Test
    void facebookSaysItReadsComments() {
        assertThat(connector().capabilities().comments()).isTrue();
    }
}
