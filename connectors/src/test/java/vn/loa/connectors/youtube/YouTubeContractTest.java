package vn.loa.connectors.youtube;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.loa.connectors.ChannelAccess;
import vn.loa.connectors.Comment;
import vn.loa.connectors.Media;
import vn.loa.connectors.MediaFetcher;
import vn.loa.connectors.Platform;
import vn.loa.connectors.PostKind;
import vn.loa.connectors.PublishRequest;
import vn.loa.connectors.PublishWarning;
import vn.loa.connectors.UsageObserver;
import vn.loa.connectors.credentials.InMemoryCredentialStore;
import vn.loa.connectors.credentials.YouTubeOAuth;
import vn.loa.connectors.error.ConnectorException;
import vn.loa.connectors.error.FailureKind;
import vn.loa.connectors.support.WireMockPlatform;
import vn.loa.testsupport.MutableClock;

/** The YouTube connector against WireMock answering with the Data API's and Google OAuth's documented shapes. */
class YouTubeContractTest extends WireMockPlatform {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    private final ChannelAccess channel = new ChannelAccess(
            Platform.YOUTUBE,
            "UCcity",
            new InMemoryCredentialStore(new YouTubeOAuth("client-1", "CLIENT-SECRET", "REFRESH-TOKEN", "proj")));
    private final MediaFetcher tenKilobytes =
            media -> new MediaFetcher.Fetched(new ByteArrayInputStream(new byte[10_000]), 10_000, "video/mp4");
    private YouTubeQuota quota;
    private List<Long> progress;

    @BeforeEach
    void token() {
        wm.stubFor(post("/token")
                .willReturn(
                        okJson("{\"access_token\":\"ya29.ACCESS\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
        progress = new ArrayList<>();
    }

    private YouTubeConnector connector(int dailyUnits) {
        var settings = settings(dailyUnits, YouTubeSettings.defaults("/", "/").chunkSize());
        return new YouTubeConnector(settings, quota, tenKilobytes, (key, sent, total) -> progress.add(sent), clock);
    }

    /** Settings against WireMock, with a fresh quota count of {@code dailyUnits} (100 uploads). */
    private YouTubeSettings settings(int dailyUnits, int chunkSize) {
        var d = YouTubeSettings.defaults(baseUrl() + "/", baseUrl() + "/token");
        var settings = new YouTubeSettings(
                d.rootUrl(),
                d.tokenUrl(),
                d.unitCosts(),
                dailyUnits,
                100,
                d.categoryId(),
                chunkSize,
                d.scheduleMinLead(),
                d.scheduleMaxLead(),
                Duration.ofSeconds(2),
                Duration.ofSeconds(2));
        quota = new YouTubeQuota(settings, clock, UsageObserver.NONE);
        return settings;
    }

    private void stubUpload() {
        stubUpload("{\"kind\":\"youtube#video\",\"id\":\"vid123\",\"status\":{\"privacyStatus\":\"public\"}}");
    }

    private void stubUpload(String answer) {
        wm.stubFor(post(urlPathEqualTo("/upload/youtube/v3/videos"))
                .withQueryParam("uploadType", equalTo("resumable"))
                .willReturn(ok().withHeader(
                                "Location",
                                baseUrl() + "/upload/youtube/v3/videos?uploadType=resumable"
                                        + "&upload_id=SESSION-1")));
        wm.stubFor(put(urlPathEqualTo("/upload/youtube/v3/videos"))
                .withQueryParam("upload_id", equalTo("SESSION-1"))
                .willReturn(okJson(answer)));
    }

    @Test
    void aVideoIsUploadedResumablyWithSnippetAndStatusAndTheTokenFromTheRefreshToken() {
        stubUpload();
        var video = connector(10_000).publish(request("Hà Nội mùa thu", "Mô tả"));

        assertThat(video.externalId()).isEqualTo("vid123");
        wm.verify(postRequestedFor(urlPathEqualTo("/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=REFRESH-TOKEN")));
        var start = wm.findAll(postRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos")))
                .get(0);
        assertThat(start.getHeader("Authorization")).isEqualTo("Bearer ya29.ACCESS");
        assertThat(start.getQueryParams().get("part").values()).containsExactlyInAnyOrder("snippet", "status");
        var metadata = new String(unzip(start.getBody()), StandardCharsets.UTF_8);
        assertThat(metadata)
                .contains("\"title\":\"Hà Nội mùa thu\"")
                .contains("\"privacyStatus\":\"public\"")
                .contains("\"categoryId\":\"25\"")
                .doesNotContain("publishAt");
        wm.verify(putRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos"))
                .withHeader("Content-Range", equalTo("bytes 0-9999/10000")));
        assertThat(progress).contains(10_000L);
        assertThat(quota.uploadsUsed("proj")).isEqualTo(1);
    }

    @Test
    void aScheduledVideoIsPrivateWithPublishAt() {
        stubUpload();
        var at = Instant.parse("2026-11-30T00:00:00Z");
        var video = connector(10_000).scheduleNatively(request("Công chiếu", "Ra mắt"), at);
        assertThat(video.scheduledOnPlatform()).isTrue();
        var start = wm.findAll(postRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos")))
                .get(0);
        var metadata = new String(unzip(start.getBody()), StandardCharsets.UTF_8);
        assertThat(metadata)
                .contains("\"privacyStatus\":\"private\"")
                .contains("\"publishAt\":\"2026-11-30T00:00:00.000Z\"");
    }

    @Test
    void statisticsOf120VideosTakeThreeListCallsOfAtMost50Ids() {
        wm.stubFor(get(urlPathEqualTo("/youtube/v3/videos"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(statistics(0, 50))));
        var ids = IntStream.range(0, 120).mapToObj(i -> "v" + i).toList();
        var engagement = connector(10_000).readEngagement(channel, ids);

        var calls = wm.findAll(getRequestedFor(urlPathEqualTo("/youtube/v3/videos")));
        assertThat(calls).hasSize(3);
        assertThat(calls)
                .allSatisfy(c ->
                        assertThat(c.getQueryParams().get("id").values().size()).isLessThanOrEqualTo(50));
        assertThat(calls.get(0).getQueryParams().get("part").values()).containsExactly("statistics");
        assertThat(calls)
                .as("the reference: maxResults is not supported together with id")
                .allSatisfy(c -> assertThat(c.getQueryParams()).doesNotContainKey("maxResults"));
        var first = engagement.get("v0");
        assertThat(first.views()).isEqualTo(1234);
        assertThat(first.reactions()).isEqualTo(56);
        assertThat(first.comments()).isEqualTo(7);
        assertThat(first.shares()).isNull();
        assertThat(quota.unitsUsed("proj")).isEqualTo(3);
    }

    @Test
    void anUpdateResendsTitleAndCategoryAndADeleteIsADelete() {
        wm.stubFor(put(urlPathEqualTo("/youtube/v3/videos")).willReturn(okJson("{\"id\":\"vid123\"}")));
        wm.stubFor(delete(urlPathEqualTo("/youtube/v3/videos")).willReturn(noContent()));
        var youtube = connector(10_000);
        youtube.edit("vid123", request("Tiêu đề mới", "Mô tả mới"));
        youtube.delete(channel, "vid123");
        var update = wm.findAll(putRequestedFor(urlPathEqualTo("/youtube/v3/videos")))
                .get(0);
        var body = new String(unzip(update.getBody()), StandardCharsets.UTF_8);
        assertThat(body)
                .contains("\"id\":\"vid123\"")
                .contains("\"title\":\"Tiêu đề mới\"")
                .contains("\"categoryId\":\"25\"");
        wm.verify(deleteRequestedFor(urlPathEqualTo("/youtube/v3/videos")).withQueryParam("id", equalTo("vid123")));
        assertThat(quota.unitsUsed("proj")).isEqualTo(100);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "403, quotaExceeded, RATE_LIMITED", "403, rateLimitExceeded, RATE_LIMITED",
        "429, userRateLimitExceeded, RATE_LIMITED", "400, uploadLimitExceeded, RATE_LIMITED",
        "403, insufficientPermissions, AUTH_EXPIRED", "400, invalidTitle, REJECTED",
        "400, invalidPublishAt, REJECTED", "403, forbiddenPrivacySetting, REJECTED",
        "500, internalError, TRANSIENT", "503, backendError, TRANSIENT"
    })
    void dataApiErrorsMapIntoTheTaxonomy(int status, String reason, FailureKind kind) {
        wm.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).willReturn(error(status, reason)));
        var youtube = connector(10_000);
        assertThatThrownBy(() -> youtube.readEngagement(channel, List.of("v1")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.platformCode()).isEqualTo(reason);
                    if (reason.equals("quotaExceeded")) {
                        // Quota resets at midnight Pacific time: 08:00 UTC in November.
                        assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(7));
                    }
                });
    }

    @Test
    void aServerErrorDuringAnUploadIsAnUnknownOutcome() {
        wm.stubFor(post(urlPathEqualTo("/upload/youtube/v3/videos"))
                .willReturn(ok().withHeader(
                                "Location", baseUrl() + "/upload/youtube/v3/videos?uploadType=resumable&upload_id=S")));
        wm.stubFor(put(urlPathEqualTo("/upload/youtube/v3/videos")).willReturn(error(503, "backendError")));
        assertThatThrownBy(() -> connector(10_000).publish(request("x", "y")))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.UNKNOWN_OUTCOME));
    }

    @Test
    void aRevokedRefreshTokenOrRejectedAccessTokenMeansReconnecting() {
        wm.stubFor(
                post("/token")
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}")));
        assertThatThrownBy(() -> connector(10_000).readEngagement(channel, List.of("v1")))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.AUTH_EXPIRED));

        token();
        wm.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).willReturn(error(401, "authError")));
        assertThatThrownBy(() -> connector(10_000).readEngagement(channel, List.of("v1")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.AUTH_EXPIRED);
                    assertThat(e.httpStatus()).isEqualTo(401);
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "private on an immediate publish | {\"privacyStatus\":\"private\",\"uploadStatus\":\"uploaded\"} | private | audit",
                "rejected | {\"privacyStatus\":\"public\",\"uploadStatus\":\"rejected\",\"rejectionReason\":\"duplicate\"} | rejected | duplicate",
                "failed | {\"privacyStatus\":\"public\",\"uploadStatus\":\"failed\",\"failureReason\":\"codec\"} | failed | codec"
            })
    void aVideoThePublicCannotSeeIsNoSuccessButNotPublicWithYouTubesReason(
            String what, String status, String code, String reason) {
        stubUpload("{\"kind\":\"youtube#video\",\"id\":\"vid123\",\"status\":" + status + "}");

        assertThatThrownBy(() -> connector(10_000).publish(request("Lễ hội", "Mô tả")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.NOT_PUBLIC);
                    assertThat(e.platformCode()).contains(code);
                    assertThat(e.userMessage()).contains(reason).contains("vid123");
                });
    }

    @Test
    void aScheduledVideoIsMeantToBePrivateUntilItsInstant() {
        stubUpload("{\"kind\":\"youtube#video\",\"id\":\"vid9\",\"status\":{\"privacyStatus\":\"private\","
                + "\"uploadStatus\":\"uploaded\",\"publishAt\":\"2026-11-25T00:00:00Z\"}}");
        var post =
                connector(10_000).scheduleNatively(request("Lễ hội", "Mô tả"), Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(post.externalId()).isEqualTo("vid9");
    }

    @Test
    void visibilityIsReadFromStatusFiftyIdsACallWithoutMaxResults() {
        wm.stubFor(get(urlPathEqualTo("/youtube/v3/videos"))
                .withQueryParam("part", equalTo("status"))
                .willReturn(okJson("{\"kind\":\"youtube#videoListResponse\",\"items\":["
                        + "{\"id\":\"shown\",\"status\":{\"privacyStatus\":\"public\",\"uploadStatus\":\"processed\"}},"
                        + "{\"id\":\"kept\",\"status\":{\"privacyStatus\":\"private\",\"uploadStatus\":\"processed\","
                        + "\"publishAt\":\"2026-11-23T00:00:00Z\"}},"
                        + "{\"id\":\"refused\",\"status\":{\"privacyStatus\":\"private\",\"uploadStatus\":\"rejected\","
                        + "\"rejectionReason\":\"copyright\"}}]}")));

        var seen = connector(10_000).readVisibility(channel, List.of("shown", "kept", "refused", "gone"));

        assertThat(seen).containsOnlyKeys("shown", "kept", "refused");
        assertThat(seen.get("shown").isPublic()).isTrue();
        assertThat(seen.get("kept").isPublic()).isFalse();
        assertThat(seen.get("kept").reason()).contains("private");
        assertThat(seen.get("refused").reason()).contains("copyright");
        wm.verify(1, getRequestedFor(urlPathEqualTo("/youtube/v3/videos")).withoutQueryParam("maxResults"));
        assertThat(quota.unitsUsed("proj")).isEqualTo(1);
    }

    @Test
    void aQuotaRefusalOfAnUploadEmptiesTheUploadBucketNotTheGeneralUnits() {
        wm.stubFor(post(urlPathEqualTo("/upload/youtube/v3/videos")).willReturn(error(403, "quotaExceeded")));
        wm.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).willReturn(okJson(statistics(0, 1))));
        var youtube = connector(10_000);

        assertThatThrownBy(() -> youtube.publish(request("a", "b")))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED));
        assertThat(quota.uploadsUsed("proj")).isEqualTo(100);
        assertThat(quota.unitsUsed("proj")).isZero();
        // Engagement reads go on; the next upload of the project is refused here, before Google.
        assertThat(youtube.readEngagement(channel, List.of("v0"))).containsKey("v0");
        assertThatThrownBy(() -> youtube.publish(request("c", "d")))
                .isInstanceOfSatisfying(
                        ConnectorException.class,
                        e -> assertThat(e.platformCode()).isEqualTo("uploadQuotaExceeded"));
        wm.verify(1, postRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos")));

        // A refusal of a read empties the general units, and leaves the uploads as they were.
        wm.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).willReturn(error(403, "quotaExceeded")));
        assertThatThrownBy(() -> youtube.readEngagement(channel, List.of("v0"))).isInstanceOf(ConnectorException.class);
        assertThat(quota.unitsUsed("proj")).isEqualTo(10_000);
    }

    @Test
    void theDailyBudgetIsKeptBeforeGoogleIsAsked() {
        wm.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).willReturn(okJson(statistics(0, 1))));
        var youtube = connector(2);
        youtube.readEngagement(channel, List.of("v0"));
        youtube.readEngagement(channel, List.of("v0"));
        assertThatThrownBy(() -> youtube.readEngagement(channel, List.of("v0")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
                    assertThat(e.platformCode()).isEqualTo("quotaExceeded");
                });
        wm.verify(2, getRequestedFor(urlPathEqualTo("/youtube/v3/videos")));
        clock.advance(Duration.ofHours(8)); // past midnight Pacific time
        youtube.readEngagement(channel, List.of("v0"));
        wm.verify(3, getRequestedFor(urlPathEqualTo("/youtube/v3/videos")));
    }

    // Thumbnails (thumbnails.set: after the video exists, about 50 units; a refusal is a warning, not a failure)

    private static final byte[] COVER = new byte[2_000];

    private YouTubeConnector withCover(int dailyUnits) {
        var settings = settings(dailyUnits, YouTubeSettings.defaults("/", "/").chunkSize());
        MediaFetcher files = media -> media.url().endsWith(".jpg")
                ? new MediaFetcher.Fetched(new ByteArrayInputStream(COVER), COVER.length, "image/jpeg")
                : tenKilobytes.fetch(media);
        return new YouTubeConnector(settings, quota, files, UploadProgress.NONE, clock);
    }

    private PublishRequest withCoverRequest() {
        var r = request("Lễ hội đèn lồng", "Mô tả");
        return new PublishRequest(
                r.channel(),
                r.kind(),
                r.title(),
                r.text(),
                r.summary(),
                r.link(),
                new Media("https://cdn.example/cover.jpg", "image/jpeg", (long) COVER.length, null),
                r.media(),
                r.tags(),
                r.author(),
                r.idempotencyKey());
    }

    private static final String THUMBNAILS = "/upload/youtube/v3/thumbnails/set";

    @Test
    void aCoverIsSetAsTheThumbnailOnceTheVideoExistsForFiftyUnits() {
        stubUpload();
        wm.stubFor(post(urlPathEqualTo(THUMBNAILS))
                .willReturn(okJson("{\"kind\":\"youtube#thumbnailSetResponse\",\"items\":[{\"default\":"
                        + "{\"url\":\"https://i.ytimg.com/vi/vid123/default.jpg\",\"width\":120,\"height\":90}}]}")));

        var video = withCover(10_000).publish(withCoverRequest());

        assertThat(video.externalId()).isEqualTo("vid123");
        assertThat(video.warnings()).isEmpty();
        var set = wm.findAll(postRequestedFor(urlPathEqualTo(THUMBNAILS)));
        assertThat(set).hasSize(1);
        assertThat(set.get(0).queryParameter("videoId").firstValue()).isEqualTo("vid123");
        assertThat(set.get(0).queryParameter("uploadType").firstValue()).isEqualTo("media");
        assertThat(set.get(0).getHeader("Content-Type")).isEqualTo("image/jpeg");
        assertThat(set.get(0).getHeader("Authorization")).isEqualTo("Bearer ya29.ACCESS");
        assertThat(set.get(0).getBody()).isEqualTo(COVER);
        assertThat(quota.unitsUsed("proj")).as("thumbnails.set: about 50 units").isEqualTo(50);
        assertThat(quota.uploadsUsed("proj")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "403 | forbidden | verified",
                "400 | invalidImage | could not use the cover",
                "400 | mediaBodyRequired | empty",
                "429 | uploadRateLimitExceeded | too many thumbnails",
                "503 | backendError | backendError"
            })
    void aRefusedThumbnailLeavesTheVideoPublishedWithAWarningAndUploadsNothingAgain(
            int status, String reason, String said) {
        stubUpload();
        wm.stubFor(post(urlPathEqualTo(THUMBNAILS)).willReturn(error(status, reason)));

        var video = withCover(10_000).publish(withCoverRequest());

        assertThat(video.externalId()).isEqualTo("vid123");
        assertThat(video.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(PublishWarning.Kind.THUMBNAIL_NOT_SET);
            assertThat(w.platformCode()).isEqualTo(reason);
            assertThat(w.message()).contains("without its thumbnail").contains(said);
            assertThat(w.channelWide())
                    .as("only an unverified channel's refusal is the channel's")
                    .isEqualTo(reason.equals("forbidden"));
        });
        wm.verify(1, postRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos")));
        wm.verify(1, postRequestedFor(urlPathEqualTo(THUMBNAILS)));
    }

    @Test
    void withoutFiftyUnitsLeftTheThumbnailIsNotTriedAndTheVideoStaysPublished() {
        stubUpload();
        var video = withCover(49).publish(withCoverRequest());

        assertThat(video.externalId()).isEqualTo("vid123");
        assertThat(video.warnings()).extracting(PublishWarning::platformCode).containsExactly("quotaExceeded");
        wm.verify(0, postRequestedFor(urlPathEqualTo(THUMBNAILS)));
    }

    // Resumable uploads (YouTube's guide "Resumable uploads": status query, 308 and Range, resume from n+1)

    private static final int CHUNK = 262_144;
    private static final int FILE = 600_000;
    private static final String SESSION = "/upload/youtube/v3/videos?uploadType=resumable&upload_id=SESSION-R";

    private static byte[] film() {
        var bytes = new byte[FILE];
        for (int i = 0; i < FILE; i++) {
            bytes[i] = (byte) (i * 7 + i / 1000);
        }
        return bytes;
    }

    private YouTubeConnector resumable(List<String> receipts) {
        var settings = settings(10_000, CHUNK);
        MediaFetcher fresh = media -> new MediaFetcher.Fetched(new ByteArrayInputStream(film()), FILE, "video/mp4");
        return new YouTubeConnector(
                settings,
                quota,
                fresh,
                (key, sent, total) -> progress.add(sent),
                (key, receipt) -> receipts.add(receipt),
                clock);
    }

    private ScenarioMappingBuilder chunk(String range) {
        return put(urlPathEqualTo("/upload/youtube/v3/videos"))
                .withQueryParam("upload_id", equalTo("SESSION-R"))
                .withHeader("Content-Range", equalTo(range))
                .inScenario("upload");
    }

    private static ResponseDefinitionBuilder held(long lastByte) {
        return aResponse().withStatus(308).withHeader("Range", "bytes=0-" + lastByte);
    }

    @Test
    void anUploadCutOffAfterPartOfTheFileResumesFromTheLastByteYouTubeHoldsAndMakesOneVideo() {
        wm.stubFor(post(urlPathEqualTo("/upload/youtube/v3/videos"))
                .withQueryParam("uploadType", equalTo("resumable"))
                .willReturn(ok().withHeader("Location", baseUrl() + SESSION)));
        wm.stubFor(chunk("bytes 0-262143/600000")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(held(262_143))
                .willSetStateTo("first held"));
        // The connection breaks while the second chunk is on its way.
        wm.stubFor(chunk("bytes 262144-524287/600000")
                .whenScenarioStateIs("first held")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("cut"));
        wm.stubFor(chunk("bytes */600000").whenScenarioStateIs("cut").willReturn(held(262_143)));
        wm.stubFor(chunk("bytes 262144-524287/600000")
                .whenScenarioStateIs("cut")
                .willReturn(held(524_287))
                .willSetStateTo("second held"));
        wm.stubFor(chunk("bytes 524288-599999/600000")
                .whenScenarioStateIs("second held")
                .willReturn(okJson("{\"kind\":\"youtube#video\",\"id\":\"vidR\","
                        + "\"status\":{\"privacyStatus\":\"public\",\"uploadStatus\":\"uploaded\"}}")));
        var receipts = new ArrayList<String>();
        var youtube = resumable(receipts);
        var request = request("Lễ hội mùa xuân", "Mô tả");

        assertThatThrownBy(() -> youtube.publish(request))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.UNKNOWN_OUTCOME));
        assertThat(receipts)
                .as("the session is kept before the first byte goes")
                .containsExactly("youtube-upload:600000:" + baseUrl() + SESSION);

        // Settling asks the session: half a file is no video yet, so "not there" (the next attempt resumes).
        assertThat(youtube.findPublished(request, clock.instant(), receipts.get(0)))
                .isEmpty();

        var video = youtube.publish(request.resumingFrom(receipts.get(0)));

        assertThat(video.externalId()).isEqualTo("vidR");
        wm.verify(1, postRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos")));
        assertThat(quota.uploadsUsed("proj")).as("one videos.insert").isEqualTo(1);
        var puts = wm.findAll(putRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos")));
        assertThat(puts)
                .extracting(p -> p.getHeader("Content-Range"))
                .containsExactly(
                        "bytes 0-262143/600000",
                        "bytes 262144-524287/600000",
                        "bytes */600000",
                        "bytes */600000",
                        "bytes 262144-524287/600000",
                        "bytes 524288-599999/600000");
        var film = film();
        assertThat(puts.get(4).getBody()).isEqualTo(Arrays.copyOfRange(film, 262_144, 524_288));
        assertThat(puts.get(5).getBody()).isEqualTo(Arrays.copyOfRange(film, 524_288, FILE));
        assertThat(progress).contains(262_144L, 524_288L, 600_000L);
    }

    @Test
    void whatYouTubeDidNotKeepOfAChunkIsSentAgainAtTheHeadOfTheNext() {
        wm.stubFor(post(urlPathEqualTo("/upload/youtube/v3/videos"))
                .willReturn(ok().withHeader("Location", baseUrl() + SESSION)));
        // The guide: the 308's Range says what YouTube holds, which may be less than was sent.
        wm.stubFor(chunk("bytes 0-262143/600000").willReturn(held(99_999)));
        wm.stubFor(chunk("bytes 100000-362143/600000").willReturn(held(362_143)));
        wm.stubFor(
                chunk("bytes 362144-599999/600000").willReturn(okJson("{\"kind\":\"youtube#video\",\"id\":\"vidK\"}")));

        var video = resumable(new ArrayList<>()).publish(request("Phim", "Mô tả"));

        assertThat(video.externalId()).isEqualTo("vidK");
        var puts = wm.findAll(putRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos")));
        assertThat(puts)
                .extracting(p -> p.getHeader("Content-Range"))
                .containsExactly("bytes 0-262143/600000", "bytes 100000-362143/600000", "bytes 362144-599999/600000");
        var film = film();
        assertThat(puts.get(1).getBody()).isEqualTo(Arrays.copyOfRange(film, 100_000, 362_144));
        assertThat(puts.get(2).getBody()).isEqualTo(Arrays.copyOfRange(film, 362_144, FILE));
    }

    @Test
    void anUploadWhoseLastAnswerWasLostIsFoundFromItsSessionAndAnExpiredOneStartsAgain() {
        wm.stubFor(chunk("bytes */600000")
                .willReturn(okJson("{\"kind\":\"youtube#video\",\"id\":\"vidDone\","
                        + "\"status\":{\"privacyStatus\":\"public\",\"uploadStatus\":\"uploaded\"}}")));
        var receipts = new ArrayList<String>();
        var youtube = resumable(receipts);
        var kept = "youtube-upload:600000:" + baseUrl() + SESSION;
        var request = request("Lễ hội", "Mô tả");

        assertThat(youtube.findPublished(request, clock.instant(), kept))
                .get()
                .extracting(p -> p.externalId())
                .isEqualTo("vidDone");
        assertThat(youtube.publish(request.resumingFrom(kept)).externalId()).isEqualTo("vidDone");
        wm.verify(0, postRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos")));
        assertThat(quota.uploadsUsed("proj")).isZero();

        // Google: a 404 on the status query means the session expired; the upload begins anew.
        wm.resetAll();
        token();
        wm.stubFor(chunk("bytes */600000").willReturn(error(404, "notFound")));
        wm.stubFor(post(urlPathEqualTo("/upload/youtube/v3/videos"))
                .willReturn(ok().withHeader(
                                "Location",
                                baseUrl() + "/upload/youtube/v3/videos?uploadType=resumable&upload_id=NEW")));
        wm.stubFor(put(urlPathEqualTo("/upload/youtube/v3/videos"))
                .withQueryParam("upload_id", equalTo("NEW"))
                .withHeader("Content-Range", equalTo("bytes 524288-599999/600000"))
                .willReturn(okJson("{\"kind\":\"youtube#video\",\"id\":\"vidNew\"}")));
        for (var range : List.of("0-262143", "262144-524287")) {
            wm.stubFor(put(urlPathEqualTo("/upload/youtube/v3/videos"))
                    .withQueryParam("upload_id", equalTo("NEW"))
                    .withHeader("Content-Range", equalTo("bytes " + range + "/600000"))
                    .willReturn(held(Long.parseLong(range.substring(range.indexOf('-') + 1)))));
        }

        assertThat(youtube.publish(request.resumingFrom(kept)).externalId()).isEqualTo("vidNew");
        wm.verify(1, postRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos")));
        assertThat(receipts).last().asString().endsWith("upload_id=NEW");
    }

    private PublishRequest request(String title, String description) {
        return new PublishRequest(
                channel,
                PostKind.VIDEO,
                title,
                description,
                null,
                null,
                null,
                List.of(new Media("https://cdn.example/film.mp4", "video/mp4", 10_000L, null)),
                List.of("Hà Nội"),
                null,
                "key-1");
    }

    private static ResponseDefinitionBuilder error(int status, String reason) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":" + status + ",\"message\":\"" + reason
                        + " message\",\"errors\":[{\"message\":\"" + reason
                        + " message\",\"domain\":\"youtube.api\",\"reason\":\"" + reason + "\"}]}}");
    }

    private static String statistics(int from, int n) {
        return IntStream.range(from, from + n)
                .mapToObj(
                        i -> "{\"kind\":\"youtube#video\",\"id\":\"v" + i + "\","
                                + "\"statistics\":{\"viewCount\":\"1234\",\"likeCount\":\"56\",\"favoriteCount\":\"0\",\"commentCount\":\"7\"}}")
                .collect(Collectors.joining(",", "{\"kind\":\"youtube#videoListResponse\",\"items\":[", "]}"));
    }

    private static byte[] unzip(byte[] body) {
        try {
            return body.length > 1 && body[0] == 0x1f
                    ? new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes()
                    : body;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // Comments (docs/listening.md)

    private static String thread(String id, String text, String at, long likes, String author) {
        return """
                {"kind":"youtube#commentThread","etag":"e","id":"%1$s","snippet":{"channelId":"UCcity","videoId":"vid1",
                 "topLevelComment":{"kind":"youtube#comment","etag":"e","id":"%1$s","snippet":{
                   "channelId":"UCcity","videoId":"vid1","textDisplay":"%2$s","textOriginal":"%2$s",
                   "authorDisplayName":"Người xem","authorChannelUrl":"http://www.youtube.com/channel/%5$s",
                   "authorChannelId":{"value":"%5$s"},"canRate":true,"viewerRating":"none","likeCount":%4$d,
                   "publishedAt":"%3$s","updatedAt":"%3$s"}},
                 "canReply":true,"totalReplyCount":0,"isPublic":true}}""".formatted(id, text, at, likes, author);
    }

    @Test
    void threadsComeNewestFirstAndReadingStopsAtTheMark() {
        wm.stubFor(get(urlPathEqualTo("/youtube/v3/commentThreads"))
                .withQueryParam("pageToken", absent())
                .willReturn(okJson("{\"kind\":\"youtube#commentThreadListResponse\",\"nextPageToken\":\"QURTSl9p\","
                        + "\"pageInfo\":{\"totalResults\":2,\"resultsPerPage\":100},\"items\":["
                        + thread("Ugx1", "Tin đồn này sai sự thật", "2026-11-23T00:59:00Z", 4, "UCa")
                        + ","
                        + thread("Ugx2", "khong dc tin tin don", "2026-11-23T00:58:00Z", 0, "UCb")
                        + "]}")));
        wm.stubFor(get(urlPathEqualTo("/youtube/v3/commentThreads"))
                .withQueryParam("pageToken", equalTo("QURTSl9p"))
                .willReturn(okJson("{\"kind\":\"youtube#commentThreadListResponse\",\"nextPageToken\":\"QURTSl9q\","
                        + "\"pageInfo\":{\"totalResults\":2,\"resultsPerPage\":100},\"items\":["
                        + thread("Ugx3", "Cảm ơn", "2026-11-23T00:40:00Z", 1, "UCc")
                        + ","
                        + thread("Ugx4", "đã đọc rồi", "2026-11-23T00:10:00Z", 1, "UCd")
                        + "]}")));

        var since = Instant.parse("2026-11-23T00:30:00Z");
        var youtube = connector(10_000);
        var first = youtube.readComments(channel, "vid1", since, null);
        assertThat(first.comments())
                .extracting(Comment::externalId, Comment::text, Comment::likeCount, Comment::authorId)
                .containsExactly(
                        tuple("Ugx1", "Tin đồn này sai sự thật", 4L, "UCa"),
                        tuple("Ugx2", "khong dc tin tin don", 0L, "UCb"));
        assertThat(first.comments().get(0).createdAt()).isEqualTo(Instant.parse("2026-11-23T00:59:00Z"));
        assertThat(first.nextPageToken()).isEqualTo("QURTSl9p");

        var second = youtube.readComments(channel, "vid1", since, first.nextPageToken());
        assertThat(second.comments()).extracting(Comment::externalId).containsExactly("Ugx3");
        assertThat(second.hasMore())
                .as("an older comment than the mark: the rest was read before")
                .isFalse();

        assertThat(quota.unitsUsed("proj")).as("one unit a call").isEqualTo(2);
        wm.verify(
                2,
                getRequestedFor(urlPathEqualTo("/youtube/v3/commentThreads"))
                        .withHeader("Authorization", equalTo("Bearer ya29.ACCESS"))
                        .withQueryParam("part", equalTo("snippet"))
                        .withQueryParam("videoId", equalTo("vid1"))
                        .withQueryParam("order", equalTo("time"))
                        .withQueryParam("maxResults", equalTo("100")));
    }

    @Test
    void aVideoWithCommentsTurnedOffHasNone() {
        wm.stubFor(get(urlPathEqualTo("/youtube/v3/commentThreads")).willReturn(jsonResponse("""
                        {"error":{"code":403,"message":"The video identified by the videoId parameter has disabled comments.",
                          "errors":[{"message":"disabled comments","domain":"youtube.commentThread","reason":"commentsDisabled"}]}}""", 403)));
        var page = connector(10_000).readComments(channel, "vid2", null, null);
        assertThat(page.comments()).isEmpty();
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void noQuotaLeftIsRefusedBeforeTheCall() {
        var youtube = connector(1);
        wm.stubFor(get(urlPathEqualTo("/youtube/v3/commentThreads"))
                .willReturn(okJson("{\"kind\":\"youtube#commentThreadListResponse\",\"items\":[]}")));
        youtube.readComments(channel, "vid1", null, null);
        assertThatThrownBy(() -> youtube.readComments(channel, "vid1", null, null))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/youtube/v3/commentThreads")));
    }
}
