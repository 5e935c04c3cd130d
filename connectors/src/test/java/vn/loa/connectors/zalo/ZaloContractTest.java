package vn.loa.connectors.zalo;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.loa.connectors.Platform;
import vn.loa.connectors.PublishRequest;
import vn.loa.connectors.credentials.InMemoryCredentialStore;
import vn.loa.connectors.credentials.ZaloOAuth;
import vn.loa.connectors.error.ConnectorException;
import vn.loa.connectors.error.FailureKind;

/** The Zalo connector and its client against WireMock answering with the OA Open API's shapes. */
class ZaloContractTest extends ZaloWireMock {

    @Test
    void anArticleIsCreatedThenVerifiedUntilZaloGivesItsId() {
        wm.stubFor(post("/v2.0/article/create").willReturn(okJson(ok("{\"token\":\"TOK\"}"))));
        wm.stubFor(post("/v2.0/article/verify")
                .inScenario("verify")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"error\":-214,\"message\":\"Article is being processed\"}"))
                .willSetStateTo("done"));
        wm.stubFor(post("/v2.0/article/verify")
                .inScenario("verify")
                .whenScenarioStateIs("done")
                .willReturn(okJson(ok("{\"id\":\"art-99\"}"))));

        var post = connector().publish(article("Vườn hoa mới", "Đoạn một.\n\nĐoạn hai."));

        assertThat(post.externalId()).isEqualTo("art-99");
        assertThat(pauses).containsExactly(Duration.ofSeconds(3));
        var create =
                wm.findAll(postRequestedFor(urlEqualTo("/v2.0/article/create"))).get(0);
        assertThat(create.getHeader("access_token")).isEqualTo("ACCESS-1");
        assertThat(create.getBodyAsString())
                .contains("\"type\":\"normal\"")
                .contains("\"title\":\"Vườn hoa mới\"")
                .contains(
                        "\"cover\":{\"cover_type\":\"photo\",\"photo_url\":\"https://cdn.example/cover.jpg\",\"status\":\"show\"}")
                .contains("{\"type\":\"text\",\"content\":\"Đoạn một.\"}")
                .contains("{\"type\":\"text\",\"content\":\"Đoạn hai.\"}")
                .contains("\"status\":\"show\"");
        wm.verify(
                2,
                postRequestedFor(urlEqualTo("/v2.0/article/verify"))
                        .withRequestBody(equalToJson("{\"token\":\"TOK\"}")));
    }

    @Test
    void theArticleIsSignedWithItsAuthorCutToZalosLimit() {
        wm.stubFor(post("/v2.0/article/create").willReturn(okJson(ok("{\"token\":\"TOK\"}"))));
        wm.stubFor(post("/v2.0/article/verify").willReturn(okJson(ok("{\"id\":\"art-1\"}"))));
        var zalo = connector();

        zalo.publish(article("Tin mới", "Nội dung").withAuthor("Cổng thông tin điện tử Hà Nội"));
        // 200 characters are allowed for a channel's name in Loa; Zalo's author field takes 50.
        var longName = "Ủy ban nhân dân thành phố Hà Nội - Cổng thông tin điện tử chính thức";
        zalo.publish(article("Tin mới hai", "Nội dung").withAuthor(longName));

        var creates = wm.findAll(postRequestedFor(urlEqualTo("/v2.0/article/create")));
        assertThat(creates.get(0).getBodyAsString()).contains("\"author\":\"Cổng thông tin điện tử Hà Nội\"");
        var signed = creates.get(1).getBodyAsString().replaceAll(".*\"author\":\"([^\"]*)\".*", "$1");
        assertThat(signed.codePointCount(0, signed.length())).isLessThanOrEqualTo(50);
        assertThat(longName).startsWith(signed);
        assertThat(signed).isEqualTo("Ủy ban nhân dân thành phố Hà Nội - Cổng thông tin");
    }

    @Test
    void anArticleStillProcessingAfterEveryCheckIsAnUnknownOutcome() {
        wm.stubFor(post("/v2.0/article/create").willReturn(okJson(ok("{\"token\":\"TOK\"}"))));
        wm.stubFor(post("/v2.0/article/verify").willReturn(okJson("{\"error\":-214,\"message\":\"processing\"}")));
        assertThatThrownBy(() -> connector().publish(article("x", "y")))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.UNKNOWN_OUTCOME));
    }

    @Test
    void aVideoArticleUploadsTheVideoFirst() {
        wm.stubFor(post("/v2.0/article/upload_video/preparevideo").willReturn(okJson(ok("{\"token\":\"VT\"}"))));
        wm.stubFor(get(urlPathEqualTo("/v2.0/article/upload_video/verify"))
                .inScenario("video")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(ok("{\"status\":3}")))
                .willSetStateTo("ready"));
        wm.stubFor(get(urlPathEqualTo("/v2.0/article/upload_video/verify"))
                .inScenario("video")
                .whenScenarioStateIs("ready")
                .willReturn(okJson(ok("{\"video_id\":\"VID-7\",\"status\":1}"))));
        wm.stubFor(post("/v2.0/article/create").willReturn(okJson(ok("{\"token\":\"TOK\"}"))));
        wm.stubFor(post("/v2.0/article/verify").willReturn(okJson(ok("{\"id\":\"art-100\"}"))));

        var video = connector().publish(video("k", null));

        assertThat(video.externalId()).isEqualTo("art-100");
        var upload = wm.findAll(postRequestedFor(urlEqualTo("/v2.0/article/upload_video/preparevideo")))
                .get(0);
        assertThat(upload.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(upload.getBodyAsString()).contains("name=\"file\"; filename=\"film.mp4\"");
        wm.verify(postRequestedFor(urlEqualTo("/v2.0/article/create"))
                .withRequestBody(matchingJsonPath("$.type", equalTo("video")))
                .withRequestBody(matchingJsonPath("$.video_id", equalTo("VID-7"))));
    }

    @Test
    void updateRemoveAndTheSliceWithViewsAndShares() {
        wm.stubFor(post("/v2.0/article/update").willReturn(okJson(ok("{\"token\":\"UT\"}"))));
        wm.stubFor(post("/v2.0/article/verify").willReturn(okJson(ok("{\"id\":\"art-1\"}"))));
        wm.stubFor(post("/v2.0/article/remove").willReturn(okJson(ok("{}"))));
        wm.stubFor(get(urlPathEqualTo("/v2.0/article/getslice")).willReturn(okJson(ok("{\"medias\":[],\"total\":1}"))));
        wm.stubFor(get(urlPathEqualTo("/v2.0/article/getslice"))
                .withQueryParam("type", equalTo("normal"))
                .withQueryParam("offset", equalTo("0"))
                .willReturn(okJson(
                        ok("{\"medias\":[{\"id\":\"art-1\",\"type\":\"normal\",\"title\":\"A\",\"status\":\"show\","
                                + "\"total_view\":1500,\"total_share\":42,\"create_date\":1795000000000,\"update_date\":1795000000000}],"
                                + "\"total\":1}"))));
        wm.stubFor(get(urlPathEqualTo("/v2.0/article/getslice"))
                .withQueryParam("type", equalTo("video"))
                .willReturn(okJson(ok("{\"medias\":[],\"total\":0}"))));
        var zalo = connector();
        zalo.edit("art-1", article("A (sửa)", "Nội dung"));
        zalo.delete(oa(), "art-1");
        var engagement = zalo.readEngagement(oa(), List.of("art-1", "art-gone"));

        wm.verify(postRequestedFor(urlEqualTo("/v2.0/article/update"))
                .withRequestBody(matchingJsonPath("$.id", equalTo("art-1"))));
        wm.verify(postRequestedFor(urlEqualTo("/v2.0/article/remove"))
                .withRequestBody(equalToJson("{\"id\":\"art-1\"}")));
        assertThat(engagement).containsOnlyKeys("art-1");
        assertThat(engagement.get("art-1").views()).isEqualTo(1500);
        assertThat(engagement.get("art-1").shares()).isEqualTo(42);
        wm.verify(getRequestedFor(urlPathEqualTo("/v2.0/article/getslice")).withQueryParam("limit", equalTo("10")));
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheNewRefreshTokenStoredBeforeUse() {
        wm.stubFor(get(urlPathEqualTo("/v2.0/oa/getoa"))
                .withHeader("access_token", equalTo("ACCESS-1"))
                .willReturn(okJson("{\"error\":-220,\"message\":\"Access token has expired\"}")));
        wm.stubFor(get(urlPathEqualTo("/v2.0/oa/getoa"))
                .withHeader("access_token", equalTo("ACCESS-2"))
                .willReturn(okJson(ok("{\"num_follower\":62300}"))));
        wm.stubFor(post("/v4/oa/access_token")
                .willReturn(okJson(
                        "{\"access_token\":\"ACCESS-2\",\"refresh_token\":\"REFRESH-2\",\"expires_in\":\"90000\"}")));

        assertThat(connector().followerCount(oa())).isEqualTo(62_300);

        wm.verify(
                1,
                postRequestedFor(urlEqualTo("/v4/oa/access_token"))
                        .withHeader("secret_key", equalTo("SECRET-KEY"))
                        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                        .withRequestBody(containing("refresh_token=REFRESH-1"))
                        .withRequestBody(containing("app_id=APP"))
                        .withRequestBody(containing("grant_type=refresh_token")));
        var stored = (ZaloOAuth) store.current();
        assertThat(stored.accessToken()).isEqualTo("ACCESS-2");
        assertThat(stored.refreshToken()).isEqualTo("REFRESH-2");
        assertThat(stored.accessExpiresAt()).isEqualTo(clock.instant().plusSeconds(90_000));
    }

    @Test
    void aTokenAboutToExpireIsRefreshedBeforeTheCallAndARefusedRefreshMeansReconnecting() {
        store = new InMemoryCredentialStore(
                new ZaloOAuth("APP", "SECRET-KEY", "ACCESS-1", clock.instant().plusSeconds(60), "REFRESH-1"));
        wm.stubFor(post("/v4/oa/access_token")
                .willReturn(okJson("{\"error\":-14014,\"error_name\":\"Invalid refresh token\"}")));
        assertThatThrownBy(() -> connector().followerCount(oa()))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.AUTH_EXPIRED));
        wm.verify(0, getRequestedFor(urlPathEqualTo("/v2.0/oa/getoa")));
        assertThat(((ZaloOAuth) store.current()).refreshToken()).isEqualTo("REFRESH-1");
    }

    @ParameterizedTest(name = "error {0} -> {1}")
    @CsvSource({
        "-32, RATE_LIMITED",
        "-211, RATE_LIMITED",
        "-223, RATE_LIMITED",
        "-201, REJECTED",
        "-210, REJECTED",
        "-204, AUTH_EXPIRED",
        "-205, AUTH_EXPIRED",
        "-209, AUTH_EXPIRED",
        "-212, AUTH_EXPIRED",
        "-221, AUTH_EXPIRED",
        "-224, AUTH_EXPIRED",
        "-242, AUTH_EXPIRED"
    })
    void zaloErrorCodesMapIntoTheTaxonomy(int error, FailureKind kind) {
        wm.stubFor(post("/v2.0/article/create")
                .willReturn(okJson("{\"error\":" + error + ",\"message\":\"Lỗi " + error + "\"}")));
        assertThatThrownBy(() -> connector().publish(article("x", "y")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.platformCode()).isEqualTo(String.valueOf(error));
                    if (kind == FailureKind.RATE_LIMITED) {
                        assertThat(e.retryAfter()).isPositive();
                    }
                    if (kind == FailureKind.REJECTED) {
                        assertThat(e.userMessage()).contains("Lỗi " + error);
                    }
                });
    }

    @Test
    void aGatewayErrorOrTimeoutOnCreateIsAnUnknownOutcomeAndOnAReadTransient() {
        wm.stubFor(post("/v2.0/article/create")
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));
        wm.stubFor(get(urlPathEqualTo("/v2.0/oa/getoa"))
                .willReturn(okJson(ok("{\"num_follower\":1}")).withFixedDelay(1_500)));
        assertThatThrownBy(() -> connector().publish(article("x", "y")))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.UNKNOWN_OUTCOME));
        assertThatThrownBy(() -> connector().followerCount(oa()))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.TRANSIENT));
    }

    @Test
    void zaloHasNoSchedulerOfItsOwnAndSaysSoAsAConnectorRefusal() {
        var connector = connector();
        assertThat(connector.capabilities().nativeScheduling()).isFalse();
        assertThat(connector.capabilities().comments()).isFalse();
        assertThat(connector.capabilities().engagementBatchSize()).isGreaterThan(1);
        assertThatThrownBy(() -> connector.scheduleNatively(
                        article("x", "y"), clock.instant().plus(Duration.ofDays(1))))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.REJECTED);
                    assertThat(e.platform()).isEqualTo(Platform.ZALO);
                });
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theListingIsReadTenAtATimeAndOnlyAnEmptyPageEndsIt() {
        // Zalo refuses more than 10 a call (-201 "maximum limit is 10"), and a page may come back short.
        wm.stubFor(get(urlPathEqualTo("/v2.0/article/getslice")).willReturn(okJson(ok("{\"medias\":[],\"total\":0}"))));
        wm.stubFor(get(urlPathEqualTo("/v2.0/article/getslice"))
                .withQueryParam("limit", notMatching("([0-9]|10)"))
                .willReturn(okJson("{\"error\":-201,\"message\":\"Invalid parameter: maximum limit is 10\"}")));
        wm.stubFor(slice("normal", 0, summary("a-1", 1_795_000_000_000L), summary("a-2", 1_795_000_000_000L)));
        wm.stubFor(slice("normal", 10, summary("a-3", 1_795_000_000_000L)));

        var read = connector().readEngagement(oa(), List.of("a-1", "a-3", "gone"));

        assertThat(read).containsOnlyKeys("a-1", "a-3");
        wm.verify(
                3, getRequestedFor(urlPathEqualTo("/v2.0/article/getslice")).withQueryParam("type", equalTo("normal")));
        wm.verify(getRequestedFor(urlPathEqualTo("/v2.0/article/getslice")).withQueryParam("offset", equalTo("20")));
        wm.verify(
                0,
                getRequestedFor(urlPathEqualTo("/v2.0/article/getslice")).withQueryParam("limit", notMatching("10")));
    }

    @ParameterizedTest(name = "create_date {0}")
    @CsvSource({"1795000000000, milliseconds", "1795000000, seconds"})
    void createDateReadsTheSameInstantInMillisecondsOrSeconds(long createDate, String unit) {
        var at = Instant.ofEpochMilli(1_795_000_000_000L);
        clock.set(at.plusSeconds(30));
        wm.stubFor(get(urlPathEqualTo("/v2.0/article/getslice")).willReturn(okJson(ok("{\"medias\":[],\"total\":0}"))));
        wm.stubFor(slice("normal", 0, summary("a-9", createDate)));

        var found = connector().findPublished(article("A", "x"), at.minusSeconds(10));

        assertThat(found).as(unit).hasValueSatisfying(p -> {
            assertThat(p.externalId()).isEqualTo("a-9");
            assertThat(p.liveAt()).isEqualTo(at);
        });
    }

    private static MappingBuilder slice(String type, int offset, String... medias) {
        return get(urlPathEqualTo("/v2.0/article/getslice"))
                .withQueryParam("type", equalTo(type))
                .withQueryParam("offset", equalTo(String.valueOf(offset)))
                .withQueryParam("limit", equalTo("10"))
                .willReturn(okJson(ok("{\"medias\":[" + String.join(",", medias) + "],\"total\":3}")));
    }

    private static String summary(String id, long createDate) {
        return "{\"id\":\"" + id + "\",\"type\":\"normal\",\"title\":\"A\",\"status\":\"show\",\"total_view\":10,"
                + "\"total_share\":1,\"create_date\":" + createDate + ",\"update_date\":" + createDate + "}";
    }

    private PublishRequest article(String title, String body) {
        return article(title, body, "key-1");
    }
}
